package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangeInfo.ColumnInfo;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog read without a database: order, files, lines, changes, and checksums equal to Liquibase's own. */
class ChangelogReaderTest {

  private static final String XML_HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;

  @TempDir
  Path root;

  private final ChangelogReader reader = new ChangelogReader();

  @Test
  void readsEveryFormatInExecutionOrderWithFilesAndLines() throws IOException {
    ChangelogSource changelog = mixedChangelog();
    List<ChangeSetInfo> changesets = reader.read(changelog);
    assertThat(changesets).extracting(ChangeSetInfo::key).containsExactly(
        "db/changelog/changes/001-customers.xml::001-customers::alice",
        "db/changelog/changes/001-customers.xml::002-customers-email::alice",
        "db/changelog/changes/002-status.yaml::003-status::bob",
        "db/changelog/changes/002-status.yaml::004-status-drop::bob",
        "db/changelog/changes/003-lines.sql::005-lines::carol",
        "db/changelog/changes/003-lines.sql::006-lines-index::carol",
        "db/changelog/more/db.changelog-more.xml::007-archive::dave",
        "db/changelog/more/db.changelog-more.xml::008-view::dave");
    assertThat(changesets).extracting(ChangeSetInfo::location).containsExactly(
        "db/changelog/changes/001-customers.xml:7",
        "db/changelog/changes/001-customers.xml:20",
        "db/changelog/changes/002-status.yaml:2",
        "db/changelog/changes/002-status.yaml:15",
        "db/changelog/changes/003-lines.sql:3",
        "db/changelog/changes/003-lines.sql:8",
        "db/changelog/more/db.changelog-more.xml:7",
        "db/changelog/more/db.changelog-more.xml:11");
    assertThat(changesets).allSatisfy(cs -> assertThat(cs.checksum()).matches("9:[0-9a-f]{32}"));
  }

