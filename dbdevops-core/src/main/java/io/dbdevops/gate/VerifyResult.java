package io.dbdevops.gate;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of the gate: what was applied where, and every difference between the committed state and what the
 * changelog makes. {@code differences} are the changes that take the committed state to the changelog's result:
 * {@code +} the changelog makes something the state lacks, {@code -} the state holds something the changelog does
 * not make, {@code ~} both have it but it differs.
 */
public record VerifyResult(String changelog, String stateDirectory, String shadow, Dialect dialect,
    int changesetsApplied, int objectsInState, int objectsInShadow, Timings timings, List<SchemaChange> differences) {

  public VerifyResult {
    differences = List.copyOf(differences);
  }

  public boolean passed() {
    return differences.isEmpty();
  }

  /** Where the time went. */
  public record Timings(Duration apply, Duration snapshot, Duration diff, Duration total) {
  }
}
