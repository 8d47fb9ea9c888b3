package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.integrity.IntegrityCheck;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.ReleaseMarker;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.liquibase.ChangelogSelection;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project on H2: its changesets released, a new one pending. One shadow gives the released state and the
 * state after the pending part; lint of the pending part finds the drop at its file and line.
 */
class StagedLintH2Test {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  @Test
  void theReleasedStateIsSnapshotBeforeThePendingChangesetsInTheSameShadow() {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-drop-note.xml", Fixtures.xmlChangeset("100-drop-note",
        "    <dropColumn tableName=\"orders\" columnName=\"note\"/>"));

    Gate.Staged staged = gate.build(settings, released);

    assertThat(staged.built().update().applied()).hasSize(released + 1);
    assertThat(staged.released().table("orders").orElseThrow().column("note")).isPresent();
    assertThat(staged.built().model().table("orders").orElseThrow().column("note")).isEmpty();
    assertThat(staged.pendingChanges()).singleElement().isInstanceOf(SchemaChange.ColumnDropped.class);
  }

  @Test
  void withNothingReleasedTheReleasedStateIsEmptyAndEverythingIsPending() {
    GateSettings settings = Fixtures.example(dir);
    Gate.Staged staged = gate.build(settings, 0);

    assertThat(staged.released().objectCount()).isZero();
    assertThat(staged.releasedSnapshot()).isZero();
    assertThat(staged.pendingChanges()).hasSize(staged.built().model().objectCount());
  }

  @Test
  void lintOfThePendingDropPointsAtItsFileAndLine() {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-drop-note.xml", Fixtures.xmlChangeset("100-drop-note",
        "    <dropColumn tableName=\"orders\" columnName=\"note\"/>"));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    List<ChangeSetInfo> pending = all.subList(released, all.size());

    Gate.Verified verified = gate.verify(settings, released);
    LintContext context = LintContext.builder().dialect(Dialect.H2).pending(pending)
        .released(verified.staged().released()).result(verified.staged().built().model())
        .pendingChanges(verified.staged().pendingChanges()).changelog(settings.changelog().path())
        .sources(ChangeSetSources.read(settings.changelog().root(), pending)).build();
    LintReport report = new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT);

    assertThat(report.passed()).isFalse();
    Finding drop = report.blocking().get(0);
    assertThat(drop.code()).isEqualTo("DBD103");
    assertThat(drop.object()).isEqualTo("orders.note");
    assertThat(drop.site().location()).isEqualTo("db/changelog/changes/100-drop-note.xml:5");
  }

  @Test
  void releasedForPostgresqlButVerifiedOnH2TheReleasedPointIsCountedInTheShadowsSelection() {
    GateSettings settings = Fixtures.example(dir);
    // released for PostgreSQL: an extension only PostgreSQL runs; pending: a new column
    Fixtures.addChangeset(dir, "100-pg-extension.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
          <changeSet id="100-pg-extension" author="test" dbms="postgresql">
            <sql>CREATE EXTENSION IF NOT EXISTS pg_trgm</sql>
          </changeSet>
        </databaseChangeLog>
        """);
    Selection postgres = new Selection(UpdateOptions.DEFAULT, Dialect.POSTGRESQL);
    Path sum = dir.resolve("dbdevops.sum");
    new ReleaseMarker().mark(sum, settings.changelog(), postgres);
    Fixtures.addChangeset(dir, "101-coupon.xml", Fixtures.xmlChangeset("101-coupon",
        "    <addColumn tableName=\"orders\"><column name=\"coupon\" type=\"VARCHAR(30)\"/></addColumn>"));
    IntegrityResult integrity = new IntegrityCheck().check(SumFile.read(sum),
        new ChangelogReader().read(settings.changelog(), postgres));
    assertThat(integrity.released()).hasSize(8);
    assertThat(integrity.pending()).extracting(ChangeSetInfo::id).containsExactly("101-coupon");

    // the H2 shadow does not run 100-pg-extension: 8 changesets there would reach past the released point
    int onH2 = integrity.releasedPointIn(new ChangelogSelection().select(settings.changelog(), postgres.on(Dialect.H2)));
    assertThat(onH2).isEqualTo(7);
    Gate.Staged staged = gate.build(settings, onH2);
    assertThat(staged.pendingChanges()).singleElement().isInstanceOf(SchemaChange.ColumnAdded.class);
    assertThat(gate.build(settings, integrity.released().size()).pendingChanges()).isEmpty();
  }
}
