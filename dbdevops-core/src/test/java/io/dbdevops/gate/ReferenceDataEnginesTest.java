package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.generate.ChangesetGenerator;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateReader;
import io.dbdevops.testdb.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same changelog rows give the same data/<table>.csv on H2, PostgreSQL and MariaDB (real servers): every type
 * family, NULL vs the empty string, a composite key; then an edited CSV → generate → verify passes on each engine.
 */
class ReferenceDataEnginesTest {

  static final String MASTER = "db/changelog/db.changelog-master.xml";

  static final String CHANGELOG = """
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

  static final String REF_CSV = """
      id,big,amount,ratio,flag,tiny,day,at_time,stamp,code,label,note,bin
      1,9007199254740993,12.50,0.25,true,true,2026-01-31,10:15:00,2026-01-31T10:15:30,AB,"Grüße, ""quoted\"\"\","a
      b",cafe
      "2",,,,,,,,,,"",,
      10,-5,0.00,-1.5,false,false,1999-12-31,23:59:59,2000-01-01T00:00:00,ABCD,x,y,00ff
      """;

  static final String RATE_CSV = """
      region,tier,rate
      EU,9,0.125
      EU,10,1.500
      US,1,2.000
      """;

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  private GateSettings settings(Engine engine) throws Exception {
    Path master = dir.resolve("resources").resolve(MASTER);
    Files.createDirectories(master.getParent());
    Files.writeString(master, CHANGELOG, StandardCharsets.UTF_8);
    return new GateSettings(new ChangelogSource(dir.resolve("resources"), MASTER), dir.resolve("schema"), engine.shadow(),
        List.of(), null).withReferenceData(List.of("ref", "rate"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theSameRowsGiveTheSameCsvOnEveryEngine(Engine engine) throws Exception {
    GateSettings settings = settings(engine);
    gate.snapshot(settings);
    assertThat(Files.readString(dir.resolve("schema/data/ref.csv"))).isEqualTo(REF_CSV);
    assertThat(Files.readString(dir.resolve("schema/data/rate.csv"))).isEqualTo(RATE_CSV);
    assertThat(gate.verify(settings).differences()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEditedCsvGeneratesAChangesetAfterWhichVerifyPasses(Engine engine) throws Exception {
    GateSettings settings = settings(engine);
    gate.snapshot(settings);
    Files.writeString(dir.resolve("schema/data/ref.csv"), """
        id,big,amount,ratio,flag,tiny,day,at_time,stamp,code,label,note,bin
        1,9007199254740993,12.50,0.25,false,true,2026-01-31,10:15:00,2026-01-31T10:15:30,AB,Neu,"it's",cafe
        "2",7,,,,,,,,,"",,
        3,,1.25,,true,false,2026-02-01,08:00:00,2026-02-01T08:00:00,Z,"","",
        """);
    Files.writeString(dir.resolve("schema/data/rate.csv"), "region,tier,rate\nEU,9,0.2\nEU,10,\nUS,2,3\n");
    List<String> before = DiffRendering.lines(gate.verify(settings).differences());
    assertThat(before).contains("data ref", "  ~ row (id=1): flag false -> true, label 'Neu' -> 'Grüße, \"quoted\"', "
        + "note 'it''s' -> 'a\nb'", "data rate", "  ~ row (region=EU, tier=9): rate 0.200 -> 0.125");

    StateReader reader = new StateReader();
    SchemaModel desired = reader.read(settings.stateDirectory());
    Gate.Built current = gate.build(settings);
    ChangesetGenerator.Generated generated = new ChangesetGenerator().generate(settings.changelog(), current.model(),
        current.data(), desired, reader.readData(settings.stateDirectory(), desired, settings.referenceData()),
        new ChangesetGenerator.Request("3-edit-rows", "test", "changes"));
    assertThat(DiffRendering.lines(generated.changes())).containsExactly(
        "data rate",
        "  ~ row (region=EU, tier=9): rate 0.125 -> 0.200",
        "  ~ row (region=EU, tier=10): rate 1.500 -> NULL",
        "  - row (region=US, tier=1): rate 2.000",
        "  + row (region=US, tier=2): rate 3.000",
        "data ref",
        "  ~ row (id=1): flag true -> false, label 'Grüße, \"quoted\"' -> 'Neu', note 'a\nb' -> 'it''s'",
        "  ~ row (id=2): big NULL -> 7",
        "  + row (id=3): big NULL, amount 1.25, ratio NULL, flag true, tiny false, day '2026-02-01', "
            + "at_time '08:00:00', stamp '2026-02-01T08:00:00', code 'Z', label '', note '', bin NULL",
        "  - row (id=10): big -5, amount 0.00, ratio -1.5, flag false, tiny false, day '1999-12-31', "
            + "at_time '23:59:59', stamp '2000-01-01T00:00:00', code 'ABCD', label 'x', note 'y', bin '00ff'");
    VerifyResult after = gate.verify(settings);
    assertThat(DiffRendering.lines(after.differences())).isEmpty();
    assertThat(after.changesetsApplied()).isEqualTo(3);
  }
}
