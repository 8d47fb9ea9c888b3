package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.Selection;
import java.util.List;
import java.util.Map;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that judge the changelog's changesets (verify, lint, mark-released, package, version, and through the plan
 * deploy): the lint parameters, and the selection of changesets for the database the changelog is deployed to.
 */
public abstract class AbstractLintingMojo extends AbstractDbDevOpsMojo {

  /**
   * The database the changelog is deployed to, which decides the dialect rules: {@code postgresql} (PostgreSQL lock
   * rules DBD401–DBD408, DBD702), {@code mariadb} (DBD409; also for MySQL) or {@code h2}; and the database the
   * changesets are selected for ({@code dbms="…"}) in integrity, {@code mark-released} and lint. Default: the shadow's.
   * Set it when you verify on H2 but deploy to PostgreSQL or MariaDB.
   */
  @Parameter(property = "dbdevops.lint.dialect")
  private String lintDialect;

  /** The lowest severity that fails the build: {@code ERROR} (default), {@code WARN}, {@code INFO} or {@code OFF}. */
  @Parameter(property = "dbdevops.lint.failOn", defaultValue = "ERROR")
  private String lintFailOn;

  /** Per-rule severity by code: {@code <DBD401>ERROR</DBD401>}, {@code <DBD701>OFF</DBD701>} (ERROR, WARN, INFO, OFF). */
  @Parameter
  private Map<String, String> lintRules;

  /** Rules to turn off, by code; on the command line {@code -Ddbdevops.lint.disabled=DBD701,DBD408}. */
  @Parameter(property = "dbdevops.lint.disabled")
  private List<String> lintDisabled;

  /** Skips lint (in {@code verify} too). */
  @Parameter(property = "dbdevops.lint.skip", defaultValue = "false")
  private boolean lintSkip;

  /**
   * An absolute URL under which each rule's page is {@code DBD103.md} (e.g. your copy of dbdevops' {@code docs/rules/}),
   * used as the rules' {@code helpUri} in lint.sarif.
   */
  @Parameter(property = "dbdevops.lint.docsUrl")
  private String lintDocsUrl;

  /**
   * While nothing is released (no dbdevops.sum yet), how many of the last pending changesets DBD602 rolls back on the
   * shadow and applies again: {@code 10} (default), {@code 0} to skip the round trip, {@code all} for the whole history.
   * With changesets released, every pending one is rolled back.
   */
  @Parameter(property = "dbdevops.lint.rollbackWindow", defaultValue = "10")
  private String lintRollbackWindow;

  /**
   * How DBD602 rolls the pending changesets back on the shadow: {@code GROUPED} (default: all together, then applied
   * again) or {@code EACH} (each on its own, in order: up, down, the state before it, up), which names the changeset
   * whose rollback is wrong even when a later changeset's rollback hides it.
   */
  @Parameter(property = "dbdevops.rollbackTest", defaultValue = "GROUPED")
  private String rollbackTest;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  /**
   * The changesets integrity, {@code mark-released} and lint work on: those the configured contexts and labels select
   * for the database the changelog is deployed to, {@code <lintDialect>} when set, else the shadow's ({@code shadow}).
   */
  protected Selection selection(GateSettings settings, Dialect shadow) {
    return new Selection(settings.updateOptions(), lintStep().configuredDialect().orElse(shadow));
  }

  /** The lint step, configured from the lint parameters. */
  protected LintStep lintStep() {
    return new LintStep(getLog(), new LintStep.Config(lintSkip, Optional.ofNullable(lintDialect), lintFailOn,
        lintRules == null ? Map.of() : lintRules, lintDisabled == null ? List.of() : lintDisabled,
        Optional.ofNullable(lintDocsUrl), Optional.ofNullable(pluginVersion), lintRollbackWindow, rollbackTest),
        reportDirectory.toPath());
  }

  /**
   * Keep an image of the shadow at the released point (the changesets {@code dbdevops.sum} proves) and start the next
   * build from it, so a build applies only what is pending ({@code verify}, {@code version}). {@code false} turns the
   * cache off.
   */
  @Parameter(property = "dbdevops.cache", defaultValue = "true")
  private boolean cache;

  /**
   * Where the images are kept: by default {@code dbdevops-cache} beside the local Maven repository
   * ({@code ~/.m2/dbdevops-cache}), which CI systems already cache between builds.
   */
  @Parameter(property = "dbdevops.cacheDirectory")
  private File cacheDirectory;

  /**
   * One build's parses of the changelog; with the cache on, the checksums of unchanged changesets are kept in its
   * {@code checksums/} folder between builds.
   */
  protected io.dbdevops.liquibase.ParsedChangelogs parses() {
    return new io.dbdevops.liquibase.ParsedChangelogs(shadowCacheDirectory().map(d -> d.resolve("checksums")));
  }

  protected Optional<Path> shadowCacheDirectory() {
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
}