  @Test
  void changesAreCarriedAsPlainData() throws IOException {
    List<ChangeSetInfo> changesets = reader.read(mixedChangelog());

    ChangeSetInfo customers = changesets.get(0);
    assertThat(customers.comment()).contains("People who order");
    assertThat(customers.hasRollback()).isFalse();
    assertThat(customers.runInTransaction()).isTrue();
    ChangeInfo createTable = customers.changes().get(0);
    assertThat(createTable.type()).isEqualTo("createTable");
    assertThat(createTable.attribute("tableName")).contains("customers");
    assertThat(createTable.columns()).containsExactly(
        new ColumnInfo("id", Optional.of("BIGINT"), Optional.of(false), Optional.empty(), false, true),
        new ColumnInfo("created_at", Optional.of("TIMESTAMP"), Optional.of(false), Optional.of("CURRENT_TIMESTAMP"), true, false),
        new ColumnInfo("vip", Optional.of("BOOLEAN"), Optional.empty(), Optional.of("false"), false, false));

    ChangeSetInfo email = changesets.get(1);
    assertThat(email.runInTransaction()).isFalse();
    assertThat(email.hasRollback()).isTrue();
    ChangeInfo addColumn = email.changes().get(0);
    assertThat(addColumn.type()).isEqualTo("addColumn");
    assertThat(addColumn.columns()).containsExactly(
        new ColumnInfo("email", Optional.of("VARCHAR(255)"), Optional.of(false), Optional.of("none"), false, false),
        new ColumnInfo("score", Optional.of("INT"), Optional.empty(), Optional.of("0"), false, false));

    ChangeInfo dropColumn = changesets.get(3).changes().get(0);
    assertThat(dropColumn.type()).isEqualTo("dropColumn");
    assertThat(dropColumn.attributes()).containsEntry("tableName", "order_status").containsEntry("columnName", "legacy");

    ChangeSetInfo lines = changesets.get(4);
    assertThat(lines.changes()).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo("sql");
      assertThat(c.sql()).hasValueSatisfying(sql -> assertThat(sql).contains("CREATE TABLE order_lines"));
    });
    assertThat(lines.hasRollback()).isTrue();
    assertThat(changesets.get(5).hasRollback()).isFalse();

    ChangeInfo sqlFile = changesets.get(6).changes().get(0);
    assertThat(sqlFile.type()).isEqualTo("sqlFile");
    assertThat(sqlFile.attribute("path")).contains("archive.sql");
    assertThat(sqlFile.sql()).contains("CREATE TABLE archive (id BIGINT PRIMARY KEY);\n");

    ChangeInfo view = changesets.get(7).changes().get(0);
    assertThat(view.type()).isEqualTo("createView");
    assertThat(view.attribute("viewName")).contains("customer_names");
    assertThat(view.sql()).hasValueSatisfying(sql -> assertThat(sql.strip()).isEqualTo("SELECT id, email FROM customers"));
    assertThat(view.attributes()).doesNotContainKey("selectQuery");
  }

  @Test
  void checksumsEqualWhatLiquibaseStoresInDatabaseChangelog() throws Exception {
    assertChecksumsMatchDatabaseChangelog(mixedChangelog());
  }

  @Test
  void exampleProjectChecksumsEqualWhatLiquibaseStores() throws Exception {
    ChangelogSource example = new ChangelogSource(Path.of("../example-project/src/main/resources").toAbsolutePath(),
        "db/changelog/db.changelog-master.xml");
    List<ChangeSetInfo> changesets = assertChecksumsMatchDatabaseChangelog(example);
    assertThat(changesets).hasSize(7);
    assertThat(changesets).extracting(ChangeSetInfo::line).containsExactly(8, 8, 2, 8, 3, 8, 8);
  }

  @Test
  void changelogParametersAreSubstitutedAsTheUpdateDoes() throws Exception {
    ChangelogSource changelog = write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <changeSet id="1" author="a">
            <createTable tableName="${prefix}_items"><column name="id" type="INT"/></createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    Map<String, String> parameters = Map.of("prefix", "shop");
    ChangeSetInfo read = reader.read(changelog, parameters).get(0);
    assertThat(read.changes().get(0).attribute("tableName")).contains("shop_items");
    try (Connection c = h2()) {
      new LiquibaseRunner().update(c, changelog, new LiquibaseRunner.UpdateOptions(Optional.empty(), Optional.empty(), parameters));
      assertThat(storedChecksums(c)).containsEntry(read.key(), read.checksum());
    }
  }

  @Test
  void malformedXmlNamesFileAndLineLikeTheRunner() throws IOException {
    ChangelogSource changelog = write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <include file="changes/bad.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/bad.xml", XML_HEADER + """
          <changeSet id="1" author="a">
            <addColumn tableName="t">
              <column name="c" type="INT">
            </addColumn>
          </changeSet>
        </databaseChangeLog>
        """);
    assertThatThrownBy(() -> reader.read(changelog)).isInstanceOf(InvalidChangeException.class)
        .hasMessageStartingWith("malformed changelog: db/changelog/changes/bad.xml line 8 column 7: ");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws IOException {
    ChangelogSource changelog = write("db/changelog/db.changelog-master.yaml", """
        databaseChangeLog:
          - changeSet:
              id: 1
              author: a
              changes:
                - createTable:
                    tableName: t
                   columns: [
        """);
    assertThatThrownBy(() -> reader.read(changelog)).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("malformed changelog: db/changelog/db.changelog-master.yaml line");
  }

  @Test
  void missingChangelogIsASetupProblem() {
    assertThatThrownBy(() -> reader.read(new ChangelogSource(root, "db/changelog/nope.xml")))
        .isInstanceOf(SetupException.class).hasMessageContaining("changelog not found");
  }

  @Test
  void duplicateChangesetsAreReturnedAsWritten() throws IOException {
    ChangelogSource changelog = write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <include file="a.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/a.xml", XML_HEADER + """
          <changeSet id="1" author="a"><sql>SELECT 1</sql></changeSet>
          <changeSet id="2" author="a"><sql>SELECT 2</sql></changeSet>
          <changeSet id="1" author="a"><sql>SELECT 3</sql></changeSet>
        </databaseChangeLog>
        """);
    assertThat(reader.read(changelog)).extracting(ChangeSetInfo::id, ChangeSetInfo::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 5), org.assertj.core.groups.Tuple.tuple("2", 6),
            org.assertj.core.groups.Tuple.tuple("1", 7));
  }

  // --- selection: contexts, labels, dbms, ignore, as the update selects --------------------------------------------------

  @Test
  void aSelectionReturnsWhatTheUpdateRunsWithItsContextsAndLabels() throws Exception {
    ChangelogSource changelog = selectionChangelog();
    LiquibaseRunner.UpdateOptions prodPostgres = new LiquibaseRunner.UpdateOptions(Optional.of("prod, postgresql"),
        Optional.of("!slow"), Map.of());
    List<ChangeSetInfo> selected = reader.read(changelog, new Selection(prodPostgres, io.dbdevops.config.Dialect.H2));
    assertThat(selected).extracting(ChangeSetInfo::id, ChangeSetInfo::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("001-base", 5),
        org.assertj.core.groups.Tuple.tuple("002-status", 8),
        org.assertj.core.groups.Tuple.tuple("004-index", 13));
    assertThat(selected.get(1).changes().get(0).sql()).hasValueSatisfying(sql -> assertThat(sql).contains("'pg'"));
    // the same changesets and checksums the update stores
    try (Connection c = h2()) {
      new LiquibaseRunner().update(c, changelog, prodPostgres);
      Map<String, String> expected = new LinkedHashMap<>();
      selected.forEach(cs -> expected.put(cs.key(), cs.checksum()));
      assertThat(storedChecksums(c)).containsExactlyEntriesOf(expected);
    }
  }

  @Test
  void withoutContextsEveryContextIsSelectedSoAReusedIdIsSelectedTwice() throws Exception {
    ChangelogSource changelog = selectionChangelog();
    List<ChangeSetInfo> selected = reader.read(changelog,
        new Selection(LiquibaseRunner.UpdateOptions.DEFAULT, io.dbdevops.config.Dialect.H2));
    // 002-status twice (contexts postgresql and mysql), the slow one; never the ignored 005, nor the mariadb-only 004
    assertThat(selected).extracting(ChangeSetInfo::id, ChangeSetInfo::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("001-base", 5),
        org.assertj.core.groups.Tuple.tuple("002-status", 8),
        org.assertj.core.groups.Tuple.tuple("002-status", 9),
        org.assertj.core.groups.Tuple.tuple("003-slow", 10),
        org.assertj.core.groups.Tuple.tuple("004-index", 13));
    // as Liquibase sees it: that selection is refused
    try (Connection c = h2()) {
      assertThatThrownBy(() -> new LiquibaseRunner().update(c, changelog, LiquibaseRunner.UpdateOptions.DEFAULT))
          .hasMessageContaining("duplicate identifiers");
    }
  }

  @Test
  void theDbmsSelectsItsOwnVariantOfAReusedId() throws IOException {
    ChangelogSource changelog = selectionChangelog();
    LiquibaseRunner.UpdateOptions prod = new LiquibaseRunner.UpdateOptions(Optional.of("prod,postgresql"),
        Optional.empty(), Map.of());
    assertThat(reader.read(changelog, new Selection(prod, io.dbdevops.config.Dialect.MARIADB)))
        .filteredOn(cs -> cs.id().equals("004-index")).extracting(ChangeSetInfo::line).containsExactly(16);
    assertThat(reader.read(changelog, new Selection(prod, io.dbdevops.config.Dialect.POSTGRESQL)))
        .filteredOn(cs -> cs.id().equals("004-index")).extracting(ChangeSetInfo::line).containsExactly(13);
    // unfiltered, every changeset as written
    assertThat(reader.read(changelog)).extracting(ChangeSetInfo::line).containsExactly(5, 8, 9, 10, 13, 16, 19);
  }

  // --- logicalFilePath: identity keeps it, locations do not ------------------------------------------------------------

  @Test
  void aLogicalFilePathIsTheIdentityButTheLocationIsThePhysicalFileAndLine() throws Exception {
    ChangelogSource changelog = write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <include file="changes/010-logical.xml" relativeToChangelogFile="true"/>
          <include file="changes/011-per-changeset.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/010-logical.xml", XML_HEADER.replace("dbchangelog-4.20.xsd\">",
        "dbchangelog-4.20.xsd\"\n    logicalFilePath=\"orders/changes\">") + """

          <changeSet id="010-archive" author="erin">
            <sqlFile path="010-archive.sql" relativeToChangelogFile="true"/>
          </changeSet>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/010-archive.sql", "CREATE TABLE archive (id BIGINT PRIMARY KEY);\n");
    write("db/changelog/changes/011-per-changeset.xml", XML_HEADER + """
          <changeSet id="011-plain" author="erin">
            <sql>CREATE TABLE plain (id INT)</sql>
          </changeSet>
          <changeSet id="012-renamed" author="erin" logicalFilePath="legacy/012.xml">
            <sql>CREATE TABLE renamed (id INT)</sql>
          </changeSet>
        </databaseChangeLog>
        """);
    List<ChangeSetInfo> changesets = assertChecksumsMatchDatabaseChangelog(changelog);
    assertThat(changesets).extracting(ChangeSetInfo::key).containsExactly(
        "orders/changes::010-archive::erin",
        "db/changelog/changes/011-per-changeset.xml::011-plain::erin",
        "legacy/012.xml::012-renamed::erin");
    assertThat(changesets).extracting(ChangeSetInfo::location).containsExactly(
        "db/changelog/changes/010-logical.xml:7",
        "db/changelog/changes/011-per-changeset.xml:5",
        "db/changelog/changes/011-per-changeset.xml:8");
    assertThat(changesets).extracting(ChangeSetInfo::physicalFile).containsExactly(
        "db/changelog/changes/010-logical.xml",
        "db/changelog/changes/011-per-changeset.xml",
        "db/changelog/changes/011-per-changeset.xml");
    // a path relative to the changelog file is resolved from the physical file
    assertThat(changesets.get(0).changes().get(0).sql()).hasValueSatisfying(sql -> assertThat(sql).contains("archive"));
  }

  // --- fixtures -----------------------------------------------------------------------------------------------------

  private List<ChangeSetInfo> assertChecksumsMatchDatabaseChangelog(ChangelogSource changelog) throws Exception {
    List<ChangeSetInfo> changesets = reader.read(changelog);
    Map<String, String> expected = new LinkedHashMap<>();
    for (ChangeSetInfo cs : changesets) {
      expected.put(cs.key(), cs.checksum());
    }
    try (Connection c = h2()) {
      new LiquibaseRunner().update(c, changelog, LiquibaseRunner.UpdateOptions.DEFAULT);
      Map<String, String> stored = storedChecksums(c);
      assertThat(stored).containsExactlyEntriesOf(expected);
    }
    return changesets;
  }

  private static Map<String, String> storedChecksums(Connection c) throws Exception {
    Map<String, String> stored = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ID, AUTHOR, FILENAME, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
      while (rs.next()) {
        stored.put(rs.getString("FILENAME") + "::" + rs.getString("ID") + "::" + rs.getString("AUTHOR"), rs.getString("MD5SUM"));
      }
    }
    return stored;
  }

  private static Connection h2() throws Exception {
    return DriverManager.getConnection("jdbc:h2:mem:reader-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "");
  }

  /** XML master → XML (2 changesets), YAML (2), formatted SQL (2), and a nested master with sqlFile and createView. */
  private ChangelogSource mixedChangelog() throws IOException {
    ChangelogSource master = write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <include file="changes/001-customers.xml" relativeToChangelogFile="true"/>
          <include file="changes/002-status.yaml" relativeToChangelogFile="true"/>
          <include file="db/changelog/changes/003-lines.sql"/>
          <include file="more/db.changelog-more.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/001-customers.xml", XML_HEADER + """
          <!-- <changeSet id="001-customers" author="alice"> an old draft, commented out -->

          <changeSet id="001-customers" author="alice">
            <comment>People who order</comment>
            <createTable tableName="customers">
              <column name="id" type="BIGINT" autoIncrement="true">
                <constraints primaryKey="true"/>
              </column>
              <column name="created_at" type="TIMESTAMP" defaultValueComputed="CURRENT_TIMESTAMP">
                <constraints nullable="false"/>
              </column>
              <column name="vip" type="BOOLEAN" defaultValueBoolean="false"/>
            </createTable>
          </changeSet>

          <changeSet
              author="alice"
              id="002-customers-email"
              runInTransaction="false">
            <addColumn tableName="customers">
              <column name="email" type="VARCHAR(255)" defaultValue="none">
                <constraints nullable="false"/>
              </column>
              <column name="score" type="INT" defaultValueNumeric="0"/>
            </addColumn>
            <rollback>
              <dropColumn tableName="customers" columnName="email"/>
              <dropColumn tableName="customers" columnName="score"/>
            </rollback>
          </changeSet>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/002-status.yaml", """
        databaseChangeLog:
          - changeSet:
              id: 003-status
              author: bob
              changes:
                - createTable:
                    tableName: order_status
                    columns:
                      - column:
                          name: code
                          type: VARCHAR(20)
                      - column:
                          name: legacy
                          type: VARCHAR(20)
          - changeSet:
              id: "004-status-drop"
              author: bob
              changes:
                - dropColumn:
                    tableName: order_status
                    columnName: legacy
        """);
    write("db/changelog/changes/003-lines.sql", """
        --liquibase formatted sql

        --changeset carol:005-lines
        CREATE TABLE order_lines (id BIGINT PRIMARY KEY, qty INT NOT NULL);
        --rollback DROP TABLE order_lines;

        -- an ordinary comment
        --changeset carol:006-lines-index runInTransaction:true
        CREATE INDEX idx_order_lines_qty ON order_lines (qty);
        """);
    write("db/changelog/more/db.changelog-more.xml", XML_HEADER + """
          <!-- a nested master with an sqlFile and a view -->

          <changeSet id="007-archive" author="dave">
            <sqlFile path="archive.sql" relativeToChangelogFile="true"/>
          </changeSet>

          <changeSet id="008-view" author="dave">
            <createView viewName="customer_names">
              SELECT id, email FROM customers
            </createView>
          </changeSet>
        </databaseChangeLog>
        """);
    write("db/changelog/more/archive.sql", "CREATE TABLE archive (id BIGINT PRIMARY KEY);\n");
    return master;
  }

  /**
   * Reused ids as Liquibase allows them: 002-status per context (postgresql / mysql), 004-index per dbms; 003-slow
   * labelled slow, 005 ignored.
   */
  private ChangelogSource selectionChangelog() throws IOException {
    return write("db/changelog/db.changelog-master.xml", XML_HEADER + """
          <changeSet id="001-base" author="a"><sql>CREATE TABLE base (id INT)</sql></changeSet>

          <!-- one id, one variant per database family -->
          <changeSet id="002-status" author="a" context="postgresql"><sql>SELECT 'pg'</sql></changeSet>
          <changeSet id="002-status" author="a" context="mysql"><sql>SELECT 'my'</sql></changeSet>
          <changeSet id="003-slow" author="a" labels="slow"><sql>SELECT 3</sql></changeSet>

          <!-- one id, one variant per dbms -->
          <changeSet id="004-index" author="a" dbms="h2, postgresql">
            <createIndex tableName="base" indexName="idx_base_id"><column name="id"/></createIndex>
          </changeSet>
          <changeSet id="004-index" author="a" dbms="mariadb">
            <sql>CREATE INDEX idx_base_id ON base (id)</sql>
          </changeSet>
          <changeSet id="005-ignored" author="a" ignore="true"><sql>SELECT 5</sql></changeSet>
        </databaseChangeLog>
        """);
  }

  private ChangelogSource write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new ChangelogSource(root, path);
  }
}
