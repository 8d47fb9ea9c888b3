package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.testdb.Engine;
import io.dbdevops.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The changesets the reader selects for a database are the ones Liquibase's update runs there, with the checksums it
 * stores: on H2, PostgreSQL and MariaDB, for ids reused per context and per dbms (XML, YAML, formatted SQL), labels,
 * {@code ignore}, a dbms-specific changelog property and a change of another dbms inside a selected changeset (left out
 * of its checksum).
 */
class SelectionEnginesTest {

  private static final String XML_HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;
  private static final UpdateOptions PROD_POSTGRES = new UpdateOptions(Optional.of("prod, postgresql"),
      Optional.of("!slow"), Map.of());

  @TempDir
  Path root;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theReaderSelectsWhatTheUpdateRunsWithItsChecksums(Engine engine) throws Exception {
    ChangelogSource changelog = changelog();
    Selection selection = new Selection(PROD_POSTGRES, engine.dialect());
    List<ChangeSetInfo> selected = new ChangelogReader().read(changelog, selection);

    Map<String, String> expected = new LinkedHashMap<>();
    selected.forEach(cs -> expected.put(cs.key(), cs.checksum()));
    assertThat(applied(engine, changelog)).containsExactlyEntriesOf(expected);
    assertThat(new ChangelogSelection().select(changelog, selection)).extracting(ChangeSetRef::key)
        .containsExactlyElementsOf(expected.keySet());

    // each reused id once, and the variant's own line; neither the ignored one nor MySQL's (not even on MariaDB)
    boolean mariadb = engine == Engine.MARIADB;
    assertThat(selected).extracting(cs -> cs.id() + "@" + cs.line()).containsExactly(
        "001-base@7",
        "002-status@11",
        mariadb ? "004-index@19" : "004-index@16",
        "010-yaml@" + (mariadb ? 12 : 2),
        "020-sql@" + (mariadb ? 6 : 3));
  }

  /** {@code FILENAME::ID::AUTHOR → MD5SUM} after an update with the options, in execution order. */
  private static Map<String, String> applied(Engine engine, ChangelogSource changelog) throws Exception {
    if (engine == Engine.H2) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:selection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0",
          "sa", "")) {
        return update(c, changelog);
      }
    }
    try (TestDatabases.TempDatabase db = engine.server().createDatabase(); Connection c = db.connect()) {
      return update(c, changelog);
    }
  }

  private static Map<String, String> update(Connection c, ChangelogSource changelog) throws Exception {
    new LiquibaseRunner().update(c, changelog, PROD_POSTGRES);
    Map<String, String> stored = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ID, AUTHOR, FILENAME, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
      while (rs.next()) {
        stored.put(rs.getString("FILENAME") + "::" + rs.getString("ID") + "::" + rs.getString("AUTHOR"),
            rs.getString("MD5SUM"));
      }
    }
    return stored;
  }

  private ChangelogSource changelog() throws Exception {
    write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <property name="text_type" value="CLOB" dbms="h2"/>
          <property name="text_type" value="TEXT" dbms="postgresql, mariadb"/>
          <changeSet id="001-base" author="a">
            <createTable tableName="base"><column name="id" type="INT"/><column name="note" type="${text_type}"/></createTable>
          </changeSet>

          <changeSet id="002-status" author="a" context="postgresql"><sql>SELECT 2</sql></changeSet>
          <changeSet id="002-status" author="a" context="mysql"><sql>SELECT 3</sql></changeSet>
          <changeSet id="003-slow" author="a" labels="slow"><sql>SELECT 4</sql></changeSet>
          <changeSet id="003-test-data" author="a" context="test"><sql>SELECT 5</sql></changeSet>

          <changeSet id="004-index" author="a" dbms="h2, postgresql">
            <createIndex tableName="base" indexName="idx_base_id"><column name="id"/></createIndex>
          </changeSet>
          <changeSet id="004-index" author="a" dbms="mariadb">
            <sql>CREATE INDEX idx_base_id ON base (id)</sql>
          </changeSet>
          <changeSet id="005-ignored" author="a" ignore="true"><sql>SELECT 6</sql></changeSet>
          <changeSet id="006-mysql-only" author="a" dbms="mysql"><sql>SELECT 7</sql></changeSet>
          <include file="changes.yaml" relativeToChangelogFile="true"/>
          <include file="changes.sql" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/changes.yaml", """
        databaseChangeLog:
          - changeSet:
              id: 010-yaml
              author: a
              dbms: h2,postgresql
              changes:
                - sql:
                    dbms: postgresql
                    sql: SELECT 10
                - sql:
                    sql: SELECT 11
          - changeSet:
              id: 010-yaml
              author: a
              dbms: mariadb
              changes:
                - sql:
                    sql: SELECT 12
        """);
    write("db/changelog/changes.sql", """
        --liquibase formatted sql

        --changeset a:020-sql dbms:h2,postgresql
        SELECT 20;

        --changeset a:020-sql dbms:mariadb
        SELECT 21;
        """);
    return new ChangelogSource(root, "db/changelog/db.changelog-master.xml");
  }

  private void write(String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
