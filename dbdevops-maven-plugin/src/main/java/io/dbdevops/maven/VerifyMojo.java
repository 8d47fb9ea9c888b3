package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.dbtest.DbTestFile;
import io.dbdevops.dbtest.DbTests;
import io.dbdevops.dbtest.JUnitDbTestWriter;
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
public class VerifyMojo extends AbstractLintingMojo {

  static final String FIX = "if you changed the changelog, run `mvn dbdevops:snapshot`, review and commit the state; "
      + "if you edited the state by hand, run `mvn dbdevops:generate` to write the changeset";


  /**
   * Database unit tests: SQL files under this directory ({@code -- test: name} starts a test; each runs in a
   * transaction that is rolled back; it passes when its last query returns no rows), run on the shadow after the
   * changelog. Results in {@code target/dbdevops/TEST-dbdevops-db.xml}.
   */
  @Parameter(property = "dbdevops.dbTests.directory", defaultValue = "${project.basedir}/src/test/db")
  private java.io.File dbTestDirectory;

  /** Skips the database unit tests ({@code -DskipTests} skips them too, as it skips the other tests). */
  @Parameter(property = "dbdevops.dbTests.skip", defaultValue = "false")
  private boolean dbTestsSkip;

  @Parameter(property = "skipTests", defaultValue = "false")
  private boolean skipTests;

  /**
   * Migrations tested against data: the shadow at the released point is filled with generated rows before the pending
   * changesets run; one that fails on them (NOT NULL without a default, unique over duplicates, a narrowing that
   * truncates, a foreign key over orphans) fails the build as DBD610 fails-on-data.
   */
  @Parameter(property = "dbdevops.dataTest", defaultValue = "false")
  private boolean dataTest;

  /** Rows per table the data test generates. */
  @Parameter(property = "dbdevops.dataTest.rows", defaultValue = "100")
  private int dataTestRows;

  /** The data test's random seed (the same seed, the same rows). */
  @Parameter(property = "dbdevops.seed.random", defaultValue = "1")
  private long seedRandom;

  /**
   * Several engines: the gate on each, by provider id ({@code -Ddbdevops.shadows=h2,postgres-embedded}; {@code url}
   * takes {@code dbdevops.shadow.url}). The first runs everything verify does; each other one applies the changelog
   * and compares its state with the committed state, and a difference is reported per object and engine with the
   * changeset responsible.
   */
  @Parameter(property = "dbdevops.shadows")
  private String shadowList;

  /** Several engines, each server of its own: {@code <shadows><shadow><provider>url</provider><url>…</url></shadow>}. */
  @Parameter
  private List<ShadowEntry> shadows;

