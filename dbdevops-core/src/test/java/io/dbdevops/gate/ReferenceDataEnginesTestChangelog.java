package io.dbdevops.gate;

/** The changelog of {@link ReferenceDataEnginesTest}: two reference tables with every type family, shared by the drift test. */
public final class ReferenceDataEnginesTestChangelog {

  private ReferenceDataEnginesTestChangelog() {
  }

  public static final String CHANGELOG = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        <property name="tinybool" value="TINYINT(1)" dbms="mariadb"/>
        <property name="tinybool" value="BOOLEAN"/>
        <changeSet id="1" author="test">
          <createTable tableName="ref">
            <column name="id" type="INT"><constraints primaryKey="true" nullable="false"/></column>
            <column name="big" type="BIGINT"/>
            <column name="amount" type="DECIMAL(10,2)"/>
            <column name="ratio" type="DOUBLE"/>
            <column name="flag" type="BOOLEAN"/>
            <column name="tiny" type="${tinybool}"/>
            <column name="day" type="DATE"/>
            <column name="at_time" type="TIME"/>
            <column name="stamp" type="DATETIME"/>
            <column name="code" type="CHAR(4)"/>
            <column name="label" type="VARCHAR(50)"/>
            <column name="note" type="CLOB"/>
            <column name="bin" type="VARBINARY(8)"/>
          </createTable>
          <createTable tableName="rate">
            <column name="region" type="VARCHAR(2)"><constraints nullable="false"/></column>
            <column name="tier" type="INT"><constraints nullable="false"/></column>
            <column name="rate" type="DECIMAL(5,3)"/>
          </createTable>
          <addPrimaryKey tableName="rate" columnNames="region, tier" constraintName="pk_rate"/>
        </changeSet>
        <changeSet id="2" author="test">
          <insert tableName="ref">
            <column name="id" valueNumeric="1"/>
            <column name="big" valueNumeric="9007199254740993"/>
            <column name="amount" valueNumeric="12.5"/>
            <column name="ratio" valueNumeric="0.25"/>
            <column name="flag" valueBoolean="true"/>
            <column name="tiny" valueBoolean="true"/>
            <column name="day" valueDate="2026-01-31"/>
            <column name="at_time" valueDate="10:15:00"/>
            <column name="stamp" valueDate="2026-01-31T10:15:30"/>
            <column name="code" value="AB"/>
            <column name="label" value="Grüße, &quot;quoted&quot;"/>
            <column name="note" value="a&#10;b"/>
          </insert>
          <sql>INSERT INTO ref (id, label) VALUES (2, '')</sql>
          <insert tableName="ref">
            <column name="id" valueNumeric="10"/>
            <column name="big" valueNumeric="-5"/>
            <column name="amount" valueNumeric="0"/>
            <column name="ratio" valueNumeric="-1.5"/>
            <column name="flag" valueBoolean="false"/>
            <column name="tiny" valueBoolean="false"/>
            <column name="day" valueDate="1999-12-31"/>
            <column name="at_time" valueDate="23:59:59"/>
            <column name="stamp" valueDate="2000-01-01T00:00:00"/>
            <column name="code" value="ABCD"/>
            <column name="label" value="x"/>
            <column name="note" value="y"/>
          </insert>
          <sql dbms="h2,mariadb">UPDATE ref SET bin = X'CAFE' WHERE id = 1</sql>
          <sql dbms="h2,mariadb">UPDATE ref SET bin = X'00FF' WHERE id = 10</sql>
          <sql dbms="postgresql">UPDATE ref SET bin = '\\xcafe'::bytea WHERE id = 1</sql>
          <sql dbms="postgresql">UPDATE ref SET bin = '\\x00ff'::bytea WHERE id = 10</sql>
          <insert tableName="rate"><column name="region" value="US"/><column name="tier" valueNumeric="1"/><column name="rate" valueNumeric="2"/></insert>
          <insert tableName="rate"><column name="region" value="EU"/><column name="tier" valueNumeric="10"/><column name="rate" valueNumeric="1.5"/></insert>
          <insert tableName="rate"><column name="region" value="EU"/><column name="tier" valueNumeric="9"/><column name="rate" valueNumeric="0.125"/></insert>
        </changeSet>
      </databaseChangeLog>
      """;
}
