package io.dbdevops.deploy;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.drift.GrantDrift;
import io.dbdevops.drift.HalfApplied;
import io.dbdevops.impact.DeployImpact;
import io.dbdevops.impact.RollForward;
import io.dbdevops.liquibase.AppliedChangeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a deploy did: the drift found first; whether that blocked it; the changesets it applied; and the post-deploy
 * validation (live schema vs the expected state after the changelog), without the drift that was already there.
 *
 * @param halfApplied the next changeset found partly applied without its history row (a deploy stopped inside it on a
 *     database whose DDL is not transactional): the deploy stops on it, whatever the drift policy
 * @param recovered what the deploy repaired before it started, one line each (a stale Liquibase lock it released)
 * @param statements every statement the deploy executed per applied changeset ({@link AppliedChangeSet#label()}),
 *     Liquibase's bookkeeping left out
 * @param impact the deploy's impact record (empty when it was blocked before its update); with a failed changeset
 *     its roll-forward report
 * @param backup the backup taken before the first change ({@code <backup>}), if one was
 */
public record DeployResult(DriftReport drift, boolean blocked, List<AppliedChangeSet> applied,
    List<SchemaChange> validationDifferences, List<GrantDrift> grantDifferences, Duration took,
    Optional<HalfApplied> halfApplied, List<String> recovered, java.util.Map<String, List<String>> statements,
    Optional<DeployImpact> impact, Optional<io.dbdevops.recovery.Backup> backup) {

  /** A deploy that took no backup. */
  public DeployResult(DriftReport drift, boolean blocked, List<AppliedChangeSet> applied,
      List<SchemaChange> validationDifferences, List<GrantDrift> grantDifferences, Duration took,
      Optional<HalfApplied> halfApplied, List<String> recovered, java.util.Map<String, List<String>> statements,
      Optional<DeployImpact> impact) {
    this(drift, blocked, applied, validationDifferences, grantDifferences, took, halfApplied, recovered, statements,
        impact, Optional.empty());
  }

  /** This result with the backup taken before the update. */
  public DeployResult withBackup(Optional<io.dbdevops.recovery.Backup> backup) {
    return new DeployResult(drift, blocked, applied, validationDifferences, grantDifferences, took, halfApplied,
        recovered, statements, impact, backup);
  }

  public DeployResult {
    impact = java.util.Objects.requireNonNullElse(impact, Optional.<DeployImpact>empty());
    backup = java.util.Objects.requireNonNullElse(backup, Optional.<io.dbdevops.recovery.Backup>empty());
    halfApplied = java.util.Objects.requireNonNullElse(halfApplied, Optional.<HalfApplied>empty());
    recovered = List.copyOf(recovered);
    statements = java.util.Map.copyOf(statements);
    applied = List.copyOf(applied);
    validationDifferences = List.copyOf(validationDifferences);
    grantDifferences = List.copyOf(grantDifferences);
  }

  public boolean validated() {
    return !blocked && failure().isEmpty() && validationDifferences.isEmpty() && grantDifferences.isEmpty();
  }

  /** The roll-forward report of a deploy whose changeset failed. */
  public Optional<RollForward> failure() {
    return impact.flatMap(DeployImpact::rollForward);
  }

  /** The same result with its impact record. */
  public DeployResult withImpact(DeployImpact record) {
    return new DeployResult(drift, blocked, applied, validationDifferences, grantDifferences, took, halfApplied,
        recovered, statements, Optional.of(record), backup);
  }

  public List<String> validationLines() {
    List<String> lines = new ArrayList<>(DiffRendering.lines(validationDifferences));
    grantDifferences.forEach(g -> lines.add("  " + g.sign().symbol() + " " + g.describe()));
    return lines;
  }
}
