package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One parse for a build: integrity's records and every update, update-count and rollback-count come from the same
 * parsed changelog, and run as they do from a fresh parse each (Liquibase's own way), with the checksums Liquibase
 * stores.
 */
class ParsedChangelogTest {

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;

  private static final UpdateOptions OPTIONS = new UpdateOptions(Optional.empty(), Optional.empty(),
      Map.of("fifth", "t5"));

  @TempDir
  Path root;

  private final LiquibaseRunner runner = new LiquibaseRunner();

  /**
   * A dbms-specific property, a change of another dbms inside a changeset (left out of its checksum), a precondition
   * that marks a changeset ran, an sqlFile expanding a property when it runs, a changelog parameter, an include of
   * formatted SQL.
   */
  private ChangelogSource changelog() throws IOException {
    write("db/master.xml", HEADER + """
          <property name="tname" value="h2things" dbms="h2"/>
          <property name="tname" value="pgthings" dbms="postgresql"/>
          <changeSet id="1" author="a">
            <createTable tableName="${tname}"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="2" author="a">
            <sql dbms="postgresql">select 1</sql>
            <createTable tableName="t2"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="3" author="a">
            <preConditions onFail="MARK_RAN"><tableExists tableName="nope"/></preConditions>
            <createTable tableName="t3"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="4" author="a">
            <sqlFile path="sql/four.sql" relativeToChangelogFile="true"/>
            <rollback><dropTable tableName="t4"/></rollback>
          </changeSet>
          <changeSet id="5" author="a">
            <createTable tableName="${fifth}"><column name="id" type="int"/></createTable>
          </changeSet>
          <include file="more.sql" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/sql/four.sql", "create table t4 (id int, s varchar(20) default '${tname}')\n");
    write("db/more.sql", """
        --liquibase formatted sql
        --changeset b:6
        alter table t5 add column x int;
        --rollback alter table t5 drop column x;
        --changeset b:7
        create index t5_x on t5 (x);
        --rollback drop index t5_x;
        """);
    return new ChangelogSource(root, "db/master.xml");
  }

  @Test
  void oneParseRunsUpdateCountUpdateRollbackAndUpdateAsAFreshParseForEachDoes() throws Exception {
    ChangelogSource changelog = changelog();
    Selection h2 = new Selection(OPTIONS, Dialect.H2);
    ParsedChangelog shared = ParsedChangelog.parse(changelog, h2);
    shared.changeSets(); // what integrity reads first

    List<String> once;
    int parsesWhileRunning;
    try (Connection c = h2(); ParseCounter counter = ParseCounter.start()) {
      once = run(c, () -> shared);
      parsesWhileRunning = counter.parses();
    }
    List<String> fresh;
    try (Connection c = h2()) {
      fresh = run(c, () -> ParsedChangelog.parse(changelog, h2));
    }

    assertThat(parsesWhileRunning).isZero();
    assertThat(once).isEqualTo(fresh);
    assertThat(once.get(0)).contains("row 1 EXECUTED", "row 2 EXECUTED").doesNotContain("row 3 ");
    assertThat(once.get(1)).contains("row 3 MARK_RAN", "row 7 EXECUTED", "table T5", "t4.s 'h2things'");
    assertThat(once.get(2)).contains("row 4 EXECUTED").doesNotContain("row 5 ", "table T5");
    assertThat(once.get(3)).isEqualTo(once.get(1));
  }

  @Test
  void givenOnlyTheChangesetsAfterTheAppliedOnesLiquibaseRunsAsFromTheWholeChangelog() throws Exception {
    ChangelogSource changelog = changelog();
    Selection h2 = new Selection(OPTIONS, Dialect.H2);
    List<String> whole;
    try (Connection c = h2()) {
      whole = run(c, () -> ParsedChangelog.parse(changelog, h2));
    }
    ParsedChangelog parsed = ParsedChangelog.parse(changelog, h2);
    List<String> after = new ArrayList<>();
    try (Connection c = h2()) {
      runner.update(c, Update.of(parsed).upTo(2));
      after.add(state(c));
      runner.update(c, Update.of(parsed).after(2));
      after.add(state(c));
      assertThat(runner.rollbackCount(c, parsed, 3, 2).failure()).isEmpty();
      after.add(state(c));
      runner.update(c, Update.of(parsed).after(2));
      after.add(state(c));
    }
    assertThat(after).isEqualTo(whole);
    assertThat(parsed.after(2).getChangeSets()).extracting(cs -> cs.getId()).containsExactly("3", "4", "5", "6", "7");
  }

  @Test
  void changesetsThatRunAgainByThemselvesStayInWhenTheAppliedOnesAreLeftOut() throws Exception {
    write("db/again.xml", HEADER + """
          <changeSet id="1" author="a">
            <createTable tableName="t1"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="2" author="a" runAlways="true">
            <insert tableName="t1"><column name="id" valueNumeric="1"/></insert>
          </changeSet>
          <changeSet id="3" author="a">
            <createTable tableName="t3"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="4" author="a">
            <createTable tableName="t4"><column name="id" type="int"/></createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    ChangelogSource changelog = new ChangelogSource(root, "db/again.xml");
    Selection h2 = new Selection(UpdateOptions.DEFAULT, Dialect.H2);
    String whole;
    try (Connection c = h2()) {
      ParsedChangelog parsed = ParsedChangelog.parse(changelog, h2);
      runner.update(c, Update.of(parsed).upTo(3));
      runner.update(c, Update.of(parsed));
      whole = state(c) + rows(c, "t1");
    }
    ParsedChangelog parsed = ParsedChangelog.parse(changelog, h2);
    try (Connection c = h2()) {
      runner.update(c, Update.of(parsed).upTo(3));
      runner.update(c, Update.of(parsed).after(3));
      assertThat(state(c) + rows(c, "t1")).isEqualTo(whole).contains("row 2 RERAN", "t1 rows 2");
    }
    assertThat(parsed.after(3).getChangeSets()).extracting(cs -> cs.getId()).containsExactly("2", "4");
  }

  @Test
  void withEveryChangesetKnownAppliedLiquibaseIsNotRunAtAll() throws Exception {
    ParsedChangelog parsed = ParsedChangelog.parse(changelog(), new Selection(OPTIONS, Dialect.H2));
    try (Connection c = h2()) {
      LiquibaseRunner.UpdateResult result = runner.update(c, Update.of(parsed).after(parsed.selected().size()));
      assertThat(result.applied()).isEmpty();
      // not even its history tables: the database was left alone
      assertThat(tables(c)).doesNotContain("DATABASECHANGELOG", "DATABASECHANGELOGLOCK");
    }
  }

  private static String rows(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return table + " rows " + rs.getInt(1);
    }
  }

  @Test
  void theChecksumsReadAreTheOnesLiquibaseStoresAndStaySoAfterRuns() throws Exception {
    ChangelogSource changelog = changelog();
    ParsedChangelog parsed = ParsedChangelog.parse(changelog, new Selection(OPTIONS, Dialect.H2));
    Map<String, String> read = checksums(parsed.changeSets());
    Map<String, String> stored;
    try (Connection c = h2()) {
      run(c, () -> parsed);
      stored = stored(c);
    }
    assertThat(read).hasSize(7).isEqualTo(stored);
    // taken after the runs, the records are still those of the parse
    ParsedChangelog again = ParsedChangelog.parse(changelog, new Selection(OPTIONS, Dialect.H2));
    try (Connection c = h2()) {
      runner.update(c, Update.of(again));
    }
    assertThat(again.changeSets()).isEqualTo(ParsedChangelog.parse(changelog, new Selection(OPTIONS, Dialect.H2))
        .changeSets());
  }

  @Test
  void aChangelogAskingForTheConnectionsDefaultSchemaIsParsedAgainForTheUpdateAnSqlFileIsExpandedWhenItRuns()
      throws Exception {
    write("db/master.xml", HEADER + """
          <changeSet id="1" author="a">
            <sqlFile path="one.sql" relativeToChangelogFile="true"/>
          </changeSet>
        </databaseChangeLog>
        """);
    write("db/one.sql", "create table ${database.defaultSchemaName}.t1 (id int)\n");
    ChangelogSource sqlFile = new ChangelogSource(root, "db/master.xml");
    ParsedChangelog parsed = ParsedChangelog.parse(sqlFile, new Selection(UpdateOptions.DEFAULT, Dialect.H2));
    try (Connection c = h2(); ParseCounter counter = ParseCounter.start()) {
      runner.update(c, Update.of(parsed));
      assertThat(counter.parses()).isZero();
      assertThat(tables(c)).contains("T1");
    }

    write("db/master.xml", HEADER + """
          <changeSet id="1" author="a">
            <createTable schemaName="${database.defaultSchemaName}" tableName="t1"><column name="id" type="int"/></createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    ParsedChangelog attribute = ParsedChangelog.parse(sqlFile, new Selection(UpdateOptions.DEFAULT, Dialect.H2));
    try (Connection c = h2(); ParseCounter counter = ParseCounter.start()) {
      runner.update(c, Update.of(attribute));
      // offline the default schema is unknown: the update parses with the connected database, as Liquibase does
      assertThat(counter.parses()).isEqualTo(1);
      assertThat(tables(c)).contains("T1");
    }
  }

  @Test
  void aParseIsReusedOnlyOnTheKindOfDatabaseItWasParsedFor() throws IOException {
    ParsedChangelog mariadb = ParsedChangelog.parse(changelog(), new Selection(OPTIONS, Dialect.MARIADB));
    assertThat(mariadb.reusableOn(new liquibase.database.core.MariaDBDatabase())).isPresent();
    assertThat(mariadb.reusableOn(new liquibase.database.core.MySQLDatabase())).isEmpty();
    assertThat(mariadb.reusableOn(new liquibase.database.core.H2Database())).isEmpty();
  }

  @Test
  void aBuildParsesOncePerDialectAndTheDialectDecidesPropertiesAndChecksums() throws IOException {
    ChangelogSource changelog = changelog();
    ParsedChangelogs parses = new ParsedChangelogs();
    ParsedChangelog h2 = parses.get(changelog, OPTIONS, Dialect.H2);
    assertThat(parses.get(changelog, new Selection(OPTIONS, Dialect.H2))).isSameAs(h2);
    ParsedChangelog postgres = parses.get(changelog, OPTIONS, Dialect.POSTGRESQL);
    assertThat(parses.parsed()).containsExactly(h2, postgres);

    assertThat(h2.changeSets().get(0).changes().get(0).attributes()).containsEntry("tableName", "h2things");
    assertThat(postgres.changeSets().get(0).changes().get(0).attributes()).containsEntry("tableName", "pgthings");
    // changeset 2's sql is for PostgreSQL only: part of its checksum there, not on H2
    assertThat(h2.changeSets().get(1).checksum()).isNotEqualTo(postgres.changeSets().get(1).checksum());
    assertThat(h2.changeSets().get(2).checksum()).isEqualTo(postgres.changeSets().get(2).checksum());
    assertThat(h2.selected()).extracting(ChangelogSelection.ChangeSetRef::id)
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void xmlIsCheckedAgainstLiquibasesXsdWhicheverParseCameFirstInTheJvm() throws IOException {
    write("db/master.xml", HEADER + """
          <include file="bare.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    // no xsi:schemaLocation: Liquibase's XSD check refuses it, in its update at application start too
    write("db/bare.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
        </databaseChangeLog>
        """);
    ChangelogSource changelog = new ChangelogSource(root, "db/master.xml");
    try {
      // Liquibase's parser factory made first in a scope without the check (what the integrity reader used to do)
      liquibase.parser.ChangeLogParserFactory.reset();
      liquibase.Scope.child(Map.of("liquibase.validateXmlChangelogFiles", false),
          () -> liquibase.parser.ChangeLogParserFactory.getInstance());
      assertThatThrownBy(() -> ParsedChangelog.parse(changelog, new Selection(UpdateOptions.DEFAULT, Dialect.H2)))
          .isInstanceOf(io.dbdevops.InvalidChangeException.class)
          .hasMessageStartingWith("malformed changelog: db/bare.xml line 2 column ")
          .hasMessageContaining("cvc-elt.1.a");
      assertThatThrownBy(() -> new ChangelogReader().read(changelog)).isInstanceOf(io.dbdevops.InvalidChangeException.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      liquibase.parser.ChangeLogParserFactory.reset();
    }
  }

  /** Update-count 2, update, rollback-count 3, update; the history and tables after each. */
  private List<String> run(Connection c, java.util.function.Supplier<ParsedChangelog> parsed) throws SQLException {
    List<String> states = new ArrayList<>();
    runner.update(c, Update.of(parsed.get()).upTo(2));
    states.add(state(c));
    runner.update(c, Update.of(parsed.get()));
    states.add(state(c));
    assertThat(runner.rollbackCount(c, parsed.get(), 3).failure()).isEmpty();
    states.add(state(c));
    runner.update(c, Update.of(parsed.get()));
    states.add(state(c));
    return states;
  }

  private static String state(Connection c) throws SQLException {
    StringBuilder b = new StringBuilder();
    try (ResultSet rs = c.createStatement().executeQuery(
        "select id, md5sum, exectype, orderexecuted from databasechangelog order by orderexecuted")) {
      while (rs.next()) {
        b.append("row ").append(rs.getString(1)).append(' ').append(rs.getString(3)).append(' ').append(rs.getString(2)).append(' ')
            .append(rs.getInt(4)).append('\n');
      }
    }
    for (String table : tables(c)) {
      b.append("table ").append(table).append('\n');
    }
    try (ResultSet rs = c.createStatement().executeQuery(
        "select column_default from information_schema.columns where table_name = 'T4' and column_name = 'S'")) {
      while (rs.next()) {
        b.append("t4.s ").append(rs.getString(1)).append('\n');
      }
    }
    return b.toString();
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString(3));
      }
    }
    return tables.stream().sorted().toList();
  }

  private static Map<String, String> stored(Connection c) throws SQLException {
    Map<String, String> sums = new java.util.TreeMap<>();
    try (ResultSet rs = c.createStatement().executeQuery("select id, md5sum from databasechangelog")) {
      while (rs.next()) {
        sums.put(rs.getString(1), rs.getString(2));
      }
    }
    return sums;
  }

  private static Map<String, String> checksums(List<ChangeSetInfo> changeSets) {
    return changeSets.stream().collect(Collectors.toMap(ChangeSetInfo::id, ChangeSetInfo::checksum, (a, b) -> a,
        java.util.TreeMap::new));
  }

  private static Connection h2() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:parsed-" + UUID.randomUUID() + "");
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** What a release must carry: the changelog files, and the files the changesets read, wherever they lie. */
  @Test
  void filesReadAreTheChangelogFilesAndWhatTheChangesetsRead(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("db/changelog/changes"));
    Files.createDirectories(root.resolve("sql"));
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("sql/view.sql"), "CREATE VIEW v AS SELECT 1 AS one");
    Files.writeString(root.resolve("data/colours.csv"), "code,label\nR,red\n");
    Files.writeString(root.resolve("db/changelog/changes/001.xml"), HEADER + """
          <changeSet id="001" author="t">
            <createTable tableName="colours"><column name="code" type="varchar(2)"/><column name="label" type="varchar(20)"/></createTable>
            <loadData tableName="colours" file="data/colours.csv"/>
            <sqlFile path="sql/view.sql"/>
          </changeSet>
        </databaseChangeLog>""");
    Files.writeString(root.resolve("db/changelog/master.xml"), HEADER + """
          <include file="db/changelog/changes/001.xml"/>
        </databaseChangeLog>""");
    Files.writeString(root.resolve("application.properties"), "not read");
    ParsedChangelog parsed = ParsedChangelog.parse(new ChangelogSource(root, "db/changelog/master.xml"),
        new Selection(OPTIONS, Dialect.H2));
    assertThat(parsed.filesRead()).containsExactly("data/colours.csv", "db/changelog/changes/001.xml",
        "db/changelog/master.xml", "sql/view.sql");
  }
}
