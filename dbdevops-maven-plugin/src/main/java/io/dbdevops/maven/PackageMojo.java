package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import io.dbdevops.release.ReleaseArchive;
import io.dbdevops.release.ReleaseContents;
import io.dbdevops.release.ReleaseManifest;
import io.dbdevops.release.ReleaseNotes;
import io.dbdevops.release.Bump;
import io.dbdevops.release.Classification;
import io.dbdevops.release.Classifier;
import io.dbdevops.release.Reason;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs the database release: {@code target/<artifactId>-<version>-dbrelease.zip}, attached to the build with
 * classifier {@code dbrelease} so {@code mvn install} and {@code mvn deploy} publish it like any artifact. It holds the
 * changelog tree, the state, {@code dbdevops.sum}, {@code manifest.json} (coordinates, classification, SHA-256 of every
 * file) and {@code RELEASE-NOTES.md} (the changesets and the typed diff since the last release, the accepted lint
 * findings). Reproducible: the same commit gives the same bytes ({@code project.build.outputTimestamp} sets the entry
 * time). {@code deploy}, {@code plan}, {@code drift} and {@code status} take it with {@code -Ddbdevops.release}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractLintingMojo {

  @Component
  private MavenProjectHelper projectHelper;

  /** The time written on every entry of the zip (Maven's reproducible-build setting). */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String dbdevopsVersion;

  @Override
  protected void executeGoal() throws MojoFailureException {
    GateSettings settings = gateSettings();
    Dialect shadowDialect = shadowDialect(settings);
    Selection selection = selection(settings, shadowDialect);
    ParsedChangelogs parses = parses();
    ParsedChangelog parsed = parses.get(settings.changelog(), selection);
    IntegrityStep integrityStep = integrityStep();
    IntegrityResult integrity = integrityStep.run(parsed);
    // a release whose released history does not hold is not packed
    integrityStep.failOnViolations(integrity);

    SumFile sum = SumFile.readOrEmpty(sumFile.toPath());
    Previous previous = previousRelease(sum, integrity);
    List<ChangeSetInfo> all = parsed.changeSets();
    List<ChangeSetInfo> since = all.subList(previous.count(), all.size());
    int shadowPoint = shadowPoint(previous.count(), all, parses, settings, selection, shadowDialect);
    Gate.Staged staged = new Gate(ShadowProviders.load(), consoleListener(), parses).build(settings, shadowPoint);
    logParses(parses);
    LintStep lint = lintStep();
    List<Finding> accepted = lint.enabled()
        ? lint.lint(staged, since, settings.changelog()).findings().stream().filter(Finding::accepted).toList()
        : List.of();
    Classified classified = classify(staged, since, previous, lint, settings);

    String version = project.getVersion();
    ReleaseNotes notes = new ReleaseNotes(project.getName() == null ? project.getArtifactId() : project.getName(),
        version, previous.version(), classified.level(), classified.required(), classified.reasons(), since,
        since.isEmpty() ? List.of() : staged.pendingChanges(), accepted);
    ReleaseContents contents = new ReleaseContents().changelog(settings.changelog(), parsed.filesRead())
        .state(stateDirectory.toPath()).sumFile(sumFile.toPath()).put(ReleaseManifest.NOTES, notes.bytes());
    Path zip = Path.of(project.getBuild().getDirectory()).resolve(project.getArtifactId() + "-" + version + "-"
        + ReleaseSource.CLASSIFIER + "." + ReleaseSource.EXTENSION);
    Instant time = ReleaseArchive.outputTimestamp(outputTimestamp).orElse(ReleaseArchive.DEFAULT_TIME);
    ReleaseManifest manifest = ReleaseArchive.write(zip, contents.files(), hashes -> new ReleaseManifest(
        project.getGroupId(), project.getArtifactId(), version, dbdevopsVersion == null ? "" : dbdevopsVersion,
        settings.changelog().path(), previous.version(), classified.level(), classified.required(), all.size(), hashes),
        time);
    projectHelper.attachArtifact(project, ReleaseSource.EXTENSION, ReleaseSource.CLASSIFIER, zip.toFile());
    getLog().info("dbdevops package: " + relative(zip) + " (" + Plural.of(manifest.files().size(), "file") + " and the manifest, "
        + Plural.of(all.size(), "changeset") + "; " + classified.level() + previous.version().map(v -> " since " + v)
            .orElse(", the first release") + ", " + Plural.of(since.size(), "changeset") + " new), attached as "
        + manifest.coordinates() + ":" + ReleaseSource.EXTENSION + ":" + ReleaseSource.CLASSIFIER);
  }

  /** The release this one is classified against: its version (when recorded) and how many changesets it held. */
  record Previous(Optional<String> version, int count) {
  }

  /** The classification of the changes since the previous release. */
  record Classified(String level, Optional<String> required, List<String> reasons) {
  }

  /**
   * The release this package is classified against: the last release line of {@code dbdevops.sum} below the project's
   * version (X-SNAPSHOT counts as X): when this version was just marked released, the release before it. Without
   * release lines (a file older than versions), the changesets the file lists, version unknown; none at all: the
   * first release, the whole history.
   */
  private Previous previousRelease(SumFile sum, IntegrityResult integrity) {
    Optional<SemanticVersion> version = SemanticVersion.tryParse(project.getVersion()).map(SemanticVersion::release);
    List<SumFile.Release> releases = sum.releases();
    if (!releases.isEmpty()) {
      for (int i = releases.size() - 1; i >= 0; i--) {
        SumFile.Release r = releases.get(i);
        if (version.isEmpty() || r.version().compareTo(version.get()) < 0) {
          return new Previous(Optional.of(r.version().toString()), r.through());
        }
      }
      return new Previous(Optional.empty(), 0);
    }
    return new Previous(Optional.empty(), integrity.pending().isEmpty() ? 0 : integrity.released().size());
  }

  private static Classified classify(Gate.Staged staged, List<ChangeSetInfo> since, Previous previous, LintStep lint,
      GateSettings settings) {
    if (since.isEmpty()) {
      return new Classified(Bump.NONE.name(), Optional.empty(), List.of());
    }
    Dialect target = lint.configuredDialect().orElse(staged.built().dialect());
    Classification c = new Classifier().classify(staged, since, target, settings.changelog().path());
    Optional<SemanticVersion> last = previous.version().flatMap(SemanticVersion::tryParse);
    return new Classified(c.level().name(), c.requiredNext(last).map(SemanticVersion::toString),
        c.reasons().stream().map(Reason::describe).toList());
  }

  /** The previous release's point in the shadow's own selection (another dbms may select other changesets). */
  private static int shadowPoint(int count, List<ChangeSetInfo> all, ParsedChangelogs parses, GateSettings settings,
      Selection selection, Dialect shadow) {
    if (count == 0 || selection.dbms() == shadow) {
      return count;
    }
    return new IntegrityResult(all.subList(0, count), all.subList(count, all.size()), List.of(), Optional.empty())
        .releasedPointIn(parses.get(settings.changelog(), selection.on(shadow)).selected());
  }
}