  @Override
  protected void executeGoal() throws MojoFailureException {
    try {
      verify();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void verify() throws MojoFailureException, java.io.IOException {
    Reports.deleteAll(reportDirectory.toPath());
    java.nio.file.Files.deleteIfExists(reportDirectory.toPath().resolve(JUnitDbTestWriter.FILE_NAME));
    // integrity (dbdevops.sum): released and pending changesets, DBD801/DBD802; integrity.pending() is what lint judges
    // both on the changesets the contexts and labels select for the target database, as its update does
    IntegrityStep integrityStep = integrityStep();
    GateSettings settings = gateSettings();
    List<io.dbdevops.shadow.ShadowSettings> engines = engines();
    if (!engines.isEmpty()) {
      settings = settings.withShadow(engines.get(0));
    }
    Dialect shadowDialect = shadowDialect(settings);
    Selection selection = selection(settings, shadowDialect);
    // the changelog is parsed once per dialect for the whole goal: integrity and lint read it, the shadow's updates run it
    ParsedChangelogs parses = parses();
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
    // the database unit tests are read (and checked) before any database work
    List<DbTestFile> dbTests = dbTestsSkip || skipTests ? List.of()
        : DbTestFile.readAll(dbTestDirectory.toPath(), project.getBasedir().toPath());
    settings = settings.withDbTests(dbTests);
    if (dataTest) {
      if (integrity.released().isEmpty()) {
        getLog().info("dbdevops: data test (-Ddbdevops.dataTest=true): nothing is released yet, so there is no released "
            + "point to fill with data; it runs once dbdevops.sum marks changesets released");
      }
      // reference tables keep the rows the changelog gave them
      settings = settings.withDataTest(new io.dbdevops.seed.SeedSettings(seedRandom, dataTestRows, java.util.Map.of(),
          java.util.Map.of(), java.util.Set.copyOf(settings.referenceData())));
    }
    Optional<Path> shadowCache = shadowCacheDirectory();
    if (shadowCache.isPresent() && integrity.violations().isEmpty()) {
      // the released point is proved by dbdevops.sum: start from its cached image, apply only what is pending
      releasedCount = LintStep.releasedPoint(integrity, parses, settings.changelog(), selection, shadowDialect);
      settings = settings.withShadowCache(shadowCache.get());
    }
    if (dataTest && releasedCount == 0 && !integrity.pending().isEmpty()) {
      // the data test fills the released point: the shadow stops there even when lint does not need it
      releasedCount = LintStep.releasedPoint(integrity, parses, settings.changelog(), selection, shadowDialect);
    }
    Gate.Verified verified = gate.verify(settings, ReleasedPoint.of(releasedCount, integrity.released()), roundTrip);
    logParses(parses);
    lint.printRoundTripScope(roundTrip, integrity, verified.staged().rollbackRoundTrip());
    VerifyResult result = withRelativePaths(verified.result());
    Optional<LintReport> lintReport = lint.enabled()
        ? Optional.of(lint.lint(verified.staged(), integrity.pending(), settings.changelog(), projectVersion(),
            lastRelease())) : Optional.empty();
    List<Path> reports = Reports.writeAll(result, new ReportContext("verify", result.passed() ? "" : FIX, lintReport),
        reportDirectory.toPath());
    String reportPath = relative(reports.get(reports.size() - 1));
    if (lintReport.isPresent()) {
      lint.writeFiles(lintReport.get(), relative(settings.changelog().root()));
    }
    DbTests.Report dbTestReport = verified.staged().dbTests();
    if (!dbTestReport.isEmpty()) {
      printDbTests(dbTestReport, relative(new JUnitDbTestWriter().write(dbTestReport, result.shadow(),
          reportDirectory.toPath())));
    }
    List<io.dbdevops.gate.EngineDifferences.Difference> engineDifferences = otherEngines(gate, parses, settings,
        engines);
    if (result.passed() && !engineDifferences.isEmpty()) {
      StringBuilder message = new StringBuilder("the changelog makes a different state on "
          + Plural.of((int) engineDifferences.stream().map(d -> d.engine()).distinct().count(), "engine") + " than the "
          + "committed state (which " + result.dialect() + " makes): " + Plural.of(engineDifferences.size(),
          "difference"));
      engineDifferences.forEach(d -> message.append(System.lineSeparator()).append("  ").append(d.describe()));
      message.append(System.lineSeparator()).append("Fix: make the changeset portable (set what the engine drops, or "
          + "split it with dbms=\"…\"), or verify on the engines production runs only");
      throw new MojoFailureException(message.toString());
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
      failOnDbTests(dbTestReport);
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

  /** The engines of {@code <shadows>} or {@code -Ddbdevops.shadows}; empty: the one {@code <shadow>}. */
  private List<io.dbdevops.shadow.ShadowSettings> engines() {
    List<io.dbdevops.shadow.ShadowSettings> out = new java.util.ArrayList<>();
    if (shadows != null && !shadows.isEmpty()) {
      for (ShadowEntry e : shadows) {
        if (e.provider() == null || e.provider().isBlank()) {
          throw new io.dbdevops.SetupException("a <shadow> in <shadows> has no <provider> (h2, url, postgres-embedded, "
              + "testcontainers)");
        }
        Optional<String> user = Optional.ofNullable(e.username());
        io.dbdevops.config.Secret password = io.dbdevops.config.Secret.NONE;
        if (e.serverId() != null && !e.serverId().isBlank()) {
          org.apache.maven.settings.Server server = session.getSettings().getServer(e.serverId());
          if (server == null) {
            throw new io.dbdevops.SetupException("no <server> with id '" + e.serverId() + "' in settings.xml (set by "
                + "<serverId> of a <shadow> in <shadows>)");
          }
          org.apache.maven.settings.Server decrypted = decrypt(server, e.serverId());
          user = Optional.ofNullable(decrypted.getUsername()).or(() -> Optional.ofNullable(e.username()));
          password = known(io.dbdevops.config.Secret.of(decrypted.getPassword()));
        }
        if (e.url() != null) {
          io.dbdevops.shadow.JdbcUrls.passwords(e.url()).forEach(this::known);
        }
        out.add(new io.dbdevops.shadow.ShadowSettings(e.provider(), Optional.ofNullable(e.url()), user, password,
            Optional.ofNullable(e.image())));
      }
      return out;
    }
    if (shadowList != null && !shadowList.isBlank()) {
      for (String id : shadowList.split(",")) {
        if (!id.isBlank()) {
          out.add(shadowSettings(id.trim()));
        }
      }
    }
    return out;
  }

  /**
   * The changelog on each engine after the first, compared with the committed state: the differences with the
   * changeset responsible; one line per engine on the console.
   */
  private List<io.dbdevops.gate.EngineDifferences.Difference> otherEngines(Gate gate, ParsedChangelogs parses,
      GateSettings settings, List<io.dbdevops.shadow.ShadowSettings> engines) {
    List<io.dbdevops.gate.EngineDifferences.Difference> all = new java.util.ArrayList<>();
    for (io.dbdevops.shadow.ShadowSettings engine : engines.stream().skip(1).toList()) {
      GateSettings other = settings.onEngine(engine);
      Dialect dialect = shadowDialect(other);
      String label = dialect.word() + " (" + engine.provider() + ")";
      getLog().info("dbdevops: engine " + label + ": applying the changelog and comparing with the committed state");
      VerifyResult r = gate.verify(other);
      List<io.dbdevops.liquibase.ChangeSetInfo> changeSets = parses.get(other.changelog(), selection(other, dialect))
          .changeSets();
      List<io.dbdevops.gate.EngineDifferences.Difference> found = io.dbdevops.gate.EngineDifferences.of(label,
          r.differences(), changeSets);
      if (found.isEmpty()) {
        getLog().info("dbdevops: engine " + label + ": the same state (" + Plural.of(r.objectsInShadow(), "object") + ", "
            + Plural.of(r.changesetsApplied(), "changeset") + ", " + r.timings().total().toMillis() + " ms)");
      } else {
        found.forEach(d -> getLog().error("dbdevops: " + d.describe()));
      }
      all.addAll(found);
    }
    return all;
  }

  /** {@code dbdevops db tests: N passed, M failed}, and each failure with its file:line and first rows. */
  private void printDbTests(DbTests.Report report, String junit) {
    for (DbTests.Result r : report.failures()) {
      getLog().error("dbdevops db test FAILED: " + r.test().name() + " (" + r.location() + "): " + r.failure().get());
      r.rows().forEach(row -> getLog().error("    " + row));
      if (r.rowCount() > r.rows().size()) {
        getLog().error("    … " + (r.rowCount() - r.rows().size()) + " more");
      }
    }
    String line = "dbdevops db tests: " + report.passed() + " passed, " + report.failures().size() + " failed ("
        + report.took().toMillis() + " ms); " + junit;
    if (report.failures().isEmpty()) {
      getLog().info(line);
    } else {
      getLog().error(line);
    }
  }

  private static void failOnDbTests(DbTests.Report report) throws MojoFailureException {
    if (report.failures().isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("dbdevops db tests: " + Plural.of(report.failures().size(), "test")
        + " failed on the shadow:");
    for (DbTests.Result r : report.failures()) {
      message.append(System.lineSeparator()).append("  ").append(r.test().name()).append(" (").append(r.location())
          .append("): ").append(r.failure().get());
    }
    throw new MojoFailureException(message.toString());
  }

  /** Reports name project-relative paths, so they read the same on every machine. */
  private VerifyResult withRelativePaths(VerifyResult r) {
    return new VerifyResult(r.changelog(), relative(stateDirectory.toPath()), r.shadow(), r.dialect(), r.changesetsApplied(),
        r.objectsInState(), r.objectsInShadow(), r.timings(), r.differences());
  }
}
