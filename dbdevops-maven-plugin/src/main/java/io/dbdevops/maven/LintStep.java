package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.RollbackRoundTrip;
import io.dbdevops.gate.RoundTripScope;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.report.JUnitLintWriter;
import io.dbdevops.report.SarifWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The lint step of {@code dbdevops:lint} and {@code dbdevops:verify}: settings from the POM, the target dialect, one
 * {@link Linter} run over the pending changesets and the staged states of the shadow, one console line per finding
 * (ERROR as [ERROR], WARN as [WARNING], accepted ones as [INFO] with their reason; INFO findings only in the reports),
 * lint.sarif and TEST-dbdevops-lint.xml, and BUILD FAILURE on a blocking finding.
 */
final class LintStep {

  /** The rule that judges the rollback round trip. */
  static final String ROUND_TRIP_RULE = "DBD602";

  /** The rule that compares the project version with the one the pending changes need. */
  static final String VERSION_RULE = "DBD901";

  /**
   * The lint parameters as the POM gave them; {@code rollbackWindow}: with nothing released, how many of the last
   * pending changesets DBD602 rolls back ({@code 10}, {@code 0} to skip, {@code all}).
   */
  record Config(boolean skip, Optional<String> dialect, String failOn, Map<String, String> rules, List<String> disabled,
      Optional<String> docsUrl, Optional<String> toolVersion, String rollbackWindow, String rollbackTest) {
  }

  private final Log log;
  private final Config config;
  private final Path reportDirectory;

  LintStep(Log log, Config config, Path reportDirectory) {
    this.log = log;
    this.config = config;
    this.reportDirectory = reportDirectory;
  }

  boolean enabled() {
    return !config.skip();
  }

  /**
   * How many changesets the shadow applies before it snapshots the released state: the released ones (they come first
   * in the changelog; one placed after a pending one is a DBD802 violation that fails the build anyway). 0 when nothing
   * is pending: there is nothing to judge, so no extra snapshot is taken.
   */
  static int releasedCount(IntegrityResult integrity) {
    return integrity.pending().isEmpty() ? 0 : integrity.released().size();
  }

  /**
   * {@link #releasedCount(IntegrityResult)} on a shadow of {@code shadow}'s database, when the changesets were selected
   * for another one ({@code <lintDialect>}): the shadow's update selects by its own dbms, so the released point is
   * counted in its selection.
   */
  static int releasedCount(IntegrityResult integrity, ParsedChangelogs parses, ChangelogSource changelog,
      Selection selection, Dialect shadow) {
    return integrity.pending().isEmpty() ? 0 : releasedPoint(integrity, parses, changelog, selection, shadow);
  }

  /** How many changesets of the shadow's own selection are released (also when nothing is pending). */
  static int releasedPoint(IntegrityResult integrity, ParsedChangelogs parses, ChangelogSource changelog,
      Selection selection, Dialect shadow) {
    if (integrity.released().isEmpty() || selection.dbms() == shadow) {
      return integrity.released().size();
    }
    // the shadow's own parse, the one its update runs
    return integrity.releasedPointIn(parses.get(changelog, selection.on(shadow)).selected());
  }

  /**
   * Which pending changesets the shadow also rolls back and applies again for DBD602: none unless lint runs, DBD602 is
   * not turned off and something is pending; with changesets released, all the pending ones; with nothing released,
   * the last {@code <lintRollbackWindow>} of them.
   */
  RoundTripScope rollbackRoundTrip(IntegrityResult integrity) {
    int window = rollbackWindow();
    if (!enabled() || integrity.pending().isEmpty() || !settings(RuleRegistry.load()).enabled(ROUND_TRIP_RULE)) {
      return RoundTripScope.OFF;
    }
    return new RoundTripScope(true, window).in(config.rollbackTest() == null || config.rollbackTest().isBlank()
        ? RoundTripScope.Mode.GROUPED
        : RoundTripScope.Mode.parse(config.rollbackTest(), "<rollbackTest> / -Ddbdevops.rollbackTest"));
  }

