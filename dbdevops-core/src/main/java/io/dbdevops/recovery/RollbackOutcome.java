package io.dbdevops.recovery;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.drift.DriftReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rollback of one environment did (or, in a dry run, would do).
 *
 * @param fromCount how many changesets were applied before
 * @param toCount how many are applied after (the target)
 * @param steps each changeset rolled back (latest first), with the statements the rehearsal captured and, unless a dry
 *     run, the live duration
 * @param blocked the drift gate refused it (drift under {@code <driftPolicy>FAIL})
 * @param validationDifferences the live state vs the expected state at the target, drift found before left out
 */
public record RollbackOutcome(String environment, String dialect, String rollbackTo, int fromCount, int toCount,
    Optional<String> fromLabel, Optional<String> toLabel, List<Step> steps, boolean dryRun, boolean blocked,
    DriftReport drift, Optional<Backup> backup, List<SchemaChange> validationDifferences, Duration took) {

  public RollbackOutcome {
    Objects.requireNonNull(environment, "environment");
    steps = List.copyOf(steps);
    validationDifferences = List.copyOf(validationDifferences);
    backup = Objects.requireNonNullElse(backup, Optional.<Backup>empty());
  }

  /** One changeset rolled back. */
  public record Step(String id, String author, String location, List<String> statements, Duration took) {
    public Step {
      statements = List.copyOf(statements);
    }
  }

  public boolean validated() {
    return !blocked && !dryRun && validationDifferences.isEmpty();
  }

  public List<String> validationLines() {
    return DiffRendering.lines(validationDifferences);
  }
}
