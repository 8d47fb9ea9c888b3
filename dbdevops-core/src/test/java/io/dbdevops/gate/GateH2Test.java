package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.GateListener.Progress;
import io.dbdevops.liquibase.ParseCounter;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate end to end on the embedded H2 shadow, with the example project's changelog and state. */
class GateH2Test {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  @Test
  void exampleChangelogMatchesItsCommittedState() {
    VerifyResult result = gate.verify(Fixtures.example(dir));
    assertThat(result.differences()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(result.changesetsApplied()).isEqualTo(7);
    assertThat(result.objectsInShadow()).isEqualTo(7);
  }

  @Test
  void addedColumnWithoutStateRefreshIsADifferenceNamingTableAndColumn() {
    GateSettings settings = Fixtures.example(dir);
    Fixtures.addChangeset(dir, "100-coupon.xml", Fixtures.xmlChangeset("100-coupon",
        "<addColumn tableName=\"orders\"><column name=\"coupon_code\" type=\"VARCHAR(30)\"/></addColumn>"));
    VerifyResult result = gate.verify(settings);
    assertThat(result.passed()).isFalse();
    assertThat(DiffRendering.lines(result.differences())).containsExactly("table orders", "  + column coupon_code varchar(30) null");
  }

  @Test
  void objectInStateThatTheChangelogDoesNotMakeIsAMinus() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    Files.writeString(dir.resolve("schema/tables/audit_log.yaml"), "table: audit_log\ncolumns:\n  - name: id\n    type: bigint\n    nullable: false\n");
    VerifyResult result = gate.verify(settings);
    assertThat(result.differences()).singleElement().isInstanceOf(SchemaChange.TableDropped.class)
        .extracting(SchemaChange::objectName).isEqualTo("audit_log");
  }

