package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a changeset and its DATABASECHANGELOG row are one transaction: when the row cannot be written (here a
 * trigger refuses it, standing in for a process killed between the two), the changeset's table is not there either,
 * so the next update runs the changeset again instead of failing on "relation already exists" or being blocked by drift.
 */
class ChangeSetTransactionsTest {

  private static final String CHANGELOG = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        <changeSet id="001-history-guard" author="test">
          <sql splitStatements="false">
            CREATE FUNCTION refuse_history() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.id = '002-two-tables' AND EXISTS (SELECT 1 FROM guard WHERE armed) THEN
                RAISE EXCEPTION 'history row refused';
              END IF;
              RETURN NEW;
            END $$
          </sql>
          <createTable tableName="guard"><column name="armed" type="boolean"/></createTable>
          <sql>INSERT INTO guard VALUES (true)</sql>
          <sql>CREATE TRIGGER refuse_history BEFORE INSERT ON databasechangelog FOR EACH ROW EXECUTE FUNCTION refuse_history()</sql>
        </changeSet>
        <changeSet id="002-two-tables" author="test">
          <createTable tableName="first_table"><column name="id" type="int"/></createTable>
          <createTable tableName="second_table"><column name="id" type="int"/></createTable>
        </changeSet>
        <changeSet id="003-third" author="test">
          <createTable tableName="third_table"><column name="id" type="int"/></createTable>
        </changeSet>
      </databaseChangeLog>
      """;

  @Test
  void aChangesetWhoseHistoryRowFailsLeavesNothingBehindOnPostgres(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/changelog.xml"), CHANGELOG);
    ChangelogSource changelog = new ChangelogSource(dir, "db/changelog.xml");
    try (TempDatabase db = TestDatabases.postgres().createDatabase()) {
      try (Connection c = db.connect()) {
        assertThatThrownBy(() -> new LiquibaseRunner().update(c, changelog, LiquibaseRunner.UpdateOptions.DEFAULT))
            .isInstanceOf(InvalidChangeException.class)
            .hasMessageContaining("history row refused");
      }
      assertThat(tables(db)).as("the changeset's tables went with its refused history row")
          .doesNotContain("first_table", "second_table").contains("guard", "databasechangelog");
      assertThat(ids(db)).containsExactly("001-history-guard");
      assertThat(query(db, "SELECT locked FROM databasechangeloglock")).as("Liquibase's lock is released")
          .containsExactly("f");

      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("UPDATE guard SET armed = false");
        LiquibaseRunner.UpdateResult again = new LiquibaseRunner().update(c, changelog, LiquibaseRunner.UpdateOptions.DEFAULT);
        assertThat(again.applied()).extracting(AppliedChangeSet::id).containsExactly("002-two-tables", "003-third");
        assertThat(c.getAutoCommit()).as("the caller's autocommit is given back").isTrue();
      }
      assertThat(tables(db)).contains("first_table", "second_table", "third_table");
      assertThat(ids(db)).containsExactly("001-history-guard", "002-two-tables", "003-third");
    }
  }

  private static List<String> tables(TempDatabase db) throws Exception {
    return query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
  }

  private static List<String> ids(TempDatabase db) throws Exception {
    return query(db, "SELECT id FROM databasechangelog ORDER BY orderexecuted");
  }

  private static List<String> query(TempDatabase db, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
