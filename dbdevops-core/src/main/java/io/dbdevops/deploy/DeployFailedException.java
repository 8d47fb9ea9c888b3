package io.dbdevops.deploy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.liquibase.ChangeSetFailedException;

/**
 * A deploy stopped at a failing changeset (after its lock retries): the message is the changeset's, as the runner gave
 * it; {@link #result()} holds what the deploy did, its impact record and the roll-forward report.
 */
public final class DeployFailedException extends InvalidChangeException {

  private final transient DeployResult result;

  DeployFailedException(ChangeSetFailedException failure, DeployResult result) {
    super(failure.getMessage(), failure);
    this.result = result;
  }

  public DeployResult result() {
    return result;
  }

  /** The same failure, its result naming the backup taken before the update. */
  DeployFailedException withBackup(java.util.Optional<io.dbdevops.recovery.Backup> backup) {
    DeployFailedException e = new DeployFailedException((ChangeSetFailedException) getCause(), result.withBackup(backup));
    e.setStackTrace(getStackTrace());
    return e;
  }
}
