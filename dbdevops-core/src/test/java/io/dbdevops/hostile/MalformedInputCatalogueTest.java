package io.dbdevops.hostile;

import static io.dbdevops.hostile.Project.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import io.dbdevops.env.EnvironmentDefinition;
import io.dbdevops.env.Environments;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityCheck;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.IntegrityViolation;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import io.dbdevops.state.StateReader;
import io.dbdevops.testdb.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile input, one case per row: the files, the entry point the build calls (the verify goal's parse,
 * integrity check and gate; the state reader; the integrity file; the shadow providers; environment resolution), and
 * what the user must see: one line naming the file and line or the setting, of the right kind (the change is wrong:
 * {@link InvalidChangeException}, BUILD FAILURE; the build cannot run: {@link SetupException}, BUILD ERROR), or a
 * warning for input that is valid but almost certainly not what was meant. Nothing reaches a database: a changelog case
 * fails before the shadow opens. Each case is bounded (a hang fails it; nothing is asserted about speed).
 */
class MalformedInputCatalogueTest {

  /** How a case ends, as the user sees it. */
  enum Kind {
    /** InvalidChangeException: BUILD FAILURE. */
    FAILURE,
    /** SetupException: BUILD ERROR. */
    ERROR,
    /** The build goes on, and says this. */
    WARNING,
    /** The integrity check reports it (DBD8xx, or the integrity file itself). */
    VIOLATION,
    /** Handled as valid input: the message lists the changesets read (file:line id). */
    PASSES
  }

  /** What the entry point produced: its kind, its message lines, whether a shadow was opened. */
  record Outcome(Kind kind, List<String> messages, boolean shadowOpened, Throwable thrown) {
    String text() {
      return String.join("\n", messages);
    }
  }

  /** One row: what the user wrote, what the build does with it, what the user must read. */
  record Case(String name, Consumer<Project> files, Entry entry, Kind kind, List<String> fragments, List<String> absent) {
    Case withAbsent(String... texts) {
      return new Case(name, files, entry, kind, fragments, List.of(texts));
    }
  }

  /** The build's entry point a case goes through. */
  interface Entry {
    Outcome run(Project project) throws Exception;
  }

