package io.dbdevops.gate;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import java.time.Duration;
import java.util.List;

/**
 * The hybrid gate: changelog → shadow database → snapshot → diff against the committed state. Also the two
 * writers built on the same path: {@link #snapshot} (rewrite the state) and the model the generator starts from.
 */
public final class Gate {

  private final ShadowProviders shadows;
  private final LiquibaseRunner liquibase;
  private final Snapshotter snapshotter;
  private final GateListener listener;

  public Gate(ShadowProviders shadows, GateListener listener) {
    this(shadows, new LiquibaseRunner(), new SchemaCrawlerSnapshotter(), listener);
  }

  public Gate(ShadowProviders shadows, LiquibaseRunner liquibase, Snapshotter snapshotter, GateListener listener) {
    this.shadows = shadows;
    this.liquibase = liquibase;
    this.snapshotter = snapshotter;
    this.listener = listener;
  }

  /** The model the changelog produces, with how it was made. */
  public record Built(SchemaModel model, String shadow, io.dbdevops.config.Dialect dialect, UpdateResult update,
      Duration snapshotTime) {
  }

  /** Applies the changelog to a fresh shadow and snapshots it; the shadow is gone when this returns. */
  public Built build(GateSettings settings) {
    // read the state first: an invalid state file is reported before any database work
    try (ShadowDatabase shadow = shadows.open(settings.shadow())) {
      listener.shadowOpened(shadow.description());
      UpdateResult update = liquibase.update(shadow.connection(), settings.changelog(), settings.updateOptions());
      listener.applied(update);
      long t0 = System.nanoTime();
      SnapshotScope scope = settings.schemas().isEmpty() ? SnapshotScope.of(shadow.defaultSchema())
          : new SnapshotScope(settings.schemas());
      SchemaModel model = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      listener.snapshotTaken(model.objectCount(), took.toMillis());
      return new Built(model, shadow.description(), shadow.dialect(), update, took);
    }
  }

  public VerifyResult verify(GateSettings settings) {
    long t0 = System.nanoTime();
    SchemaModel committed = new StateReader().read(settings.stateDirectory());
    Built built = build(settings);
    long d0 = System.nanoTime();
    List<SchemaChange> differences = SchemaDiff.between(committed, built.model());
    Duration diff = Duration.ofNanos(System.nanoTime() - d0);
    return new VerifyResult(settings.changelog().path(), settings.stateDirectory().toString(), built.shadow(),
        built.dialect(), built.update().applied().size(), committed.objectCount(), built.model().objectCount(),
        new VerifyResult.Timings(built.update().took(), built.snapshotTime(), diff, Duration.ofNanos(System.nanoTime() - t0)),
        differences);
  }

  /** What {@link #snapshot} wrote. */
  public record SnapshotResult(Built built, StateWriter.WriteSummary written) {
  }

  public SnapshotResult snapshot(GateSettings settings) {
    Built built = build(settings);
    return new SnapshotResult(built, new StateWriter().write(built.model(), settings.stateDirectory()));
  }
}
