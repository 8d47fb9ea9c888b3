package io.dbdevops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DBD901 over the example project released as 1.2.0 and one pending changeset, on a real H2 shadow. */
class VersionTooSmallRuleTest {

  @TempDir
  Path dir;

  private final VersionTooSmallRule rule = new VersionTooSmallRule();
  private GateSettings settings;
  private List<ChangeSetInfo> pending;
  private Gate.Staged staged;

  @BeforeEach
  void dropNoteAsPending() {
    settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-drop-note.xml", Fixtures.xmlChangeset("100-drop-note",
        "    <dropColumn tableName=\"orders\" columnName=\"note\"/>"));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    pending = all.subList(released, all.size());
    staged = new Gate(ShadowProviders.load(), GateListener.SILENT).build(settings, released);
  }

  private LintContext context(String project, String last) {
    return LintContext.builder().dialect(Dialect.H2).pending(pending).released(staged.released())
        .result(staged.built().model()).pendingChanges(staged.pendingChanges()).changelog(settings.changelog().path())
        .sources(ChangeSetSources.read(settings.changelog().root(), pending))
        .projectVersion(Optional.ofNullable(project).map(SemanticVersion::parse))
        .lastRelease(Optional.ofNullable(last).map(SemanticVersion::parse)).build();
  }

  @Test
  void firesWhenTheVersionIsBelowTheRequiredOneNamingTheChangeAndTheVersionToUse() {
    List<Finding> f = rule.check(context("1.3.0-SNAPSHOT", "1.2.0"));

    assertThat(f).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("DBD901");
      assertThat(d.object()).isEqualTo("orders.note");
      assertThat(d.site().changeSetId()).contains("100-drop-note");
      assertThat(d.describe()).isEqualTo("DBD901 version-too-small: the project version 1.3.0-SNAPSHOT is below "
          + "2.0.0, the version a MAJOR change needs after release 1.2.0: orders.note is dropped (DBD103 drop-column) "
          + "by changeset 100-drop-note (db/changelog/changes/100-drop-note.xml:5) — applications built for 1.2.0 "
          + "break on it, and a version that does not say so tells whoever deploys it that they do not. Set the "
          + "project version to 2.0.0 (2.0.0-SNAPSHOT while building it); mvn dbdevops:version lists every pending "
          + "change and its class; see docs/rules/DBD901.md");
    });
  }

  @Test
  void theSnapshotOfTheRequiredVersionMeetsIt() {
    assertThat(rule.check(context("2.0.0-SNAPSHOT", "1.2.0"))).isEmpty();
    assertThat(rule.check(context("2.1.0", "1.2.0"))).isEmpty();
  }

  @Test
  void withoutARecordedReleaseOrAProjectVersionItDoesNotJudge() {
    assertThat(rule.check(context("1.2.0", null))).isEmpty();
    assertThat(rule.check(context(null, "1.2.0"))).isEmpty();
  }

  @Test
  void theLinterReportsItAsAnErrorAndAnAcceptanceOnTheChangesetAcceptsIt() {
    LintReport report = new Linter(RuleRegistry.load()).lint(context("1.2.0", "1.2.0"), LintSettings.DEFAULT);
    assertThat(report.blocking()).extracting(Finding::code).contains("DBD901", "DBD103");

    Fixtures.addChangeset(dir, "100-drop-note.xml", Fixtures.xmlChangeset("100-drop-note",
        "    <comment>dbdevops:allow DBD901, DBD103 \"the note column was never read\"</comment>\n"
            + "    <dropColumn tableName=\"orders\" columnName=\"note\"/>"));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    pending = all.subList(all.size() - 1, all.size());
    LintReport accepted = new Linter(RuleRegistry.load()).lint(context("1.2.0", "1.2.0"), LintSettings.DEFAULT);
    assertThat(accepted.findings()).filteredOn(x -> x.code().equals("DBD901")).singleElement()
        .satisfies(x -> assertThat(x.acceptedReason()).contains("the note column was never read"));
    assertThat(accepted.passed()).isTrue();
  }
}
