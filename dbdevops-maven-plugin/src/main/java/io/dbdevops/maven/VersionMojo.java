package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.ReleasedPoint;
import io.dbdevops.gate.RoundTripScope;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.release.Classification;
import io.dbdevops.release.Classifier;
import io.dbdevops.release.Reason;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.release.VersionReport;
import io.dbdevops.report.VersionReportWriter;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Informational: classifies the pending changesets (those after the last release in the integrity file) by semantic
 * versioning against the released state the shadow gives — MAJOR, MINOR, PATCH or NONE — and prints every change
 * with its class and changeset, the last released version, the next version the pending part needs, and whether
 * the project version meets it (what DBD901 checks in {@code verify}); writes version.json, version.md and
 * version.html. Never fails on the classification.
 */
@Mojo(name = "version", threadSafe = true)
public class VersionMojo extends AbstractLintingMojo {

  @Override
  protected void executeGoal() {
    Path reports = reportDirectory.toPath();
    for (String name : VersionReportWriter.FILE_NAMES) {
      try {
        Files.deleteIfExists(reports.resolve(name));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot remove the old report " + reports.resolve(name), e);
      }
    }
    GateSettings settings = gateSettings();
    Dialect shadowDialect = shadowDialect(settings);
    Selection selection = selection(settings, shadowDialect);
    ParsedChangelogs parses = parses();
    IntegrityResult integrity = integrityStep().run(parses.get(settings.changelog(), selection));
    // the shadow at the released point and after the pending part, as verify builds it for lint (and from its cache)
    int releasedCount = LintStep.releasedCount(integrity, parses, settings.changelog(), selection, shadowDialect);
    Optional<Path> shadowCache = shadowCacheDirectory();
    if (shadowCache.isPresent() && integrity.violations().isEmpty()) {
      releasedCount = LintStep.releasedPoint(integrity, parses, settings.changelog(), selection, shadowDialect);
      settings = settings.withShadowCache(shadowCache.get());
    }
    Gate.Staged staged = new Gate(ShadowProviders.load(), consoleListener(), parses)
        .build(settings, ReleasedPoint.of(releasedCount, integrity.released()), RoundTripScope.OFF);
    logParses(parses);
    Dialect target = lintStep().configuredDialect().orElse(staged.built().dialect());
    Classification classification = new Classifier().classify(staged, integrity.pending(), target,
        settings.changelog().path());
    print(classification, integrity.pending().size(), lastRelease(), projectVersion());
    List<Path> written = new VersionReportWriter().write(new VersionReport(classification, integrity.pending().size(),
        lastRelease(), project.getVersion()), reports);
    getLog().info("dbdevops version: report " + relative(written.get(written.size() - 1)));
  }

  private void print(Classification c, int pending, Optional<SemanticVersion> last, Optional<SemanticVersion> project) {
    String since = last.map(v -> "since release " + v).orElse("since the last release");
    String sum = relative(sumFile.toPath());
    if (pending == 0) {
      getLog().info("dbdevops version: NONE: nothing pending " + since);
    } else {
      getLog().info("dbdevops version: " + c.level() + " (" + Plural.of(pending, "pending changeset") + " " + since
          + ")");
      for (Reason r : c.reasons()) {
        getLog().info("  " + r.describe());
      }
    }
    if (last.isEmpty()) {
      getLog().info("dbdevops version: no released version recorded in " + sum + ": mvn dbdevops:mark-released "
          + "records the project version of each release; until then no next version is required (DBD901 does not "
          + "judge)");
      return;
    }
    SemanticVersion required = c.requiredNext(last).orElseThrow();
    String head = "dbdevops version: last release " + last.get() + ", required next version " + required;
    if (project.isEmpty()) {
      getLog().warn(head + "; the project version '" + this.project.getVersion() + "' is not a semantic version");
    } else if (project.get().meets(required)) {
      getLog().info(head + "; the project version " + project.get() + " meets it");
    } else {
      getLog().warn(head + "; the project version " + project.get() + " does not meet it: set it to " + required
          + " (" + required + "-SNAPSHOT while building it), or verify fails with DBD901 version-too-small");
    }
  }
}
