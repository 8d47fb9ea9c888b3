package io.dbdevops.impact;

import io.dbdevops.config.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The impact record of one deploy, what a DBA watching the release wants afterwards: each changeset with its duration
 * and outcome, the lock waits a second session saw while it ran, the size and row estimate of each table it touched
 * before and after, the lock settings and retries, and for a failed deploy the {@link RollForward} report.
 *
 * @param version the version deployed (the project's, or the release artifact's)
 * @param deploymentIds Liquibase's DEPLOYMENT_ID of each update run that applied something
 * @param notes one line each: the backup taken before the update, what could not be measured (no sampling on H2, a
 *     sampling query that failed)
 */
public record DeployImpact(String environment, String database, Dialect dialect, Instant started, Instant finished,
    Outcome outcome, List<ChangeSetRun> changeSets, List<LockWait> lockWaits, List<TableImpact> tables,
    Duration lockTimeout, int lockRetriesAllowed, int lockRetries, int samples, List<String> notes, String version,
    Optional<String> planId, List<String> deploymentIds, Optional<RollForward> rollForward) {

  /** How the deploy ended. */
  public enum Outcome { SUCCEEDED, FAILED, VALIDATION_FAILED }

  /**
   * One changeset of the deploy: {@code outcome} EXECUTED or FAILED; {@code lockTimeouts}: how often it gave up
   * waiting for a lock and was tried again.
   */
  public record ChangeSetRun(String id, String author, String location, Duration took, String outcome,
      int lockTimeouts) {
    public String label() {
      return id + " (" + author + ")";
    }
  }

  /** A touched table's size before and after; a table the deploy made has no {@code before}. */
  public record TableImpact(String table, Optional<TableSizes.Size> before, Optional<TableSizes.Size> after) {
  }

  public DeployImpact {
    Objects.requireNonNull(environment, "environment");
    changeSets = List.copyOf(changeSets);
    lockWaits = List.copyOf(lockWaits);
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
    deploymentIds = List.copyOf(deploymentIds);
    planId = Objects.requireNonNullElse(planId, Optional.<String>empty());
    rollForward = Objects.requireNonNullElse(rollForward, Optional.<RollForward>empty());
    version = Objects.requireNonNullElse(version, "");
  }

  public Duration took() {
    return Duration.between(started, finished);
  }

  /** How many distinct sessions waited for the deploy's session. */
  public long sessionsBlocked() {
    return lockWaits.stream().filter(w -> w.direction() == LockWait.Direction.BLOCKED_BY_DEPLOY).map(LockWait::pid)
        .distinct().count();
  }

  /** How many distinct sessions the deploy's session waited for. */
  public long sessionsWaitedFor() {
    return lockWaits.stream().filter(w -> w.direction() == LockWait.Direction.DEPLOY_WAITS).map(LockWait::pid)
        .distinct().count();
  }

  /** The longest wait seen, either way. */
  public Optional<LockWait> longestWait() {
    return lockWaits.stream().max(Comparator.comparing(LockWait::longest));
  }

  /** The same record with another outcome (the post-deploy validation decides the last word). */
  public DeployImpact withOutcome(Outcome next) {
    return new DeployImpact(environment, database, dialect, started, finished, next, changeSets, lockWaits, tables,
        lockTimeout, lockRetriesAllowed, lockRetries, samples, notes, version, planId, deploymentIds, rollForward);
  }

  /** The same record with the roll-forward report of its failure. */
  public DeployImpact withRollForward(RollForward report) {
    return new DeployImpact(environment, database, dialect, started, finished, Outcome.FAILED, changeSets, lockWaits,
        tables, lockTimeout, lockRetriesAllowed, lockRetries, samples, notes, version, planId, deploymentIds,
        Optional.of(report));
  }

  /** One line for the console: {@code 3 changesets in 412 ms; 1 session blocked, longest wait 2,310 ms (…)}. */
  public String summary() {
    long blocked = sessionsBlocked();
    long waited = sessionsWaitedFor();
    String locks = lockWaits.isEmpty() ? "no lock waits seen (" + samples + " samples)"
        : blocked + " session" + (blocked == 1 ? "" : "s") + " blocked by the deploy, the deploy waited for " + waited
            + " session" + (waited == 1 ? "" : "s") + ", longest wait " + longestWait().get().longest().toMillis()
            + " ms (" + longestWait().get().session() + " during " + longestWait().get().changeSet() + ")";
    return changeSets.size() + " changeset" + (changeSets.size() == 1 ? "" : "s") + " in " + took().toMillis()
        + " ms; " + locks + "; " + lockRetries + " lock retr" + (lockRetries == 1 ? "y" : "ies") + " (lockTimeout "
        + lockTimeout.toMillis() + " ms, lockRetries " + lockRetriesAllowed + ")";
  }
}
