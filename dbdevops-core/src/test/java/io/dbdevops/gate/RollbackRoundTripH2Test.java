package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DBD602 through the gate on H2: the example project released, one changeset pending; the shadow rolls the pending
 * changeset back and applies it again, and lint judges the round trip.
 */
class RollbackRoundTripH2Test {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  private List<Finding> dbd602(String id, String body) {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, id + ".xml", Fixtures.xmlChangeset(id, body));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    List<ChangeSetInfo> pending = all.subList(released, all.size());

    Gate.Staged staged = gate.verify(settings, released, RoundTripScope.DEFAULT).staged();
    assertThat(staged.rollbackRoundTrip()).isPresent();
    LintContext context = LintContext.builder().dialect(Dialect.H2).pending(pending).released(staged.released())
        .result(staged.built().model()).pendingChanges(staged.pendingChanges()).changelog(settings.changelog().path())
        .sources(ChangeSetSources.read(settings.changelog().root(), pending))
        .rollbackRoundTrip(staged.rollbackRoundTrip()).build();
    return new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT).findings().stream()
        .filter(f -> f.code().equals("DBD602")).toList();
  }

  @Test
  void aRollbackThatDropsADifferentColumnFires() {
    List<Finding> f = dbd602("100-coupon", """
            <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
            <rollback><dropColumn tableName="orders" columnName="note"/></rollback>""");

    assertThat(f).singleElement().satisfies(finding -> {
      assertThat(finding.message()).startsWith(
          "after rolling back the pending changesets, table orders still has column coupon_code");
      assertThat(finding.message()).contains("has lost column note");
      assertThat(finding.site().location()).isEqualTo("db/changelog/changes/100-coupon.xml:5");
    });
  }

  @Test
  void anEmptyRollbackOnACreateTableFires() {
    List<Finding> f = dbd602("100-coupons", """
            <createTable tableName="coupons"><column name="id" type="bigint"><constraints primaryKey="true"/></column></createTable>
            <rollback/>""");

    assertThat(f).isNotEmpty();
    assertThat(f.get(0).message()).contains("table coupons");
    assertThat(f.get(0).site().changeSetId()).contains("100-coupons");
  }

  @Test
  void aCorrectRollbackDoesNotFire() {
    assertThat(dbd602("100-coupon", """
            <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
            <rollback><dropColumn tableName="orders" columnName="coupon_code"/></rollback>""")).isEmpty();
  }

  @Test
  void aChangesetLiquibaseCannotRollBackLeavesItToDbd601() {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-sql.xml", Fixtures.xmlChangeset("100-sql",
        "    <sql>ALTER TABLE orders ADD COLUMN coupon_code VARCHAR(20)</sql>"));

    RollbackRoundTrip trip = gate.build(settings, released, RoundTripScope.DEFAULT).rollbackRoundTrip().orElseThrow();

    assertThat(trip.outcome()).isEqualTo(RollbackRoundTrip.Outcome.NOT_TESTABLE);
    assertThat(trip.changeSet().orElseThrow().id()).isEqualTo("100-sql");
  }

  @Test
  void aFormattedSqlChangesetWithoutRollbackLeavesItToDbd601() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    java.nio.file.Path changes = dir.resolve("resources/db/changelog/changes");
    java.nio.file.Files.writeString(changes.resolve("100-view.sql"),
        "--liquibase formatted sql\n--changeset test:100-view\nCREATE VIEW big_orders AS SELECT id FROM orders WHERE id > 100;\n");
    java.nio.file.Path master = dir.resolve("resources").resolve(Fixtures.MASTER);
    java.nio.file.Files.writeString(master, java.nio.file.Files.readString(master).replace("</databaseChangeLog>",
        "  <include file=\"changes/100-view.sql\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));

    RollbackRoundTrip trip = gate.build(settings, released, RoundTripScope.DEFAULT).rollbackRoundTrip().orElseThrow();

    assertThat(trip.outcome()).isEqualTo(RollbackRoundTrip.Outcome.NOT_TESTABLE);
    assertThat(trip.changeSet().orElseThrow().id()).isEqualTo("100-view");
  }

  /** Adds {@code n} changesets that each add a column to orders (Liquibase derives their rollback). */
  private void addGoodChangesets(int n) {
    for (int i = 0; i < n; i++) {
      String id = "2%02d-col".formatted(i);
      Fixtures.addChangeset(dir, id + ".xml", Fixtures.xmlChangeset(id,
          "    <addColumn tableName=\"orders\"><column name=\"c%d\" type=\"int\"/></addColumn>".formatted(i)));
    }
  }

  @Test
  void withNothingReleasedTheDefaultRollsBackOnlyTheLastTenChangesetsNotTheWholeHistory() {
    GateSettings settings = Fixtures.example(dir);
    // an old changeset whose rollback fails: the whole history's rollback would reach it
    Fixtures.addChangeset(dir, "100-old.xml", Fixtures.xmlChangeset("100-old", """
            <addColumn tableName="orders"><column name="old_flag" type="int"/></addColumn>
            <rollback><dropColumn tableName="orders" columnName="no_such_column"/></rollback>"""));
    addGoodChangesets(10);
    int all = new ChangelogReader().read(settings.changelog()).size();

    Gate.Staged staged = gate.build(settings, 0, RoundTripScope.DEFAULT);

    RollbackRoundTrip trip = staged.rollbackRoundTrip().orElseThrow();
    assertThat(trip.outcome()).isEqualTo(RollbackRoundTrip.Outcome.PASSED);
    assertThat(trip.rolledBack()).isEqualTo(RoundTripScope.DEFAULT_WINDOW);
    assertThat(trip.pending()).isEqualTo(all);
    assertThat(trip.covered()).isEqualTo("the last 10 of the " + all + " pending changesets");
    // the lint still sees the whole history as pending, from an empty released state
    assertThat(staged.released().objectCount()).isZero();
    assertThat(staged.built().update().applied()).hasSize(all);
  }

  @Test
  void withNothingReleasedABrokenRollbackInsideTheWindowStillFiresAndSaysWhatWasRolledBack() {
    GateSettings settings = Fixtures.example(dir);
    addGoodChangesets(3);
    Fixtures.addChangeset(dir, "300-coupon.xml", Fixtures.xmlChangeset("300-coupon", """
            <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
            <rollback><dropColumn tableName="orders" columnName="note"/></rollback>"""));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());

    Gate.Staged staged = gate.build(settings, 0, new RoundTripScope(true, 2));
    LintContext context = LintContext.builder().dialect(Dialect.H2).pending(all).released(staged.released())
        .result(staged.built().model()).pendingChanges(staged.pendingChanges()).changelog(settings.changelog().path())
        .rollbackRoundTrip(staged.rollbackRoundTrip()).build();
    List<Finding> f = new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT).findings().stream()
        .filter(x -> x.code().equals("DBD602")).toList();

    assertThat(staged.rollbackRoundTrip().orElseThrow().rolledBack()).isEqualTo(2);
    assertThat(f).singleElement().satisfies(finding -> {
      assertThat(finding.message()).startsWith("after rolling back the last 2 of the " + all.size()
          + " pending changesets, table orders still has column coupon_code");
      assertThat(finding.message()).contains("has lost column note");
      assertThat(finding.site().changeSetId()).contains("300-coupon");
    });
  }

  @Test
  void withNothingReleasedAWindowOfZeroSkipsTheRoundTripAndAllRollsBackTheWholeHistory() {
    GateSettings settings = Fixtures.example(dir);
    addGoodChangesets(2);
    int all = new ChangelogReader().read(settings.changelog()).size();

    assertThat(gate.build(settings, 0, new RoundTripScope(true, 0)).rollbackRoundTrip()).isEmpty();
    RollbackRoundTrip whole = gate.build(settings, 0, RoundTripScope.ALL).rollbackRoundTrip().orElseThrow();
    // the whole history reaches the example's 004, whose derived rollback H2 refuses (it drops the index its foreign
    // key uses): released long ago, never rolled back, and an ERROR on every verify if the history were rolled back
    assertThat(whole.outcome()).isEqualTo(RollbackRoundTrip.Outcome.FAILED);
    assertThat(whole.changeSet().orElseThrow().id()).isEqualTo("004-create-orders");
    assertThat(whole.rolledBack()).isEqualTo(all);
    assertThat(whole.partial()).isFalse();
  }

  @Test
  void withChangesetsReleasedEveryPendingOneIsRolledBackWhateverTheWindow() {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    addGoodChangesets(4);

    RollbackRoundTrip trip = gate.build(settings, released, new RoundTripScope(true, 2)).rollbackRoundTrip()
        .orElseThrow();

    assertThat(trip.rolledBack()).isEqualTo(4);
    assertThat(trip.partial()).isFalse();
    assertThat(trip.passed()).isTrue();
  }

  @Test
  void nothingPendingCostsNothing() {
    GateSettings settings = Fixtures.example(dir);
    int all = new ChangelogReader().read(settings.changelog()).size();

    assertThat(gate.build(settings, all, RoundTripScope.DEFAULT).rollbackRoundTrip()).isEmpty();
    assertThat(gate.build(settings, 0, RoundTripScope.OFF).rollbackRoundTrip()).isEmpty();
  }
}
