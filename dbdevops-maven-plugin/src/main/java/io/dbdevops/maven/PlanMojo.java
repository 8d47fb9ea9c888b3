package io.dbdevops.maven;

import io.dbdevops.env.LiveTarget;
import io.dbdevops.plan.Plan;
import io.dbdevops.plan.PlanText;
import io.dbdevops.plan.PlanWriter;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The plan of a deploy to one environment ({@code -Ddbdevops.environment=NAME}), for review, without writing to it:
 * the SQL each pending changeset executes (on a shadow of the same engine built at the environment's applied
 * changesets), reversibility, data loss, the diff live → after and lint, under a plan id that
 * {@code dbdevops:deploy -Ddbdevops.plan=<planId>} deploys exactly. Writes target/dbdevops/plan/NAME/plan.{json,sql,md,html}.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractFleetMojo {

  @Override
  protected String executeOn(LiveTarget target) {
    getLog().info("dbdevops: planning a deploy to " + target.description());
    Plan plan = computePlan(target);
    Path directory = planDirectory(target);
    PlanWriter.writeAll(plan, directory, target.secrets()::mask);
    plan.changeSets().forEach(c -> getLog().info("dbdevops plan:   " + c.id() + " (" + c.location() + ") "
        + c.reversibility().word() + (c.lossy() ? ", LOSSY" : "") + ", " + c.sql().size() + " statement(s)"));
    getLog().info("dbdevops plan " + plan.planId() + " for " + target.environment().name() + ": " + PlanText.summary(plan)
        + "; review " + relative(directory.resolve("plan.html")) + ", then deploy it with -Ddbdevops.plan="
        + plan.planId());
    return "plan " + plan.planId() + ": " + PlanText.summary(plan);
  }
}
