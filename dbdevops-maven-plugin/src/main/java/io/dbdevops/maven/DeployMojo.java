package io.dbdevops.maven;

import io.dbdevops.deploy.DeployResult;
import io.dbdevops.deploy.Deployer;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.report.DriftReportWriter;
import io.dbdevops.shadow.ShadowProviders;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deploys the changelog to one environment ({@code -Ddbdevops.environment=NAME}) under Liquibase's lock: drift check
 * first (blocks under {@code <driftPolicy>FAIL}), the pending changesets with one line each, then post-deploy
 * validation (the live schema equals the expected state).
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractDbDevOpsMojo {

  @Override
  protected void executeGoal() throws MojoFailureException {
    LiveTarget target = liveTarget();
    getLog().info("dbdevops: deploying to " + target.description());
    DeployResult result = new Deployer(ShadowProviders.load()).deploy(target, new DriftDetector.Settings(
        changelogSource(), explicitShadow(), message -> getLog().info("dbdevops: " + message)),
        applied -> getLog().info("dbdevops: applied " + applied.id() + " (" + applied.author() + ") in "
            + applied.took().toMillis() + " ms"));
    result.recovered().forEach(line -> getLog().warn("dbdevops: " + line));
    new DriftReportWriter().write(result.drift(), reportDirectory.toPath());
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
    if (!result.validated()) {
      result.validationLines().forEach(getLog()::error);
      throw new MojoFailureException("post-deploy validation of " + env + " failed: the live schema differs from the "
          + "expected state: " + DriftConsole.brief(result.validationLines()));
    }
    getLog().info("dbdevops deploy: " + Plural.of(result.applied().size(), "changeset") + " applied to " + env + " ("
        + result.drift().pending().size() + " were pending) in " + result.took().toMillis()
        + " ms; post-deploy validation: the live schema equals the expected state");
  }
}
