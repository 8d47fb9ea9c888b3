package io.dbdevops.impact;

import io.dbdevops.config.Dialect;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetFailedException;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.shadow.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The glue {@code Deployer} calls: the measured update's request, the impact record, the history row. */
public final class DeployImpacts {

  private DeployImpacts() {
  }

  /** The request for the deploy's update: the pending changesets with their locations, what they will execute. */
  public static ImpactedUpdate.Request request(LiveTarget target, Connection session, Dialect dialect,
      List<String> schemas, List<ChangeSetRef> pending, List<ChangeSetInfo> changeSets,
      LiquibaseRunner.UpdateResult planned, Consumer<AppliedChangeSet> progress, ImpactSettings settings) {
    Map<String, String> locations = changeSets.stream().collect(Collectors.toMap(ChangeSetInfo::key,
        ChangeSetInfo::location, (a, b) -> a));
    List<ImpactedUpdate.Pending> list = pending.stream().map(p -> new ImpactedUpdate.Pending(p.key(), p.id(), p.author(),
        locations.getOrDefault(p.key(), p.file()))).toList();
    List<String> statements = planned.statements().values().stream().flatMap(List::stream).toList();
    return new ImpactedUpdate.Request(target, session, dialect, schemas, target.environment().deploy(), list, statements,
        progress, settings.warnings(), LockSampler.INTERVAL);
  }

  /** The impact record of a measured update. */
  public static DeployImpact impact(LiveTarget target, Dialect dialect, ImpactedUpdate.Result r, ImpactSettings s) {
    return new DeployImpact(target.environment().name(), JdbcUrls.redact(target.url()), dialect, r.started(),
        r.finished(), r.failure().isPresent() ? DeployImpact.Outcome.FAILED : DeployImpact.Outcome.SUCCEEDED, r.runs(),
        r.lockWaits(), r.tables(), target.environment().deploy().lockTimeout(), target.environment().deploy()
        .lockRetries(), r.lockRetries(), r.samples(), r.notes(), s.version(), s.planId(), r.deploymentIds(),
        Optional.empty());
  }

  /**
   * Records the deploy in {@link DeployHistoryTable} on its own session; {@code failure} is masked of the target's
   * passwords. A history that cannot be written is a note, not a failed deploy (the changesets are applied).
   */
  public static Optional<String> record(LiveTarget target, Connection session, Dialect dialect, Instant started,
      String outcome, int changeSets, ImpactSettings s, List<String> deploymentIds, int retries,
      Optional<String> failedChangeSet, Optional<String> message) {
    DeployHistoryTable.Entry e = new DeployHistoryTable.Entry(UUID.randomUUID().toString(), started, Instant.now(),
        outcome, changeSets, s.version(), s.planId(), deploymentIds, retries, failedChangeSet,
        message.map(m -> target.secrets().mask(m)), DeployHistoryTable.dbdevopsVersion());
    try {
      DeployHistoryTable.record(session, dialect, e);
      return Optional.empty();
    } catch (SQLException ex) {
      return Optional.of("the deploy was not recorded in " + DeployHistoryTable.NAME + ": "
          + target.secrets().mask(String.valueOf(ex.getMessage())));
    }
  }

  /** {@code id (author) in file:line}. */
  public static String describe(ChangeSetFailedException f) {
    return f.changeSet().id() + " (" + f.changeSet().author() + ") in " + f.location();
  }
}
