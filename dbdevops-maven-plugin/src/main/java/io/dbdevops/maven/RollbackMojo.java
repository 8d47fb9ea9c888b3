package io.dbdevops.maven;

import io.dbdevops.env.LiveTarget;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.recovery.Backup;
import io.dbdevops.recovery.RollbackOutcome;
import io.dbdevops.recovery.Rollbacker;
import io.dbdevops.report.RollbackReportWriter;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rolls one environment (or a fleet) back to a released version ({@code -Ddbdevops.rollbackTo=1.2.0}, a release line of
 * dbdevops.sum) or by {@code count:N}: under the deploy lock, behind the drift gate, rehearsed on a shadow first, with a
 * backup when it can lose data, then validated. {@code -Ddbdevops.dryRun=true} prints the SQL and changes nothing.
 * Writes {@code rollback-E.{json,md,html}}.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractFleetMojo {

  /** A released version (a {@code release V} line of dbdevops.sum) or {@code count:N}. */
  @Parameter(property = "dbdevops.rollbackTo")
  private String rollbackTo;

  /** Rehearse only: print the SQL the rollback would run, change nothing. */
  @Parameter(property = "dbdevops.dryRun", defaultValue = "false")
  private boolean dryRun;

  /** The environment's name, to confirm a rollback of a {@code <protected>} or {@code <requirePlan>} environment. */
  @Parameter(property = "dbdevops.rollback.confirm")
  private String confirm;

  @Override
  protected void checkSettings() {
    Rollbacker.checkTarget(rollbackTo, SumFile.readOrEmpty(sumFile.toPath()));
  }

  @Override
  protected String executeOn(LiveTarget target) throws MojoFailureException {
    getLog().info("dbdevops: rolling back " + target.description() + " to " + rollbackTo + (dryRun ? " (dry run)" : ""));
    RollbackOutcome r = new Rollbacker(ShadowProviders.load()).rollback(new Rollbacker.Request(target, driftSettings(),
        rollbackTo, SumFile.readOrEmpty(sumFile.toPath()), dryRun, Optional.ofNullable(confirm), null));
    Path html = new RollbackReportWriter().write(r, environmentReportDirectory(target));
    String env = "environment '" + r.environment() + "'";
    if (r.blocked()) {
      DriftConsole.print(getLog(), r.drift());
      throw new MojoFailureException("rollback of " + env + " blocked by drift (<driftPolicy>FAIL</driftPolicy>): "
          + DriftConsole.brief(r.drift().lines()) + "; nothing was changed. Run dbdevops:drift for the report");
    }
    if (r.fromCount() == r.toCount()) {
      if (r.drift().hasDrift()) {
        DriftConsole.print(getLog(), r.drift());
      }
      getLog().info("dbdevops rollback: " + RollbackReportWriter.headline(r) + " on " + env + "; nothing was changed"
          + (r.drift().hasDrift() ? " (it has drift: see above)" : "") + "; report " + relative(html));
      return RollbackReportWriter.headline(r);
    }
    for (RollbackOutcome.Step s : r.steps()) {
      if (dryRun) {
        getLog().info("dbdevops: would roll back " + s.id() + " (" + s.author() + ", " + s.location() + "):");
        s.statements().forEach(sql -> getLog().info("    " + sql + ";"));
      } else {
        getLog().info("dbdevops: rolled back " + s.id() + " (" + s.author() + ") in " + s.took().toMillis() + " ms");
      }
    }
    r.backup().ifPresent(b -> printBackup(b));
    if (dryRun) {
      getLog().info("dbdevops rollback: " + RollbackReportWriter.headline(r) + "; nothing was changed; report "
          + relative(html));
      return RollbackReportWriter.headline(r);
    }
    if (!r.validated()) {
      r.validationLines().forEach(getLog()::error);
      throw new MojoFailureException("validation after the rollback of " + env + " failed: the live schema differs "
          + "from the expected state at " + rollbackTo + ": " + DriftConsole.brief(r.validationLines()) + ". Report "
          + relative(html));
    }
    getLog().info("dbdevops rollback: " + RollbackReportWriter.headline(r) + " on " + env + " in " + r.took().toMillis()
        + " ms; validated: the live schema equals the expected state at " + rollbackTo + "; report " + relative(html));
    return RollbackReportWriter.headline(r) + "; validated";
  }

  private void printBackup(Backup b) {
    getLog().info("dbdevops: backup taken (" + b.reason() + "); to put its rows back: mvn dbdevops:restore "
        + "-Ddbdevops.environment=" + b.environment() + " -Ddbdevops.backup=" + relative(b.directory())
        + " (see its RECOVERY.md)");
  }
}