  private static Case row(String name, Consumer<Project> files, Entry entry, Kind kind, String... fragments) {
    return new Case(name, files, entry, kind, List.of(fragments), List.of());
  }

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void eachCaseEndsInOneClearMessage(Case c) throws Exception {
    try (Project project = new Project(dir)) {
      c.files().accept(project);
      Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> c.entry().run(project),
          () -> c.name() + " did not end within 60 s");
      String text = outcome.text();
      if (Boolean.getBoolean("catalogue.print")) {
        System.out.println("CATALOGUE|" + c.name() + "|" + outcome.kind() + "|" + text.replace("\n", " // "));
      }
      assertThat(outcome.kind()).as("%s: %s", c.name(), text).isEqualTo(c.kind());
      for (String fragment : c.fragments()) {
        assertThat(text).as(c.name()).contains(project.expand(fragment));
      }
      for (String secret : c.absent()) {
        assertThat(text).as(c.name()).doesNotContain(project.expand(secret));
        for (Throwable t = outcome.thrown(); t != null && t.getCause() != t; t = t.getCause()) {
          assertThat(String.valueOf(t.getMessage())).as("%s: message of %s", c.name(), t.getClass().getName())
              .doesNotContain(project.expand(secret));
        }
      }
      if (c.kind() == Kind.FAILURE || c.kind() == Kind.ERROR) {
        assertThat(outcome.messages()).as(c.name()).hasSize(1);
        // one line, no Java class names or stack frames, no dump of the input
        assertThat(text).as(c.name()).doesNotContain("\n").doesNotContain("\tat ").doesNotContainPattern(
            "\\b(?:java|javax|liquibase|org)\\.[a-z.]+\\.[A-Z]\\w*(?:Exception|Error)\\b").hasSizeLessThan(1_000);
      }
      if (c.entry() instanceof Verify || c.entry() == INTEGRITY) {
        if (c.kind() != Kind.WARNING && c.kind() != Kind.PASSES) {
          assertThat(outcome.shadowOpened()).as("%s: the shadow was opened", c.name()).isFalse();
        }
      }
      assertThat(project.connections()).as("%s: connections to the listening socket", c.name()).isZero();
    }
  }

  static Stream<Named<Case>> catalogue() {
    List<Case> rows = new ArrayList<>();

    // ---------- XML changelogs ----------
    rows.add(row("xxe: an external entity naming a local file", p -> {
      p.write("outside/secret.txt", "TOP-SECRET-XXE-FILE");
      p.master(include("changes/xxe.xml"));
      p.write("resources/db/changelog/changes/xxe.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE databaseChangeLog [<!ENTITY xxe SYSTEM "file://${outside}/secret.txt">]>
          <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
            <changeSet id="1" author="a"><sql>select '&xxe;'</sql></changeSet>
          </databaseChangeLog>
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/xxe.xml", "line 2").withAbsent("TOP-SECRET-XXE-FILE"));
    rows.add(row("xxe: an external entity naming a URL", p -> {
      p.master(include("changes/xxe.xml"));
      p.write("resources/db/changelog/changes/xxe.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE databaseChangeLog [<!ENTITY xxe SYSTEM "http://127.0.0.1:${port}/xxe">]>
          <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
            <changeSet id="1" author="a"><sql>select '&xxe;'</sql></changeSet>
          </databaseChangeLog>
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/xxe.xml", "line 2"));
    rows.add(row("xxe: an external DTD", p -> p.master("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE databaseChangeLog SYSTEM "http://127.0.0.1:${port}/evil.dtd">
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"/>
        """), VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml", "line 2"));
    rows.add(row("billion laughs (nested internal entities)", p -> {
      StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
      for (int i = 1; i <= 9; i++) {
        dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
      }
      p.write("resources/db/changelog/db.changelog-master.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE databaseChangeLog [%s]>
          <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
            <changeSet id="1" author="a"><sql>select '&lol9;'</sql></changeSet>
          </databaseChangeLog>
          """.formatted(dtd));
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml", "entity expansions"));
    rows.add(row("invalid UTF-8 in an XML changelog", p -> {
      p.master(include("changes/latin1.xml"));
      p.write("resources/db/changelog/changes/latin1.xml", concat(Project.XML_HEAD
          + "  <changeSet id=\"1\" author=\"a\"><sql>select 'caf", new byte[] {(byte) 0xE9, (byte) 0xFF},
          "'</sql></changeSet>\n</databaseChangeLog>\n".getBytes(StandardCharsets.UTF_8)));
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/latin1.xml", "line 5", "UTF-8"));
    rows.add(row("a UTF-8 byte order mark on an XML changelog", p -> {
      p.master(include("changes/bom.xml"));
      p.write("resources/db/changelog/changes/bom.xml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          xml("""
                <changeSet id="bom-1" author="a"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
              """).getBytes(StandardCharsets.UTF_8), new byte[0]));
    }, VERIFY, Kind.PASSES, "db/changelog/changes/bom.xml:5 bom-1"));
    rows.add(row("an empty XML changelog (0 bytes)", p -> {
      p.master(include("changes/empty.xml"));
      p.write("resources/db/changelog/changes/empty.xml", "");
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/empty.xml", "empty"));
    rows.add(row("a 50 MB XML changelog, broken at its end", p -> {
      p.master(include("changes/big.xml"));
      p.big("resources/db/changelog/changes/big.xml");
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/big.xml", "line " + Project.BIG_BROKEN_LINE));
    rows.add(row("an unknown change type (XML)", p -> {
      p.master(include("changes/unknown.xml"));
      p.write("resources/db/changelog/changes/unknown.xml", xml("""
            <changeSet id="1" author="a">
              <dropEverything tableName="t"/>
            </changeSet>
          """));
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/unknown.xml", "line 6", "dropEverything"));
    rows.add(row("an unknown attribute (XML)", p -> {
      p.master(include("changes/attr.xml"));
      p.write("resources/db/changelog/changes/attr.xml", xml("""
            <changeSet id="1" author="a">
              <sql stripComents="true">select 1</sql>
            </changeSet>
          """));
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/attr.xml", "line 6", "stripComents"));
    rows.add(row("a changeset without changes (XML)", p -> {
      p.master(include("changes/nothing.xml"));
      p.write("resources/db/changelog/changes/nothing.xml", xml("""
            <changeSet id="nothing-1" author="a">
            </changeSet>
          """));
    }, VERIFY, Kind.WARNING, "db/changelog/changes/nothing.xml:5", "nothing-1", "no changes"));

    // ---------- includes ----------
    rows.add(row("an include cycle (a → b → a)", p -> {
      p.master(include("changes/a.xml"));
      p.write("resources/db/changelog/changes/a.xml", xml(include("b.xml")));
      p.write("resources/db/changelog/changes/b.xml", xml(include("a.xml")));
    }, VERIFY, Kind.FAILURE, "include cycle", "db/changelog/changes/a.xml", "db/changelog/changes/b.xml"));
    rows.add(row("a changelog including itself", p -> p.master(include("db.changelog-master.xml")), VERIFY,
        Kind.FAILURE, "include cycle", "db/changelog/db.changelog-master.xml"));
    rows.add(row("an include escaping the project (../)", p -> {
      p.write("outside/other/changelog.xml", xml("""
            <changeSet id="evil" author="a"><sql>create table evil (id int)</sql></changeSet>
          """));
      p.master(include("../../../outside/other/changelog.xml"));
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml: refers to ../outside/other/changelog.xml",
        "outside the changelog directory"));
    rows.add(row("an include of an absolute path", p -> {
      p.write("outside/other/changelog.xml", xml("""
            <changeSet id="evil" author="a"><sql>create table evil (id int)</sql></changeSet>
          """));
      p.master("""
            <include file="${outside}/other/changelog.xml"/>
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml", "${outside}/other/changelog.xml"));
    rows.add(row("an sqlFile escaping the project", p -> {
      p.write("outside/secret.sql", "create table evil (id int)");
      p.master("""
            <changeSet id="1" author="a"><sqlFile path="../../../outside/secret.sql" relativeToChangelogFile="true"/></changeSet>
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml: refers to ../outside/secret.sql",
        "outside the changelog directory"));
    rows.add(row("an includeAll of a folder outside the project", p -> {
      p.write("outside/other/001.xml", xml("""
            <changeSet id="evil" author="a"><sql>create table evil (id int)</sql></changeSet>
          """));
      p.master("""
            <includeAll path="../../../outside/other/" relativeToChangelogFile="true"/>
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml", "outside the changelog directory"));
    rows.add(row("an include through a link pointing out of the project", p -> {
      p.write("outside/other/changelog.xml", xml("""
            <changeSet id="evil" author="a"><sql>create table evil (id int)</sql></changeSet>
          """));
      p.link("resources/db/changelog/changes/linked.xml", "outside/other/changelog.xml");
      p.master(include("changes/linked.xml"));
    }, VERIFY, Kind.FAILURE, "db/changelog/db.changelog-master.xml: refers to db/changelog/changes/linked.xml (a link to",
        "outside the changelog directory"));
    rows.add(row("a missing include", p -> p.master(include("changes/not-there.xml")), VERIFY, Kind.FAILURE,
        "db/changelog/db.changelog-master.xml", "changes/not-there.xml"));

    // ---------- YAML changelogs ----------
    rows.add(row("yaml: an anchors bomb", p -> {
      StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
      for (int i = 1; i <= 12; i++) {
        yaml.append("a").append(i).append(": &a").append(i).append(" [")
            .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
      }
      yaml.append("databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
          + "        - sql:\n            sql: select 1\n            comment: *a12\n");
      p.master(include("changes/bomb.yaml"));
      p.write("resources/db/changelog/changes/bomb.yaml", yaml.toString());
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/bomb.yaml", "aliases"));
    rows.add(row("yaml: a global tag constructing a Java object", p -> {
      p.master(include("changes/tag.yaml"));
      p.write("resources/db/changelog/changes/tag.yaml", """
          databaseChangeLog:
            - changeSet:
                id: 1
                author: a
                changes:
                  - sql:
                      sql: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:${port}/"]]]]
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/tag.yaml", "line 7"));
    rows.add(row("yaml: a recursive alias", p -> {
      p.master(include("changes/loop.yaml"));
      p.write("resources/db/changelog/changes/loop.yaml", """
          databaseChangeLog:
            - changeSet:
                id: 1
                author: a
                changes:
                  - sql:
                      sql: select 1
                      comment: &loop [a, *loop]
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/loop.yaml", "line 8"));
    rows.add(row("yaml: a syntax error (a tab for indentation)", p -> {
      p.master(include("changes/tab.yaml"));
      p.write("resources/db/changelog/changes/tab.yaml", "databaseChangeLog:\n  - changeSet:\n\t  id: 1\n");
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/tab.yaml line 3"));
    rows.add(row("yaml: a byte order mark", p -> {
      p.master(include("changes/bom.yaml"));
      p.write("resources/db/changelog/changes/bom.yaml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, """
          databaseChangeLog:
            - changeSet:
                id: bom-1
                author: a
                changes:
                  - createTable:
                      tableName: t
                      columns:
                        - column: {name: id, type: int}
          """.getBytes(StandardCharsets.UTF_8)));
    }, VERIFY, Kind.PASSES, "db/changelog/changes/bom.yaml:2 bom-1"));
    rows.add(row("yaml: an unknown changeset key (runOnChnage)", p -> {
      p.master(include("changes/key.yaml"));
      p.write("resources/db/changelog/changes/key.yaml", """
          databaseChangeLog:
            - changeSet:
                id: key-1
                author: a
                runOnChnage: true
                changes:
                  - sql:
                      sql: select 1
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/key.yaml:5", "runOnChnage"));
    rows.add(row("yaml: an empty file", p -> {
      p.master(include("changes/empty.yaml"));
      p.write("resources/db/changelog/changes/empty.yaml", "");
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/empty.yaml", "empty"));
    rows.add(row("yaml: invalid UTF-8", p -> {
      p.master(include("changes/latin1.yaml"));
      p.write("resources/db/changelog/changes/latin1.yaml", concat(
          "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n        - sql:\n            sql: select 'caf"
              .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, (byte) 0xFF}, "'\n".getBytes(StandardCharsets.UTF_8)));
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/latin1.yaml", "UTF-8"));
    rows.add(row("yaml: an unknown change type", p -> {
      p.master(include("changes/unknown.yaml"));
      p.write("resources/db/changelog/changes/unknown.yaml", """
          databaseChangeLog:
            - changeSet:
                id: 1
                author: a
                changes:
                  - dropEverything:
                      tableName: t
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/unknown.yaml line 6", "dropEverything"));
    rows.add(row("yaml: an unknown attribute (stripComents)", p -> {
      p.master(include("changes/attr.yaml"));
      p.write("resources/db/changelog/changes/attr.yaml", """
          databaseChangeLog:
            - changeSet:
                id: attr-1
                author: a
                changes:
                  - sql:
                      sql: select 1
                      stripComents: true
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/attr.yaml:8", "stripComents", "ignores"));
    rows.add(row("yaml: a changeset without changes", p -> {
      p.master(include("changes/nothing.yaml"));
      p.write("resources/db/changelog/changes/nothing.yaml", """
          databaseChangeLog:
            - changeSet:
                id: nothing-1
                author: a
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/nothing.yaml:2", "nothing-1", "no changes"));

    // ---------- formatted SQL ----------
    rows.add(row("sql: changesets without the '--liquibase formatted sql' header", p -> {
      p.master(include("changes/headless.sql"));
      p.write("resources/db/changelog/changes/headless.sql", """
          --changeset a:1
          create table t1 (id int);
          --changeset a:2
          create table t2 (id int);
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/headless.sql:1", "--liquibase formatted sql"));
    rows.add(row("sql: a byte order mark before the header", p -> {
      p.master(include("changes/bom.sql"));
      p.write("resources/db/changelog/changes/bom.sql", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, """
          --liquibase formatted sql

          --changeset a:bom-1
          create table t1 (id int);
          """.getBytes(StandardCharsets.UTF_8)));
    }, VERIFY, Kind.PASSES, "db/changelog/changes/bom.sql:3 bom-1"));
    rows.add(row("sql: invalid UTF-8", p -> {
      p.master(include("changes/latin1.sql"));
      p.write("resources/db/changelog/changes/latin1.sql", concat("--liquibase formatted sql\n\n--changeset a:1\n"
          + "create table t1 (id int, note varchar(10) default 'caf", new byte[] {(byte) 0xE9},
          "');\n".getBytes(StandardCharsets.UTF_8)));
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/latin1.sql line 4", "UTF-8"));
    rows.add(row("sql: a misspelt header", p -> {
      p.master(include("changes/misspelt.sql"));
      p.write("resources/db/changelog/changes/misspelt.sql", """
          --liquibase formated sql
          --changeset a:1
          create table t1 (id int);
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/misspelt.sql:1", "--liquibase formatted sql"));
    rows.add(row("sql: a --changeset line without author:id", p -> {
      p.master(include("changes/noid.sql"));
      p.write("resources/db/changelog/changes/noid.sql", """
          --liquibase formatted sql

          --changeset someone
          create table t1 (id int);
          """);
    }, VERIFY, Kind.FAILURE, "db/changelog/changes/noid.sql", "line 3"));
    rows.add(row("sql: an unknown attribute (stripComents)", p -> {
      p.master(include("changes/attr.sql"));
      p.write("resources/db/changelog/changes/attr.sql", """
          --liquibase formatted sql

          --changeset a:attr-1 stripComents:true
          create table t1 (id int);
          """);
    }, VERIFY, Kind.WARNING, "db/changelog/changes/attr.sql:3", "stripComents"));

    // ---------- duplicate ids (integrity) ----------
    rows.add(row("duplicate changeset ids", p -> p.master("""
          <changeSet id="dup" author="a"><sql>select 1</sql></changeSet>
          <changeSet id="dup" author="a"><sql>select 2</sql></changeSet>
        """), INTEGRITY, Kind.VIOLATION, "DBD802", "db/changelog/db.changelog-master.xml:6"));

    // ---------- settings: contexts and labels ----------
    rows.add(row("a malformed contexts expression", p -> p.master("""
          <changeSet id="1" author="a" context="prod"><sql>select 1</sql></changeSet>
        """), new Verify(new UpdateOptions(Optional.of("(prod and"), Optional.empty(), Map.of())), Kind.ERROR,
        "-Ddbdevops.contexts", "(prod and"));
    rows.add(row("a malformed labels expression", p -> p.master("""
          <changeSet id="1" author="a" labels="x"><sql>select 1</sql></changeSet>
        """), new Verify(new UpdateOptions(Optional.empty(), Optional.of("(beta and"), Map.of())), Kind.ERROR,
        "-Ddbdevops.labels", "(beta and"));

    // ---------- committed state files ----------
    rows.add(row("state: a value of the wrong type", p -> p.write("schema/tables/orders.yaml", """
        table: orders
        columns:
          - name: id
            type: bigint
            nullable: perhaps
        """), STATE, Kind.FAILURE, "tables/orders.yaml", "columns[0].nullable"));
    rows.add(row("state: an unknown key", p -> p.write("schema/tables/orders.yaml", """
        table: orders
        colums:
          - name: id
            type: bigint
        """), STATE, Kind.FAILURE, "tables/orders.yaml", "colums"));
    rows.add(row("state: a duplicate column", p -> p.write("schema/tables/orders.yaml", """
        table: orders
        columns:
          - name: id
            type: bigint
          - name: id
            type: integer
        """), STATE, Kind.FAILURE, "tables/orders.yaml", "the column id twice"));
    rows.add(row("state: a duplicate key", p -> p.write("schema/tables/orders.yaml", """
        table: orders
        columns:
          - name: id
            type: bigint
            type: integer
        """), STATE, Kind.FAILURE, "tables/orders.yaml", "line 5", "type"));
    rows.add(row("state: a truncated file", p -> p.write("schema/tables/orders.yaml", """
        table: orders
        columns:
          - name: id
            type: "bigi"""), STATE, Kind.FAILURE, "tables/orders.yaml", "line 4"));
    rows.add(row("state: a file name that does not match its object", p -> p.write("schema/tables/orders.yaml", """
        table: customers
        columns:
          - name: id
            type: bigint
        """), STATE, Kind.FAILURE, "tables/orders.yaml", "customers"));
    rows.add(row("state: a binary file", p -> p.write("schema/tables/orders.yaml", binary()), STATE, Kind.FAILURE,
        "tables/orders.yaml"));

    // ---------- the integrity file ----------
    rows.add(row("sum: a line that is no entry", p -> p.write("dbdevops.sum", """
        # dbdevops.sum
        db/changelog/db.changelog-master.xml 1 a
        """), SUM, Kind.FAILURE, "dbdevops.sum line 2"));
    rows.add(row("sum: cut off before its hash line", p -> p.write("dbdevops.sum", """
        # dbdevops.sum
        db/changelog/db.changelog-master.xml 1 a 9:0c7b5f1e3f2c4d8a9b8e8f6c5d4a3b2"""), SUM, Kind.VIOLATION,
        "dbdevops.sum", "no h1: hash line"));
    rows.add(row("sum: an entry cut off", p -> p.write("dbdevops.sum", """
        # dbdevops.sum
        db/changelog/db.changelog-master.xml 1 a 9:0c7b5f1e3f2c4d8a9b8e8f6c5d4a3b21
        db/changelog/db.changelog-master.xml 2"""), SUM, Kind.FAILURE, "dbdevops.sum line 3"));
    rows.add(row("sum: the hash line cut off", p -> p.write("dbdevops.sum", """
        # dbdevops.sum
        db/changelog/db.changelog-master.xml 1 a 9:0c7b5f1e3f2c4d8a9b8e8f6c5d4a3b21
        h1:4fP"""), SUM, Kind.VIOLATION, "dbdevops.sum", "does not match"));
    rows.add(row("sum: a binary file", p -> p.write("dbdevops.sum", binary()), SUM, Kind.FAILURE,
        "dbdevops.sum is not UTF-8 text"));

    // ---------- shadow providers ----------
    rows.add(row("shadow: an unknown provider", p -> { }, shadow(new ShadowSettings("h3", Optional.empty(),
        Optional.empty(), Secret.NONE), null), Kind.ERROR, "'h3'", "-Ddbdevops.shadow"));
    rows.add(row("shadow: an unreachable server", p -> { }, shadow(new ShadowSettings("url",
        Optional.of("jdbc:postgresql://127.0.0.1:1/postgres"), Optional.of("u"), Secret.of("pw-unreachable-1")), null),
        Kind.ERROR, "127.0.0.1:1", "-Ddbdevops.shadow.url").withAbsent("pw-unreachable-1"));
    rows.add(row("shadow: a wrong password (MariaDB server)", p -> { }, shadow(null,
        TestDatabases.Engine.MARIADB), Kind.ERROR, "refused the credentials").withAbsent(WrongPassword.PASSWORD));
    rows.add(row("shadow: an include escaping the project on a PostgreSQL server shadow (its database is dropped)",
        p -> {
          p.write("outside/other/changelog.xml", xml("""
                <changeSet id="evil" author="a"><sql>create table evil (id int)</sql></changeSet>
              """));
          p.master(include("../../../outside/other/changelog.xml"));
        }, new ServerShadowBuild(TestDatabases.Engine.POSTGRESQL), Kind.FAILURE,
        "db/changelog/db.changelog-master.xml: refers to ../outside/other/changelog.xml"));
    rows.add(row("shadow: an include cycle on a MariaDB server shadow (its database is dropped)", p -> {
      p.master(include("changes/a.xml"));
      p.write("resources/db/changelog/changes/a.xml", xml(include("b.xml")));
      p.write("resources/db/changelog/changes/b.xml", xml(include("a.xml")));
    }, new ServerShadowBuild(TestDatabases.Engine.MARIADB), Kind.FAILURE, "include cycle", "db/changelog/changes/a.xml"));

    // ---------- environments ----------
    rows.add(row("env: extends an unknown environment", p -> { }, env("prod", definition("prod", "staging")),
        Kind.ERROR, "'prod' extends 'staging'", "<environments>"));
    rows.add(row("env: extends itself", p -> { }, env("prod", definition("prod", "prod")), Kind.ERROR,
        "extends itself", "prod → prod"));
    rows.add(row("env: extends itself through another", p -> { }, env("a", definition("a", "b"), definition("b", "a")), Kind.ERROR,
        "extends itself", "a → b → a"));
    rows.add(row("env: an unknown environment", p -> { }, env("prdo", definition("prod", null)), Kind.ERROR,
        "unknown environment 'prdo'", "-Ddbdevops.environment", "known environments: prod"));

    return rows.stream().map(r -> Named.of(r.name(), r));
  }

  @Test
  void theCatalogueHasAtLeastThirtyCases() {
    assertThat(catalogue().count()).isGreaterThanOrEqualTo(30);
  }

  /** The checks have no false alarms on a real changelog: the example project's (XML, YAML and formatted SQL). */
  @Test
  void theExampleProjectsChangelogGivesNoWarnings() {
    ChangelogSource example = new ChangelogSource(Path.of("../example-project/src/main/resources"),
        "db/changelog/db.changelog-master.xml");
    ParsedChangelog parsed = ParsedChangelog.parse(example, new Selection(UpdateOptions.DEFAULT, Dialect.POSTGRESQL));
    assertThat(parsed.changeSets()).hasSizeGreaterThan(3);
    assertThat(parsed.warnings()).isEmpty();
  }

  // ---------- entry points ----------

  /**
   * The verify goal's order: the changelog parsed for the selection and the integrity check (before any database),
   * then the gate on the embedded H2 shadow from the same parse. Warnings are the parse's.
   */
  record Verify(UpdateOptions options) implements Entry {
    @Override
    public Outcome run(Project p) {
      AtomicBoolean opened = new AtomicBoolean();
      GateListener listener = new GateListener() {
        @Override
        public void shadowOpened(String description) {
          opened.set(true);
        }
      };
      try {
        ParsedChangelogs parses = new ParsedChangelogs();
        ParsedChangelog parsed = parses.get(p.changelog(), new Selection(options, Dialect.H2));
        List<ChangeSetInfo> changeSets = parsed.changeSets();
        IntegrityResult integrity = new IntegrityCheck().check(SumFile.readOrEmpty(p.sumFile()), changeSets);
        if (!integrity.passed()) {
          return new Outcome(Kind.VIOLATION, integrity.violations().stream().map(IntegrityViolation::message).toList(),
              opened.get(), null);
        }
        new Gate(ShadowProviders.load(), listener, parses).verify(p.gateSettings(ShadowSettings.H2, options));
        List<String> warnings = parsed.warnings();
        if (!warnings.isEmpty()) {
          return new Outcome(Kind.WARNING, warnings, opened.get(), null);
        }
        return new Outcome(Kind.PASSES, changeSets.stream().map(cs -> cs.physicalFile() + ":" + cs.line() + " " + cs.id())
            .toList(), opened.get(), null);
      } catch (InvalidChangeException e) {
        return new Outcome(Kind.FAILURE, List.of(e.getMessage()), opened.get(), e);
      } catch (SetupException e) {
        return new Outcome(Kind.ERROR, List.of(e.getMessage()), opened.get(), e);
      }
    }
  }

  static final Verify VERIFY = new Verify(UpdateOptions.DEFAULT);

  /** Parse and integrity check only, as the verify goal runs them before the shadow. */
  static final Entry INTEGRITY = p -> {
    ParsedChangelog parsed = ParsedChangelog.parse(p.changelog(), new Selection(UpdateOptions.DEFAULT, Dialect.H2));
    IntegrityResult integrity = new IntegrityCheck().check(SumFile.readOrEmpty(p.sumFile()), parsed.changeSets());
    return integrity.passed() ? new Outcome(Kind.PASSES, List.of(), false, null)
        : new Outcome(Kind.VIOLATION, integrity.violations().stream().map(IntegrityViolation::message).toList(), false,
            null);
  };

  static final Entry STATE = p -> thrown(() -> new StateReader().read(p.stateDirectory()));

  /** The integrity file read and checked against an empty changelog's changesets. */
  static final Entry SUM = p -> {
    try {
      SumFile sum = SumFile.read(p.sumFile());
      IntegrityResult result = new IntegrityCheck().check(sum, List.of());
      return new Outcome(Kind.VIOLATION, result.sumFileMessage("dbdevops.sum").stream().toList(), false, null);
    } catch (InvalidChangeException e) {
      return new Outcome(Kind.FAILURE, List.of(e.getMessage()), false, e);
    } catch (SetupException e) {
      return new Outcome(Kind.ERROR, List.of(e.getMessage()), false, e);
    }
  };

  /**
   * Opening a shadow. With a server engine: a MariaDB user with no privileges shown a wrong password (the servers are
   * shared with other builds, so their list of databases is no measure; this user could not create one if it got in).
   */
  static Entry shadow(ShadowSettings settings, TestDatabases.Engine server) {
    return p -> {
      if (server == null) {
        return thrown(() -> ShadowProviders.load().open(settings).close());
      }
      try (WrongPassword user = new WrongPassword(TestDatabases.mariadb())) {
        return thrown(() -> ShadowProviders.load().open(user.settings()).close());
      }
    };
  }

  /**
   * The gate's own build on a server (there the shadow opens before the changelog is parsed): the temporary database it
   * created is gone afterwards.
   */
  record ServerShadowBuild(TestDatabases.Engine engine) implements Entry {
    @Override
    public Outcome run(Project p) throws Exception {
      TestDatabases.Server server = engine == TestDatabases.Engine.POSTGRESQL ? TestDatabases.postgres()
          : TestDatabases.mariadb();
      List<String> shadows = new ArrayList<>();
      GateListener listener = new GateListener() {
        @Override
        public void shadowOpened(String description) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("dbdevops_shadow_\\w+").matcher(description);
          if (m.find()) {
            shadows.add(m.group());
          }
        }
      };
      Outcome outcome = thrown(() -> new Gate(ShadowProviders.load(), listener)
          .build(p.gateSettings(server.shadowSettings(), UpdateOptions.DEFAULT)));
      assertThat(shadows).as("the temporary shadow database").hasSize(1);
      assertThat(server.databases()).as("databases on the server").doesNotContain(shadows.get(0));
      return outcome;
    }
  }

  static Entry env(String name, EnvironmentDefinition... definitions) {
    return p -> thrown(() -> new Environments(List.of(definitions)).resolve(name));
  }

  static EnvironmentDefinition definition(String name, String extendsName) {
    return new EnvironmentDefinition(name, Optional.ofNullable(extendsName), Optional.of("jdbc:h2:mem:x"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  interface Action {
    void run() throws Exception;
  }

  static Outcome thrown(Action action) {
    try {
      action.run();
      return new Outcome(Kind.PASSES, List.of(), false, null);
    } catch (InvalidChangeException e) {
      return new Outcome(Kind.FAILURE, List.of(e.getMessage()), false, e);
    } catch (SetupException e) {
      return new Outcome(Kind.ERROR, List.of(e.getMessage()), false, e);
    } catch (Exception e) {
      throw new AssertionError("not one of dbdevops' own exceptions: " + e, e);
    }
  }

  // ---------- inputs ----------

  static String include(String file) {
    return "  <include file=\"" + file + "\" relativeToChangelogFile=\"true\"/>\n";
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] part : parts) {
      n += part.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static byte[] concat(String text, byte[] bytes, byte[] tail) {
    return concat(text.getBytes(StandardCharsets.UTF_8), bytes, tail);
  }

  /** Bytes of no text encoding: NULs, control bytes and invalid UTF-8, deterministic. */
  static byte[] binary() {
    byte[] bytes = new byte[4096];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    bytes[0] = 0;
    return bytes;
  }

  /** A MariaDB user with a known password, shown a wrong one; dropped on close. */
  record WrongPassword(TestDatabases.Server server, String user) implements AutoCloseable {
    static final String PASSWORD = "Wrong-Password-4711";

    WrongPassword(TestDatabases.Server server) throws Exception {
      this(server, "dbdevops_cat_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10));
      server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Real-Password-0815'",
          "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'Real-Password-0815'");
    }

    ShadowSettings settings() {
      return new ShadowSettings("url", Optional.of(server.url()), Optional.of(user), Secret.of(PASSWORD));
    }

    @Override
    public void close() throws Exception {
      server.execute("DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
    }
  }

  static void writeBytes(Path file, byte[] bytes) {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