  @Test
  void stateWrittenTwiceFromTheSameChangelogIsByteIdentical() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    Map<Path, String> first = new StateWriter().render(gate.build(settings).model(), Path.of("s"));
    Map<Path, String> second = new StateWriter().render(gate.build(settings).model(), Path.of("s"));
    assertThat(second).isEqualTo(first);
    for (Map.Entry<Path, String> e : first.entrySet()) {
      assertThat(e.getValue()).as("committed %s", e.getKey())
          .isEqualTo(Files.readString(Fixtures.EXAMPLE.resolve("src/main/db").resolve(Path.of("schema").resolve(e.getKey().subpath(1, e.getKey().getNameCount())))));
    }
  }

  @Test
  void yamlAndFormattedSqlChangelogsApply() throws Exception {
    Path res = dir.resolve("resources/db");
    Files.createDirectories(res);
    Files.writeString(res.resolve("master.yaml"), """
        databaseChangeLog:
          - include:
              file: one.sql
              relativeToChangelogFile: true
          - changeSet:
              id: two
              author: test
              changes:
                - addColumn:
                    tableName: t
                    columns:
                      - column: { name: b, type: VARCHAR(5) }
        """);
    Files.writeString(res.resolve("one.sql"), "--liquibase formatted sql\n--changeset test:one\nCREATE TABLE t (a INTEGER PRIMARY KEY);\n");
    GateSettings settings = new GateSettings(new ChangelogSource(dir.resolve("resources"), "db/master.yaml"), dir.resolve("schema"),
        io.dbdevops.shadow.ShadowSettings.H2, List.of(), null);
    Gate.Built built = gate.build(settings);
    assertThat(built.update().applied()).extracting(a -> a.id()).containsExactly("one", "two");
    assertThat(built.model().table("t").orElseThrow().columns()).extracting(c -> c.name()).containsExactly("a", "b");
  }

  @Test
  void malformedXmlNamesFileAndLine() {
    GateSettings settings = Fixtures.example(dir);
    Fixtures.addChangeset(dir, "100-broken.xml", Fixtures.xmlChangeset("100-broken", "<addColumn tableName=\"orders\">\n<column name=\"x\" type=\"INT\">\n</addColumn>"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("malformed changelog").hasMessageContaining("changes/100-broken.xml")
        .hasMessageMatching("(?s).*line 8 column \\d+.*").hasMessageNotContaining("liquibase.exception");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws Exception {
    Path res = dir.resolve("resources/db");
    Files.createDirectories(res);
    Files.writeString(res.resolve("master.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: one\n     author: x\n");
    GateSettings settings = new GateSettings(new ChangelogSource(dir.resolve("resources"), "db/master.yaml"), dir.resolve("schema"),
        io.dbdevops.shadow.ShadowSettings.H2, List.of(), null);
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("db/master.yaml").hasMessageMatching("(?s).*line 4.*");
  }

  @Test
  void failingChangesetNamesIdFileAndDatabaseMessage() {
    GateSettings settings = Fixtures.example(dir);
    Fixtures.addChangeset(dir, "100-bad.xml", Fixtures.xmlChangeset("100-bad", "<sql>ALTER TABLE no_such_table ADD COLUMN x INT</sql>"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("changeset 100-bad").hasMessageContaining("changes/100-bad.xml")
        .hasMessageContaining("NO_SUCH_TABLE");
  }

  @Test
  void failingChangesetNamesItsLine() {
    GateSettings settings = Fixtures.example(dir);
    // the changeSet element of Fixtures.xmlChangeset starts on line 5
    Fixtures.addChangeset(dir, "100-bad.xml", Fixtures.xmlChangeset("100-bad", "<sql>ALTER TABLE no_such_table ADD COLUMN x INT</sql>"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageStartingWith("changeset 100-bad (author test) in db/changelog/changes/100-bad.xml:5 failed on the "
            + "shadow database: ");
  }

  @Test
  void failingFormattedSqlChangesetNamesItsLine() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    Path changes = dir.resolve("resources/db/changelog/changes");
    Files.writeString(changes.resolve("100-archive.sql"), """
        --liquibase formatted sql

        --changeset test:099-fine
        CREATE TABLE fine (id INT PRIMARY KEY);

        --changeset test:100-archive
        -- order_archive is never created
        INSERT INTO order_archive (id) SELECT id FROM orders;
        """);
    Path master = dir.resolve("resources").resolve(Fixtures.MASTER);
    Files.writeString(master, Files.readString(master).replace("</databaseChangeLog>",
        "  <include file=\"changes/100-archive.sql\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageStartingWith("changeset 100-archive (author test) in db/changelog/changes/100-archive.sql:6 failed on "
            + "the shadow database: ")
        .hasMessageContaining("ORDER_ARCHIVE");
  }

  @Test
  void missingChangelogIsASetupProblem() {
    GateSettings settings = new GateSettings(new ChangelogSource(dir, "db/none.xml"), dir.resolve("schema"),
        io.dbdevops.shadow.ShadowSettings.H2, List.of(), null);
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(SetupException.class).hasMessageContaining("none.xml");
  }

  @Test
  void invalidStateFileIsReportedBeforeAnyDatabaseWork() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    Files.writeString(dir.resolve("schema/tables/orders.yaml"), "table: orders\ncolumns: nope\n");
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessageContaining("tables/orders.yaml").hasMessageContaining("columns");
  }

  @Test
  void aBuildParsesTheChangelogOnceForIntegrityEveryUpdateAndTheRollbackRoundTrip() {
    GateSettings settings = Fixtures.example(dir);
    Fixtures.addChangeset(dir, "100-coupon.xml", Fixtures.xmlChangeset("100-coupon", """
            <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
            <rollback><dropColumn tableName="orders" columnName="coupon_code"/></rollback>"""));
    try (ParseCounter counter = ParseCounter.start()) {
      ParsedChangelogs parses = new ParsedChangelogs();
      // what the verify goal's integrity step reads: the released changesets and the pending one
      ParsedChangelog read = parses.get(settings.changelog(), settings.updateOptions(), Dialect.H2);
      int released = read.changeSets().size() - 1;

      // update-count at the released point, update, rollback-count and update of the pending one
      Gate.Staged staged = new Gate(ShadowProviders.load(), GateListener.SILENT, parses)
          .verify(settings, released, RoundTripScope.DEFAULT).staged();

      assertThat(staged.released().table("orders").orElseThrow().column("coupon_code")).isEmpty();
      assertThat(staged.rollbackRoundTrip()).hasValueSatisfying(trip -> assertThat(trip.rolledBack()).isEqualTo(1));
      assertThat(counter.parses()).isEqualTo(1);
      assertThat(parses.parsed()).containsExactly(read);
    }
  }

  @Test
  void theListenerHearsOfEachChangesetAppliedOfTheTotalAcrossTheReleasedPointAndTheRest() {
    GateSettings settings = Fixtures.example(dir);
    List<Progress> heard = new ArrayList<>();
    GateListener listener = new GateListener() {
      @Override
      public void changesetApplied(Progress progress) {
        heard.add(progress);
      }
    };

    Gate.Staged staged = new Gate(ShadowProviders.load(), listener).build(settings, 3, RoundTripScope.ALL);

    assertThat(staged.rollbackRoundTrip()).isPresent(); // its update again is not the build's progress
    assertThat(heard).extracting(Progress::applied).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(heard).extracting(Progress::total).containsOnly(7);
    assertThat(heard).extracting(p -> p.changeSet().id())
        .isEqualTo(staged.built().update().applied().stream().map(a -> a.id()).toList());
    assertThat(heard).extracting(Progress::elapsed).isSorted();
  }
}
