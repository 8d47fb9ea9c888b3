package io.dbdevops.impact;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a DBA needs after a deploy failed at a changeset: what this deploy applied (recorded, it stays), the changeset
 * that failed with the database's message, what the failed changeset left behind (the live schema against the
 * expected state at the changesets now applied, without drift that was there before: MariaDB/MySQL DDL commits by
 * itself, so a changeset whose second statement fails keeps its first's object; on PostgreSQL nothing is left), the
 * live diff against the expected state after the whole changelog, and the advice.
 *
 * @param blocker for a changeset that gave up waiting for a lock, the session seen holding it
 */
public record RollForward(List<String> applied, String failed, String location, String databaseMessage,
    boolean lockTimeout, Optional<LockWait> blocker, List<String> leftBehind, List<String> liveDiff,
    List<String> advice) {

  public RollForward {
    applied = List.copyOf(applied);
    Objects.requireNonNull(failed, "failed");
    blocker = Objects.requireNonNullElse(blocker, Optional.<LockWait>empty());
    leftBehind = List.copyOf(leftBehind);
    liveDiff = List.copyOf(liveDiff);
    advice = List.copyOf(advice);
  }

  /**
   * The report: {@code driftBefore} was there before the deploy, {@code driftNow} is the live schema against the
   * expected state at the changesets now applied, {@code toHead} the live schema against the state after the whole
   * changelog.
   */
  public static RollForward of(List<String> applied, String failed, String location, String databaseMessage,
      boolean lockTimeout, Optional<LockWait> blocker, Dialect dialect, List<SchemaChange> driftBefore,
      List<SchemaChange> driftNow, List<SchemaChange> toHead, int retries) {
    Set<SchemaChange> known = new HashSet<>(driftBefore);
    List<SchemaChange> left = driftNow.stream().filter(c -> !known.contains(c)).toList();
    List<String> advice = new ArrayList<>();
    if (lockTimeout) {
      advice.add("the changeset gave up waiting for a lock " + (retries + 1) + " time" + (retries == 0 ? "" : "s")
          + blocker.map(b -> " held by " + b.session()).orElse("") + ": find out why that session holds it (a long "
          + "transaction, a LOCK TABLE(S)), end it or wait for a quiet moment, then deploy again; raise "
          + "<lockTimeout>/<lockRetries> only when the wait is expected");
    }
    if (!left.isEmpty()) {
      advice.add("the failed changeset left " + left.size() + " change" + (left.size() == 1 ? "" : "s")
          + " behind without a DATABASECHANGELOG row (" + (dialect == Dialect.MARIADB
              ? "MariaDB/MySQL commits each DDL statement by itself" : "its statements were not rolled back")
          + "): repair the database (undo what is listed under 'left behind', or finish it by hand and run "
          + "Liquibase's mark-next-changeset-ran) and deploy again");
    } else {
      advice.add("nothing of the failed changeset is left in the database"
          + (dialect == Dialect.POSTGRESQL ? " (PostgreSQL rolled its statements back)" : "")
          + ": the database is at the last applied changeset");
    }
    advice.add("fix forward: the changesets before it are applied and recorded; do not edit those. Correct the failed "
        + "changeset (it is not recorded yet, so editing it is safe unless another environment ran it) or add a new "
        + "changeset after it, then run verify and deploy again");
    return new RollForward(applied, failed, location, databaseMessage, lockTimeout, blocker,
        DiffRendering.lines(left), DiffRendering.lines(toHead), advice);
  }
}
