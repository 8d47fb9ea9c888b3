package io.dbdevops.deploy;

import io.dbdevops.drift.History;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import java.util.List;
import java.util.Optional;

/**
 * What an environment has: the changesets applied, the pending ones (in the changelog for its contexts and labels,
 * not applied), and the last deployment (the latest DATEEXECUTED). {@code deployed} is false when the database has no
 * DATABASECHANGELOG.
 */
public record StatusReport(String environment, String database, boolean deployed, int applied, List<ChangeSetRef> pending,
    Optional<History.Row> lastDeployment) {

  public StatusReport {
    pending = List.copyOf(pending);
  }
}