  /** {@code <lintRollbackWindow>} as a number; {@code all} is {@link RoundTripScope#WHOLE}. */
  int rollbackWindow() {
    String value = config.rollbackWindow() == null ? "" : config.rollbackWindow().trim();
    if (value.isEmpty()) {
      return RoundTripScope.DEFAULT_WINDOW;
    }
    if (value.equalsIgnoreCase("all")) {
      return RoundTripScope.WHOLE;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new SetupException("<lintRollbackWindow> / -Ddbdevops.lint.rollbackWindow: '" + value + "' is not a number "
        + "of changesets (0 or more) or 'all'");
  }

  /**
   * One line when, with nothing released, DBD602 did not roll back every pending changeset: how many it did, or that
   * it was skipped, and the setting that changes it.
   */
  void printRoundTripScope(RoundTripScope scope, IntegrityResult integrity, Optional<RollbackRoundTrip> trip) {
    if (!scope.enabled() || !integrity.released().isEmpty() || integrity.pending().isEmpty()) {
      return;
    }
    if (scope.unreleasedWindow() == 0) {
      log.info("dbdevops lint: DBD602 (rollback round trip) skipped: nothing is released yet and <lintRollbackWindow> "
          + "is 0; set it (-Ddbdevops.lint.rollbackWindow=10, or all) to roll back the last pending changesets");
    } else if (trip.isPresent() && trip.get().partial()) {
      log.info("dbdevops lint: DBD602 rolled back " + trip.get().covered() + ", not the whole history: nothing is "
          + "released yet; <lintRollbackWindow> (-Ddbdevops.lint.rollbackWindow) sets how many, all for every one");
    }
  }

  /** Removes lint.sarif and TEST-dbdevops-lint.xml of an earlier run. */
  void deleteFiles() {
    for (String name : List.of(SarifWriter.FILE_NAME, JUnitLintWriter.FILE_NAME)) {
      try {
        Files.deleteIfExists(reportDirectory.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the old report " + reportDirectory.resolve(name), e);
      }
    }
  }

  /** Judges the pending changesets against the states the shadow gave (DBD901 without versions: it does not judge). */
  LintReport lint(Gate.Staged staged, List<ChangeSetInfo> pending, ChangelogSource changelog) {
    return lint(staged, pending, changelog, Optional.empty(), Optional.empty());
  }

  /**
   * Judges the pending changesets; DBD901 compares {@code projectVersion} with the version they need over
   * {@code lastRelease} (the integrity file's last release line).
   */
  LintReport lint(Gate.Staged staged, List<ChangeSetInfo> pending, ChangelogSource changelog,
      Optional<SemanticVersion> projectVersion, Optional<SemanticVersion> lastRelease) {
    RuleRegistry registry = RuleRegistry.load();
    LintSettings settings = settings(registry);
    Dialect dialect = dialect(staged.built().dialect());
    boolean nothingPending = pending.isEmpty();
    LintContext context = LintContext.builder().dialect(dialect).pending(pending)
        .released(nothingPending ? staged.built().model() : staged.released()).result(staged.built().model())
        .pendingChanges(nothingPending ? List.of() : staged.pendingChanges()).changelog(changelog.path())
        .sources(ChangeSetSources.read(changelog.root(), pending))
        .rollbackRoundTrip(nothingPending ? Optional.empty() : staged.rollbackRoundTrip())
        .projectVersion(projectVersion).lastRelease(lastRelease).build();
    return new Linter(registry).lint(context, settings);
  }

  LintSettings settings(RuleRegistry registry) {
    Optional<Severity> failOn;
    try {
      failOn = Severity.parse(config.failOn());
    } catch (IllegalArgumentException e) {
      throw new SetupException("<lintFailOn> / -Ddbdevops.lint.failOn: " + e.getMessage());
    }
    Map<String, String> rules = new TreeMap<>(config.rules());
    for (String code : config.disabled()) {
      if (!code.isBlank()) {
        rules.put(code.trim().toUpperCase(Locale.ROOT), "OFF");
      }
    }
    try {
      LintSettings settings = LintSettings.of(failOn, rules);
      settings.validate(registry);
      return settings;
    } catch (IllegalArgumentException e) {
      throw new SetupException("<lintRules> / <lintDisabled>: " + e.getMessage());
    }
  }

  /** The database the changelog is deployed to as {@code <lintDialect>} names it, when it is set. */
  Optional<Dialect> configuredDialect() {
    if (config.dialect().isEmpty() || config.dialect().get().isBlank()) {
      return Optional.empty();
    }
    String d = config.dialect().get().trim().toLowerCase(Locale.ROOT);
    return Optional.of(switch (d) {
      case "postgresql", "postgres", "pg" -> Dialect.POSTGRESQL;
      case "mariadb", "mysql" -> Dialect.MARIADB;
      case "h2" -> Dialect.H2;
      default -> throw new SetupException("<lintDialect> / -Ddbdevops.lint.dialect: '" + config.dialect().get()
          + "' is not a database dbdevops lints for (use postgresql, mariadb or h2)");
    });
  }

  /** The configured target dialect, else the shadow's (said once on the console when that is H2). */
  Dialect dialect(Dialect shadow) {
    Optional<Dialect> configured = configuredDialect();
    if (configured.isPresent()) {
      return configured.get();
    }
    if (shadow == Dialect.H2) {
      log.info("dbdevops lint: target database h2 (the shadow's); the PostgreSQL rules (DBD401-DBD408, DBD702) and the "
          + "MariaDB rule (DBD409) are off: set <lintDialect>postgresql</lintDialect> (-Ddbdevops.lint.dialect) to the "
          + "database you deploy to");
    }
    return shadow;
  }

  /** lint.sarif and TEST-dbdevops-lint.xml; {@code projectRelativeRoot} is the changelog root, e.g. src/main/resources. */
  List<Path> writeFiles(LintReport report, String projectRelativeRoot) {
    Path sarif = new SarifWriter().write(report, new SarifWriter.Options(projectRelativeRoot.replace('\\', '/'),
        config.docsUrl(), config.toolVersion()), reportDirectory);
    Path junit = new JUnitLintWriter().write(report, reportDirectory);
    return List.of(sarif, junit);
  }

  /** One line per finding, then the summary line with the report's path. */
  void print(LintReport report, String reportPath) {
    for (Finding f : report.findings()) {
      if (f.accepted()) {
        log.info(f.headline() + " — accepted: " + f.acceptedReason().orElse(""));
      } else if (f.severity() == Severity.ERROR) {
        log.error(f.describe());
      } else if (f.severity() == Severity.WARN) {
        log.warn(f.describe());
      }
    }
    String summary = "dbdevops lint: " + report.summary() + "; report " + reportPath;
    if (report.passed()) {
      log.info(summary);
    } else {
      log.error(summary);
    }
  }

  /** BUILD FAILURE listing the blocking findings and how to accept one. */
  void failOnFindings(LintReport report) throws MojoFailureException {
    List<Finding> blocking = report.blocking();
    if (blocking.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("dbdevops lint: " + Plural.of(blocking.size(), "finding") + " at or above "
        + report.failOn().map(s -> s.name()).orElse("OFF") + " in the pending changesets:");
    for (Finding f : blocking) {
      message.append(System.lineSeparator()).append("  ").append(f.code()).append(' ').append(f.name()).append(": ")
          .append(f.object()).append(" (").append(f.site().location()).append(')');
      if (f.code().equals(VERSION_RULE)) {
        // its fix is not in the changeset but in the POM: say which version
        message.append(": ").append(f.fix().replaceFirst(" \\(.*", "").replaceFirst("^Set", "set"));
      }
    }
    message.append(System.lineSeparator()).append("Fix the changeset, or accept a finding on its changeset with ")
        .append("dbdevops:allow ").append(blocking.get(0).code()).append(" \"<reason>\" in its comment; see ")
        .append(blocking.get(0).docs());
    throw new MojoFailureException(message.toString());
  }
}
