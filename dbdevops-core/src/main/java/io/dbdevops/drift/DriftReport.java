package io.dbdevops.drift;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Drift of one environment: how its live schema (and grants) differ from the state expected at the changesets it has
 * applied. {@code schemaDrift} goes from the expected state to the live one: {@code +} is an object or part added out
 * of band, {@code -} one removed. Pending changesets are listed apart: they are not drift.
 *
 * @param historyProblems applied changesets that do not fit the changelog (unknown to it, or applied around
 *     changesets that were not): drift of the history itself
 */
public record DriftReport(String environment, String database, Dialect dialect, String shadow, int applied,
    Optional<History.Row> lastDeployment, List<ChangeSetRef> pending, List<String> historyProblems,
    List<SchemaChange> schemaDrift, List<GrantDrift> grantDrift, boolean grantsChecked, DriftPolicy policy,
    Timings timings) {

  /** Where the time went. */
  public record Timings(Duration expectedState, Duration liveSnapshot, Duration total) {
  }

  public DriftReport {
    Objects.requireNonNull(environment, "environment");
    pending = List.copyOf(pending);
    historyProblems = List.copyOf(historyProblems);
    schemaDrift = List.copyOf(schemaDrift);
    grantDrift = List.copyOf(grantDrift);
  }

  public boolean hasDrift() {
    return !schemaDrift.isEmpty() || !grantDrift.isEmpty() || !historyProblems.isEmpty();
  }

  /** True when the drift fails the build under the environment's policy. */
  public boolean fails() {
    return hasDrift() && policy == DriftPolicy.FAIL;
  }

  /** Objects with drift (tables, views, sequences) plus drifted grants plus history problems. */
  public int driftCount() {
    return DiffRendering.group(schemaDrift).size() + grantDrift.size() + historyProblems.size();
  }

  /** The +/-/~ lines: per object as in verify, then grants, then history problems. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(DiffRendering.lines(schemaDrift));
    if (!grantDrift.isEmpty()) {
      lines.add("grants");
      grantDrift.forEach(g -> lines.add("  " + g.sign().symbol() + " " + g.describe()));
    }
    if (!historyProblems.isEmpty()) {
      lines.add("DATABASECHANGELOG");
      historyProblems.forEach(p -> lines.add("  ! " + p));
    }
    return lines;
  }
}
