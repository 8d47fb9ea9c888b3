package io.dbdevops.maven;

import io.dbdevops.deploy.DeployResult;
import io.dbdevops.deploy.DeployFailedException;
import io.dbdevops.deploy.Deployer;
import io.dbdevops.plan.Plan;
import java.util.Optional;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.impact.ImpactSettings;
import io.dbdevops.report.DeployReportWriter;
import io.dbdevops.report.DriftReportWriter;
import io.dbdevops.shadow.ShadowProviders;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deploys the changelog to one environment ({@code -Ddbdevops.environment=NAME}) under Liquibase's lock: drift check
 * first (blocks under {@code <driftPolicy>FAIL}), the pending changesets with one line each, then post-deploy
 * validation (the live schema equals the expected state).
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractFleetMojo {

  /**
   * The reviewed plan to deploy: its id (as dbdevops:plan printed it) or the path of its plan.json. The plan is
   * computed again first; a different id refuses the deploy before any lock or DDL, naming what changed.
   */
  @Parameter(property = "dbdevops.plan")
  private String plan;

  @Override
  protected String executeOn(LiveTarget target) throws MojoFailureException {
    Optional<Plan> approved = PlanCheck.check(target, planOf(target), project.getBasedir().toPath(), planDirectory(target),
        this::computePlan);
    approved.ifPresent(p -> getLog().info("dbdevops: plan " + p.planId() + " matches what a deploy does now: deploying "
        + "exactly it (" + Plural.of(p.changeSets().size(), "changeset") + ")"));
    getLog().info("dbdevops: deploying to " + target.description());
    DeployResult result;
    try {
      result = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(target, driftSettings())
          .onEach(applied -> getLog().info("dbdevops: applied " + applied.id() + " (" + applied.author() + ") in "
              + applied.took().toMillis() + " ms"))
          .planned(approved.map(p -> p.changeSets().stream().map(Plan.PlannedChangeSet::key).toList()))
          .impact(new ImpactSettings(deployedVersion(), approved.map(Plan::planId), w -> getLog().warn("dbdevops: "
              + w))));
    } catch (DeployFailedException failed) {
      result = failed.result();
    }
    result.recovered().forEach(line -> getLog().warn("dbdevops: " + line));
    result.backup().ifPresent(b -> getLog().info("dbdevops: backup taken (" + b.reason() + "); to put its rows back: "
        + "mvn dbdevops:restore -Ddbdevops.environment=" + target.environment().name() + " -Ddbdevops.backup="
        + relative(b.directory()) + " (see its RECOVERY.md)"));
    DeployResult done = result;
    result.impact().ifPresent(impact -> ImpactConsole.print(getLog(), impact, relative(new DeployReportWriter()
        .write(impact, done.backup(), environmentReportDirectory(target)))));
    new DriftReportWriter().write(result.drift(), environmentReportDirectory(target));
    if (result.drift().hasDrift()) {
      DriftConsole.print(getLog(), result.drift());
    }
    String env = "environment '" + target.environment().name() + "'";
    if (result.halfApplied().isPresent()) {
      throw new MojoFailureException("deploy to " + env + " stopped: " + result.halfApplied().get().message(
          target.description()) + "; nothing was applied");
    }
    if (result.blocked()) {
      throw new MojoFailureException("deploy to " + env + " blocked by drift (<driftPolicy>FAIL</driftPolicy>): "
          + DriftConsole.brief(result.drift().lines()) + "; nothing was applied. Run dbdevops:drift for the report");
    }
    if (result.failure().isPresent()) {
      throw ImpactConsole.failure(env, result.failure().get(), relative(environmentReportDirectory(target)
          .resolve("deploy-" + target.environment().name() + ".html")));
    }
    if (!result.validated()) {
      result.validationLines().forEach(getLog()::error);
      throw new MojoFailureException("post-deploy validation of " + env + " failed: the live schema differs from the "
          + "expected state: " + DriftConsole.brief(result.validationLines()));
    }
    if (approved.isPresent()) {
      java.util.List<String> other = io.dbdevops.plan.PlanDifferences.executedVersusPlanned(approved.get(),
          result.statements());
      if (other.isEmpty()) {
        getLog().info("dbdevops deploy: the SQL executed is the plan's, statement for statement");
      } else {
        other.forEach(getLog()::warn);
      }
    }
    getLog().info("dbdevops deploy: " + Plural.of(result.applied().size(), "changeset") + " applied to " + env + " ("
        + result.drift().pending().size() + " were pending) in " + result.took().toMillis()
        + " ms; post-deploy validation: the live schema equals the expected state");
    return Plural.of(result.applied().size(), "changeset") + " applied (" + result.drift().pending().size()
        + " were pending)" + approved.map(p -> ", plan " + p.planId()).orElse("") + "; validated";
  }

  /**
   * The plan asked for this environment: as given; in a fleet run a directory of plans as {@code dbdevops:plan} on the
   * fleet wrote them ({@code target/dbdevops/plan}), each environment's {@code NAME/plan.json}.
   */
  private String planOf(LiveTarget target) {
    if (!fleetRun() || plan == null || plan.isBlank()) {
      return plan;
    }
    return fleetPlans().resolve(target.environment().name()).resolve("plan.json").toString();
  }

  /** In a fleet run, the directory of plans is checked once, before any environment. */
  @Override
  protected void checkSettings() {
    if (fleetRun() && plan != null && !plan.isBlank()) {
      fleetPlans();
    }
  }

  private java.nio.file.Path fleetPlans() {
    java.nio.file.Path dir = java.nio.file.Path.of(plan.trim());
    dir = dir.isAbsolute() ? dir : project.getBasedir().toPath().resolve(dir);
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new io.dbdevops.SetupException("-Ddbdevops.plan=" + plan + " in a fleet run: give the directory "
          + "dbdevops:plan wrote the fleet's plans to (target/dbdevops/plan), each environment's NAME/plan.json");
    }
    return dir;
  }
}
