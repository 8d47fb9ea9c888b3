package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.ReleasedPoint;
import io.dbdevops.gate.RoundTripScope;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.lint.LintReport;
import io.dbdevops.report.ReportContext;
import io.dbdevops.report.Reports;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The gate: applies the changelog to a shadow database, snapshots it and fails when the result differs from the
 * committed state; checks the integrity file and lints the pending changesets. Writes report.json, report.md and
 * report.html, and lint.sarif and TEST-dbdevops-lint.xml.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractDbDevOpsMojo {

  static final String FIX = "if you changed the changelog, run `mvn dbdevops:snapshot`, review and commit the state; "
      + "if you edited the state by hand, run `mvn dbdevops:generate` to write the changeset";


  /**
   * Keep an image of the shadow at the released point (the changesets {@code dbdevops.sum} proves) and start the next
   * build from it, so a build applies only what is pending. {@code false} turns the cache off.
   */
  @Parameter(property = "dbdevops.cache", defaultValue = "true")
  private boolean cache;

  /**
   * Where the images are kept: by default {@code dbdevops-cache} beside the local Maven repository
   * ({@code ~/.m2/dbdevops-cache}), which CI systems already cache between builds.
   */
  @Parameter(property = "dbdevops.cacheDirectory")
  private java.io.File cacheDirectory;

  private Optional<Path> shadowCacheDirectory() {
    if (!cache) {
      return Optional.empty();
    }
    if (cacheDirectory != null) {
      return Optional.of(cacheDirectory.toPath());
    }
    Path repository = Path.of(session.getLocalRepository().getBasedir());
    Path beside = repository.toAbsolutePath().getParent();
    return Optional.of((beside == null ? repository : beside).resolve("dbdevops-cache"));
  }

  @Override
  protected void executeGoal() throws MojoFailureException {
    Reports.deleteAll(reportDirectory.toPath());
    // integrity (dbdevops.sum): released and pending changesets, DBD801/DBD802; integrity.pending() is what lint judges
    // both on the changesets the contexts and labels select for the target database, as its update does
    IntegrityStep integrityStep = integrityStep();
    GateSettings settings = gateSettings();
    Dialect shadowDialect = shadowDialect(settings);
    Selection selection = selection(settings, shadowDialect);
    // the changelog is parsed once per dialect for the whole goal: integrity and lint read it, the shadow's updates run it
    ParsedChangelogs parses = new ParsedChangelogs();
    IntegrityResult integrity = integrityStep.run(parses.get(settings.changelog(), selection));
    // lint: the same shadow also snapshots the released point, then lint judges the pending part
    LintStep lint = lintStep();
    lint.deleteFiles();
    Gate gate = new Gate(ShadowProviders.load(), consoleListener(), parses);
    // DBD602: the same shadow rolls the pending changesets back and applies them again (only when something is pending;
    // with nothing released, only the last few)
    RoundTripScope roundTrip = lint.rollbackRoundTrip(integrity);
    int releasedCount = lint.enabled()
        ? LintStep.releasedCount(integrity, parses, settings.changelog(), selection, shadowDialect) : 0;
    Optional<Path> shadowCache = shadowCacheDirectory();
    if (shadowCache.isPresent() && integrity.violations().isEmpty()) {
      // the released point is proved by dbdevops.sum: start from its cached image, apply only what is pending
      releasedCount = LintStep.releasedPoint(integrity, parses, settings.changelog(), selection, shadowDialect);
      settings = settings.withShadowCache(shadowCache.get());
    }
    Gate.Verified verified = gate.verify(settings, ReleasedPoint.of(releasedCount, integrity.released()), roundTrip);
    logParses(parses);
    lint.printRoundTripScope(roundTrip, integrity, verified.staged().rollbackRoundTrip());
    VerifyResult result = withRelativePaths(verified.result());
    Optional<LintReport> lintReport = lint.enabled()
        ? Optional.of(lint.lint(verified.staged(), integrity.pending(), settings.changelog())) : Optional.empty();
    List<Path> reports = Reports.writeAll(result, new ReportContext("verify", result.passed() ? "" : FIX, lintReport),
        reportDirectory.toPath());
    String reportPath = relative(reports.get(reports.size() - 1));
    if (lintReport.isPresent()) {
      lint.writeFiles(lintReport.get(), relative(settings.changelog().root()));
    }
    if (result.passed()) {
      getLog().info("dbdevops: state matches the changelog (" + Plural.of(result.objectsInShadow(), "object") + ", "
          + (settings.referenceData().isEmpty() ? "" : Plural.of(settings.referenceData().size(), "reference table") + ", ")
          + Plural.of(result.changesetsApplied(), "changeset") + ", " + result.timings().total().toMillis()
          + " ms); report " + reportPath);
      if (lintReport.isPresent()) {
        lint.print(lintReport.get(), reportPath);
      }
      integrityStep.failOnViolations(integrity);
      if (lintReport.isPresent()) {
        lint.failOnFindings(lintReport.get());
      }
      return;
    }
    if (lintReport.isPresent()) {
      lint.print(lintReport.get(), reportPath);
    }
    List<String> lines = DiffRendering.lines(result.differences());
    int objects = DiffRendering.group(result.differences()).size();
    StringBuilder message = new StringBuilder("the committed state (" + result.stateDirectory()
        + ") differs from what the changelog makes: " + Plural.of(result.differences().size(), "difference") + " in "
        + Plural.of(objects, "object") + " (+ made by the changelog, missing from the state; - in the state, "
        + "not made by the changelog; ~ differs)");
    getLog().error("dbdevops: " + message);
    for (String line : lines) {
      getLog().error("  " + line);
      message.append(System.lineSeparator()).append("  ").append(line);
    }
    getLog().error("dbdevops: fix: " + FIX);
    getLog().error("dbdevops: report " + reportPath);
    message.append(System.lineSeparator()).append("Fix: ").append(FIX);
    throw new MojoFailureException(message.toString());
  }

  /** Reports name project-relative paths, so they read the same on every machine. */
  private VerifyResult withRelativePaths(VerifyResult r) {
    return new VerifyResult(r.changelog(), relative(stateDirectory.toPath()), r.shadow(), r.dialect(), r.changesetsApplied(),
        r.objectsInState(), r.objectsInShadow(), r.timings(), r.differences());
  }
}
