package io.dbdevops.gate;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.AppliedChangeSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pending changesets' update → rollback → update on the shadow (DBD602): the state after rolling them back must
 * be the released state, and the state after applying them again must be the result.
 *
 * @param outcome whether the round trip gave back the same states, did not, or could not be run
 * @param changeSet the changeset whose rollback or re-update failed, or that Liquibase cannot roll back
 * @param message why it failed or could not be run; empty when it passed or only the states differ
 * @param afterRollback the differences from the released state to the state after the rollback (empty: the same)
 * @param afterReapply the differences from the result to the state after the second update (empty: the same)
 * @param rolledBack how many of the last pending changesets were rolled back (0: not said, all of them)
 * @param pending how many changesets were pending (0: not said)
 * @param each the round trip was per changeset ({@code <rollbackTest>EACH}): {@code changeSet} is the one whose own
 *     rollback (or re-update) gave the differences
 */
public record RollbackRoundTrip(Outcome outcome, Optional<AppliedChangeSet> changeSet, String message,
    List<SchemaChange> afterRollback, List<SchemaChange> afterReapply, int rolledBack, int pending, boolean each) {

  public RollbackRoundTrip(Outcome outcome, Optional<AppliedChangeSet> changeSet, String message,
      List<SchemaChange> afterRollback, List<SchemaChange> afterReapply, int rolledBack, int pending) {
    this(outcome, changeSet, message, afterRollback, afterReapply, rolledBack, pending, false);
  }

  /** The per-changeset round trip's finding: {@code changeSet}'s own rollback or re-update gave the differences. */
  public static RollbackRoundTrip ofOne(AppliedChangeSet changeSet, String message, List<SchemaChange> afterRollback,
      List<SchemaChange> afterReapply) {
    return new RollbackRoundTrip(Outcome.FAILED, Optional.of(changeSet), message, afterRollback, afterReapply, 0, 0,
        true);
  }

  /** This round trip, marked as per changeset. */
  public RollbackRoundTrip perChangeSet() {
    return new RollbackRoundTrip(outcome, changeSet, message, afterRollback, afterReapply, rolledBack, pending, true);
  }

  /** How the round trip ended. */
  public enum Outcome {
    /** both legs gave back the same state. */
    PASSED,
    /** a leg failed or gave back a different state. */
    FAILED,
    /** a pending changeset cannot be rolled back at all (no inverse, no rollback): DBD601's finding, not DBD602's. */
    NOT_TESTABLE
  }

  public RollbackRoundTrip {
    Objects.requireNonNull(outcome, "outcome");
    changeSet = Objects.requireNonNullElse(changeSet, Optional.empty());
    message = Objects.requireNonNullElse(message, "");
    afterRollback = List.copyOf(afterRollback);
    afterReapply = List.copyOf(afterReapply);
  }

  public RollbackRoundTrip(Outcome outcome, Optional<AppliedChangeSet> changeSet, String message,
      List<SchemaChange> afterRollback, List<SchemaChange> afterReapply) {
    this(outcome, changeSet, message, afterRollback, afterReapply, 0, 0);
  }

  /** The same round trip, saying it rolled back the last {@code rolledBack} of {@code pending} changesets. */
  public RollbackRoundTrip covering(int rolledBack, int pending) {
    return new RollbackRoundTrip(outcome, changeSet, message, afterRollback, afterReapply, rolledBack, pending, each);
  }

  /** True when only the last {@link #rolledBack()} of the pending changesets were rolled back (see {@link RoundTripScope}). */
  public boolean partial() {
    return rolledBack > 0 && rolledBack < pending;
  }

  /** {@code the pending changesets}, or {@code the last 10 of the 2000 pending changesets} when {@link #partial()}. */
  public String covered() {
    if (each && changeSet.isPresent()) {
      return "changeset " + changeSet.get().id() + " on its own (<rollbackTest>EACH</rollbackTest>)";
    }
    if (each) {
      return "each pending changeset on its own";
    }
    return partial() ? "the last " + rolledBack + " of the " + pending + " pending changesets" : "the pending changesets";
  }

  /** Liquibase cannot roll {@code changeSet} back: the round trip says nothing about the others. */
  public static RollbackRoundTrip notTestable(AppliedChangeSet changeSet, String message) {
    return new RollbackRoundTrip(Outcome.NOT_TESTABLE, Optional.of(changeSet), message, List.of(), List.of());
  }

  /** A leg that failed outright: the rollback or the second update of {@code changeSet} was refused. */
  public static RollbackRoundTrip failed(Optional<AppliedChangeSet> changeSet, String message,
      List<SchemaChange> afterRollback) {
    return new RollbackRoundTrip(Outcome.FAILED, changeSet, message, afterRollback, List.of());
  }

  /** Both legs ran; passed when neither state differs. */
  public static RollbackRoundTrip compared(List<SchemaChange> afterRollback, List<SchemaChange> afterReapply) {
    return new RollbackRoundTrip(afterRollback.isEmpty() && afterReapply.isEmpty() ? Outcome.PASSED : Outcome.FAILED,
        Optional.empty(), "", afterRollback, afterReapply);
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
