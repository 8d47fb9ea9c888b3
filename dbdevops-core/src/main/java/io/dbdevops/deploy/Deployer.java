package io.dbdevops.deploy;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.drift.GrantDrift;
import io.dbdevops.drift.GrantReader;
import io.dbdevops.drift.HalfApplied;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.Grant;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.impact.DeployImpact;
import io.dbdevops.impact.DeployImpacts;
import io.dbdevops.impact.ImpactSettings;
import io.dbdevops.impact.ImpactedUpdate;
import io.dbdevops.impact.RollForward;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetFailedException;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Deploys the changelog to an environment under the {@link DeployLock} (a concurrent deploy waits, then finds nothing
 * left to do): releases a Liquibase lock a dead deploy left ({@link StaleLiquibaseLock}), checks drift, stops on a
 * changeset a dead deploy left half applied, blocks on drift when the policy is FAIL, applies the pending changesets
 * (one callback per changeset as it finishes; Liquibase's DATABASECHANGELOGLOCK guards the update as usual), then
 * validates that the live schema equals the expected state after the changelog. Drift that was there before the
 * deploy (allowed by a WARN or IGNORE policy) is not reported again by the validation.
 */
public final class Deployer {

  private final DriftDetector drift;
  private final LiquibaseRunner liquibase;
  private final Snapshotter snapshotter;

  public Deployer(ShadowProviders shadows) {
    this.liquibase = new LiquibaseRunner();
    this.snapshotter = new SchemaCrawlerSnapshotter();
    this.drift = new DriftDetector(shadows, liquibase, snapshotter);
  }

  /**
   * What to deploy: the environment, the drift check's settings (the changelog, the shadow, the run's shared expected
   * states and parses), a callback per changeset as it finishes ({@link #onEach}), the keys ({@code file::id::author})
   * of a reviewed plan's changesets in order ({@link #planned}: when, under the lock, the pending changesets are others
   * — a deploy slipped in between the plan's check and the lock — nothing is applied and a {@link SetupException} says
   * so), and the impact record's and history's settings ({@link #impact}: the version deployed, the plan id, where
   * lock-retry warnings go).
   */
  public record Request(LiveTarget target, DriftDetector.Settings settings, Consumer<AppliedChangeSet> progress,
      Optional<List<String>> planned, ImpactSettings impact) {
    public Request {
      java.util.Objects.requireNonNull(target, "target");
      java.util.Objects.requireNonNull(settings, "settings");
      progress = progress == null ? a -> { } : progress;
      planned = java.util.Objects.requireNonNullElse(planned, Optional.<List<String>>empty());
      impact = impact == null ? ImpactSettings.NONE : impact;
    }

    /** The whole changelog to the environment, no plan, no impact settings. */
    public static Request of(LiveTarget target, DriftDetector.Settings settings) {
      return new Request(target, settings, null, Optional.empty(), null);
    }

    public Request onEach(Consumer<AppliedChangeSet> each) {
      return new Request(target, settings, each, planned, impact);
    }

    public Request planned(Optional<List<String>> keys) {
      return new Request(target, settings, progress, keys, impact);
    }

    public Request impact(ImpactSettings settings) {
      return new Request(target, this.settings, progress, planned, settings);
    }
  }

  public DeployResult deploy(Request request) {
    LiveTarget target = request.target();
    DriftDetector.Settings settings = request.settings();
    Consumer<AppliedChangeSet> progress = request.progress();
    Optional<List<String>> planned = request.planned();
    ImpactSettings impact = request.impact();
    long t0 = System.nanoTime();
    java.time.Instant started = java.time.Instant.now();
    Environment env = target.environment();
    try (Connection connection = target.connect(false);
        DeployLock lock = DeployLock.acquire(connection, target.description());
        io.dbdevops.liquibase.SharedParses.Lease lease = settings.parses()) {
      // Under the deploy lock a second deploy waits for this one to finish, then finds nothing left to apply; a
      // locked DATABASECHANGELOGLOCK can only be a dead deploy's
      List<String> recovered = new ArrayList<>();
      StaleLiquibaseLock.release(connection, Dialect.of(connection), target.description()).ifPresent(recovered::add);
      // one parse of the changelog for the environment's database: the drift check's selection and shadow, the deploy
      // (in a fleet, the parse an environment before this one made, lent to one environment at a time)
      ParsedChangelogs parses = lease.parses();
      // a stale Liquibase lock is the evidence of a deploy that died inside its update: only then may drift be a
      // changeset it left half applied
      boolean interrupted = !recovered.isEmpty();
      DriftDetector.Checked checked = drift.checkForDeploy(target, settings, parses, interrupted);
      DriftReport before = checked.report();
      if (checked.halfApplied().filter(HalfApplied::recordable).isPresent()) {
        // a killed deploy ran it completely and only its history row is missing: record it, check again
        HalfApplied done = checked.halfApplied().get();
        liquibase.markNextRan(connection, parses.get(settings.changelog(), env.updateOptions(), before.dialect()),
            target.description());
        recovered.add("recorded changeset " + done.id() + " (author " + done.author() + ", " + done.location()
            + ") as run: a deploy that ended before recording it had applied it completely (all it makes is there, "
            + "and it changes only the schema)");
        checked = drift.checkForDeploy(target, settings, parses, true);
        before = checked.report();
      }
      if (checked.halfApplied().isPresent() || before.hasDrift() && env.driftPolicy() == DriftPolicy.FAIL) {
        return new DeployResult(before, true, List.of(), List.of(), List.of(), Duration.ofNanos(System.nanoTime() - t0),
            checked.halfApplied(), recovered, java.util.Map.of(), Optional.empty());
      }
      if (planned.isPresent()) {
        List<String> pending = before.pending().stream().map(c -> c.key()).toList();
        if (!pending.equals(planned.get())) {
          throw new SetupException("the pending changesets of " + target.description() + " changed after the plan was "
              + "checked (another deploy?): planned " + planned.get() + ", pending now " + pending + "; nothing was "
              + "applied. Run dbdevops:plan again");
        }
      }
      // the rows a lossy pending changeset could lose, copied before the first DDL (<backup>)
      Optional<io.dbdevops.recovery.Backup> backup = io.dbdevops.recovery.Backups.beforeDeploy(target, checked,
          settings.progress());
      ParsedChangelog parsed = parses.get(settings.changelog(), env.updateOptions(), before.dialect());
      ImpactedUpdate.Result measured = ImpactedUpdate.run(DeployImpacts.request(target, connection, before.dialect(),
          schemas(connection, env, before.dialect()), before.pending(), parsed.changeSets(), checked.pendingUpdate(),
          progress, impact), listener -> liquibase.update(connection, Update.of(parsed).on(target.description())
          .onEach(listener)));
      DeployImpact record = DeployImpacts.impact(target, before.dialect(), measured, impact);
      if (measured.failure().isPresent()) {
        try {
          failed(target, settings, parses, checked, measured, record, impact, connection, started, t0, recovered);
        } catch (DeployFailedException e) {
          // the roll-forward report names the backup taken before the failing changeset
          throw e.withBackup(backup);
        }
      }
      DeployResult result = validate(target, before, checked, measured.update(), t0, recovered);
      record = record.withOutcome(result.validated() ? DeployImpact.Outcome.SUCCEEDED
          : DeployImpact.Outcome.VALIDATION_FAILED);
      DeployImpacts.record(target, connection, before.dialect(), started, record.outcome().name(),
          measured.applied().size(), impact, measured.deploymentIds(), measured.lockRetries(), Optional.empty(),
          result.validated() ? Optional.empty() : Optional.of(String.join("; ", result.validationLines())))
          .ifPresent(recovered::add);
      return result.withImpact(record).withBackup(backup);
    } catch (SQLException e) {
      throw new SetupException("cannot close the connection to " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A changeset failed (after its lock retries): the roll-forward report — the live schema checked again against the
   * expected state at the changesets now applied (what the failed one left behind) and after the whole changelog —,
   * the history row; thrown as a {@link DeployFailedException} holding the result.
   */
  private void failed(LiveTarget target, DriftDetector.Settings settings, ParsedChangelogs parses,
      DriftDetector.Checked checked, ImpactedUpdate.Result measured, DeployImpact record, ImpactSettings impact,
      Connection connection, java.time.Instant started, long t0, List<String> recovered) {
    ChangeSetFailedException f = measured.failure().get();
    DriftReport before = checked.report();
    List<SchemaChange> driftNow;
    List<SchemaChange> toHead;
    try {
      DriftDetector.Checked now = drift.checkForDeploy(target, settings, parses);
      driftNow = now.report().schemaDrift();
      toHead = SchemaDiff.between(checked.expectedAfterPending(), now.live());
    } catch (RuntimeException e) {
      // the failure is what the report is about: without a second look it says what it could not read
      recovered.add("the live schema could not be read again after the failure (" + target.secrets().mask(
          String.valueOf(e.getMessage())) + "): what the failed changeset left behind is unknown; run dbdevops:drift");
      driftNow = before.schemaDrift();
      toHead = List.of();
    }
    RollForward report = RollForward.of(measured.applied().stream().map(a -> a.id() + " (" + a.author() + ")")
        .toList(), f.changeSet().id() + " (" + f.changeSet().author() + ")", f.location(),
        target.secrets().mask(f.databaseMessage()), ImpactedUpdate.lockTimeout(f), measured.blocker(), before.dialect(),
        before.schemaDrift(), driftNow, toHead, measured.lockRetries());
    DeployImpacts.record(target, connection, before.dialect(), started, "FAILED", measured.applied().size(),
        impact, measured.deploymentIds(), measured.lockRetries(), Optional.of(DeployImpacts.describe(f)),
        Optional.of(report.databaseMessage())).ifPresent(recovered::add);
    throw new DeployFailedException(f, new DeployResult(before, false, measured.applied(), List.of(), List.of(),
        Duration.ofNanos(System.nanoTime() - t0), Optional.empty(), recovered, measured.statements(),
        Optional.of(record.withRollForward(report))));
  }

  private static List<String> schemas(Connection connection, Environment env, Dialect dialect) throws SQLException {
    return env.schemas().isEmpty() ? List.of(dialect == Dialect.MARIADB ? connection.getCatalog()
        : connection.getSchema()) : env.schemas();
  }

  private DeployResult validate(LiveTarget target, DriftReport before, DriftDetector.Checked checked,
      LiquibaseRunner.UpdateResult update, long t0, List<String> recovered) {
    List<AppliedChangeSet> applied = update.applied();
    Environment env = target.environment();
    try (Connection live = target.connect(true)) {
      var dialect = before.dialect();
      List<String> schemas = env.schemas().isEmpty()
          ? List.of(dialect == io.dbdevops.config.Dialect.MARIADB ? live.getCatalog() : live.getSchema()) : env.schemas();
      SchemaModel now = snapshotter.snapshot(live, dialect, new SnapshotScope(schemas, checked.declared()));
      Set<SchemaChange> known = new HashSet<>(before.schemaDrift());
      List<SchemaChange> differences = SchemaDiff.between(checked.expectedAfterPending(), now).stream()
          .filter(c -> !known.contains(c)).toList();
      List<GrantDrift> grants = List.of();
      if (env.checksGrants()) {
        SortedSet<Grant> liveGrants = new GrantReader().read(live, dialect, schemas);
        Set<GrantDrift> knownGrants = new HashSet<>(before.grantDrift());
        grants = DriftDetector.grantDrift(env.grants(), liveGrants).stream().filter(g -> !knownGrants.contains(g)).toList();
      }
      return new DeployResult(before, false, applied, differences, grants, Duration.ofNanos(System.nanoTime() - t0),
          Optional.empty(), recovered, update.statements(), Optional.empty());
    } catch (SQLException e) {
      throw new SetupException("cannot validate " + target.description() + ": " + e.getMessage(), e);
    }
  }

}
