package io.dbdevops.maven;

import io.dbdevops.deploy.Status;
import io.dbdevops.deploy.StatusReport;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import org.apache.maven.plugins.annotations.Mojo;

/** What one environment ({@code -Ddbdevops.environment=NAME}) has applied, what is pending, its last deployment. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractFleetMojo {

  @Override
  protected String executeOn(LiveTarget target) {
    StatusReport s = new Status().read(target, changelogSource());
    getLog().info("dbdevops: status of " + target.description());
    if (!s.deployed()) {
      getLog().info("dbdevops: never deployed by Liquibase (no DATABASECHANGELOG)");
    }
    s.lastDeployment().ifPresent(last -> getLog().info("dbdevops: last deployment " + last.dateExecuted() + ": "
        + last.id() + " by " + last.author() + " (" + last.file() + ")"));
    for (ChangeSetRef c : s.pending()) {
      getLog().info("dbdevops: pending " + c.id() + " by " + c.author() + " (" + c.file() + ")");
    }
    String summary = Plural.of(s.applied(), "changeset") + " applied, " + s.pending().size() + " pending";
    getLog().info("dbdevops status: " + summary + " in environment '" + target.environment().name() + "'");
    return summary;
  }
}
