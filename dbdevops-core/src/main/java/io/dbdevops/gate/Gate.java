package io.dbdevops.gate;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.dbtest.DbTests;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.RollbackFailure;
import io.dbdevops.liquibase.LiquibaseRunner.RollbackResult;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.diff.RowDiff;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.TableData;
import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.DeclaredNames;
import io.dbdevops.snapshot.RowReader;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The hybrid gate: changelog → shadow database → snapshot → diff against the committed state. Also the two
 * writers built on the same path: {@link #snapshot} (rewrite the state) and the model the generator starts from.
 */
public final class Gate {

  private final ShadowProviders shadows;
  private final LiquibaseRunner liquibase;
  private final Snapshotter snapshotter;
  private final GateListener listener;
  /** The parses a build uses: the build's own (shared with its integrity check), or a fresh one per build. */
  private final Supplier<ParsedChangelogs> parses;

  /** A gate whose every build parses the changelog once, for itself. */
  public Gate(ShadowProviders shadows, GateListener listener) {
    this(shadows, new LiquibaseRunner(), new SchemaCrawlerSnapshotter(), listener);
  }

  /**
   * A gate for one build (a Maven goal's execution): it takes the changelog from {@code parses}, parsed once for the
   * shadow's dialect and shared with whatever else the build read from them (integrity, lint).
   */
  public Gate(ShadowProviders shadows, GateListener listener, ParsedChangelogs parses) {
    this(shadows, new LiquibaseRunner(), new SchemaCrawlerSnapshotter(), listener, () -> parses);
  }

  public Gate(ShadowProviders shadows, LiquibaseRunner liquibase, Snapshotter snapshotter, GateListener listener) {
    this(shadows, liquibase, snapshotter, listener, ParsedChangelogs::new);
  }

  private Gate(ShadowProviders shadows, LiquibaseRunner liquibase, Snapshotter snapshotter, GateListener listener,
      Supplier<ParsedChangelogs> parses) {
    this.shadows = shadows;
    this.liquibase = liquibase;
    this.snapshotter = snapshotter;
    this.listener = listener;
    this.parses = Objects.requireNonNull(parses, "parses");
  }

  /** The model the changelog produces, with how it was made. */
  /**
   * A built shadow's snapshot. {@code restored}: how many (released) changesets came from the cached image of the
   * released point instead of being applied; {@code update} holds the ones applied.
   */
  public record Built(SchemaModel model, String shadow, io.dbdevops.config.Dialect dialect, UpdateResult update,
      Duration snapshotTime, int restored, List<TableData> data) {

    public Built {
      data = List.copyOf(data);
    }

    /** A build without reference data. */
    public Built(SchemaModel model, String shadow, io.dbdevops.config.Dialect dialect, UpdateResult update,
        Duration snapshotTime, int restored) {
      this(model, shadow, dialect, update, snapshotTime, restored, List.of());
    }

    /** The changesets the shadow holds: restored and applied. */
    public int changesets() {
      return restored + update.applied().size();
    }
  }

  /** Applies the changelog to a fresh shadow and snapshots it; the shadow is gone when this returns. */
  public Built build(GateSettings settings) {
    return build(settings, 0).built();
  }

  /**
   * The state at the released point and after the pending part, from one shadow: what lint judges.
   *
   * @param released the state after the first {@code releasedCount} changesets; {@link SchemaModel#EMPTY} when none
   * @param pendingChanges the typed changes from {@code released} to {@code built.model()}
   * @param releasedSnapshot the time the extra snapshot at the released point took (zero when none was taken)
   * @param rollbackRoundTrip the pending changesets' update → rollback → update, when it was asked for and something
   *     was pending
   */
  public record Staged(Built built, SchemaModel released, List<SchemaChange> pendingChanges, Duration releasedSnapshot,
      Optional<RollbackRoundTrip> rollbackRoundTrip, DbTests.Report dbTests) {
    public Staged {
      pendingChanges = List.copyOf(pendingChanges);
      rollbackRoundTrip = Objects.requireNonNullElse(rollbackRoundTrip, Optional.empty());
      dbTests = Objects.requireNonNullElse(dbTests, DbTests.Report.NONE);
    }

    public Staged(Built built, SchemaModel released, List<SchemaChange> pendingChanges, Duration releasedSnapshot) {
      this(built, released, pendingChanges, releasedSnapshot, Optional.empty(), DbTests.Report.NONE);
    }
  }

  /**
   * Applies the first {@code releasedCount} changesets to a fresh shadow, snapshots it (skipped when 0: the released
   * state is then empty), applies the rest and snapshots again. {@code build(settings, 0).built()} is
   * {@link #build(GateSettings)}.
   */
  public Staged build(GateSettings settings, int releasedCount) {
    return build(settings, releasedCount, RoundTripScope.OFF);
  }

  /**
   * {@link #build(GateSettings, int)}; when changesets are pending and {@code roundTrip} covers some of them, then
   * rolls those back, snapshots (must be the state before them: the released state, or with nothing released and a
   * window, the state the shadow was snapshot at before the window's changesets), applies them again and snapshots
   * (must be the result): {@link Staged#rollbackRoundTrip()}. Nothing pending costs nothing.
   */
  public Staged build(GateSettings settings, int releasedCount, RoundTripScope roundTrip) {
    return build(settings, ReleasedPoint.of(releasedCount), roundTrip);
  }

  /**
   * {@link #build(GateSettings, int, RoundTripScope)}; with a fingerprinted released point and a cache directory in
   * the settings, the shadow starts from the cached image of the released point when there is one (and saves one when
   * there is not), so only the pending changesets are applied.
   */
  public Staged build(GateSettings settings, ReleasedPoint point, RoundTripScope roundTrip) {
    int releasedCount = point.count();
    try (ShadowDatabase shadow = shadows.open(settings.shadow())) {
      listener.shadowOpened(shadow.description());
      shadow.notes().forEach(listener::shadowNote);
      // one parse for every update of this build: what the shadow's database selects
      ParsedChangelog changelog = parses.get().get(settings.changelog(), settings.updateOptions(), shadow.dialect());
      SnapshotScope scope = settings.schemas().isEmpty() ? SnapshotScope.of(shadow.defaultSchema())
          : new SnapshotScope(settings.schemas());
      SchemaModel released = SchemaModel.EMPTY;
      Duration releasedSnapshot = Duration.ZERO;
      // with nothing released and a window, the changesets before the window are applied and snapshot first
      int windowStart = roundTrip.windowed(releasedCount)
          ? Math.max(0, changelog.selected().size() - roundTrip.unreleasedWindow()) : 0;
      int firstCount = releasedCount > 0 ? releasedCount : windowStart;
      SchemaModel beforeWindow = SchemaModel.EMPTY;
      UpdateResult update;
      int pendingCount;
      int windowCount;
      int[] counted = {0};
      Consumer<AppliedChangeSet> progress = progress(changelog.selected().size(), counted);
      DeclaredNames firstDeclared = DeclaredNames.fromStatements(List.of());
      int restored = 0;
      Map<String, Integer> longestTexts = Map.of();
      if (firstCount > 0) {
        Optional<ReleasedPointCache.Entry> image = releasedCount > 0 ? restore(settings, shadow, point) : Optional.empty();
        UpdateResult first;
        SchemaModel atFirst;
        if (image.isPresent()) {
          first = UpdateResult.NONE;
          firstDeclared = image.get().declared();
          long r0 = System.nanoTime();
          atFirst = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope.withDeclared(firstDeclared));
          releasedSnapshot = Duration.ofNanos(System.nanoTime() - r0);
          restored = releasedCount;
          counted[0] = restored; // the image holds them: the count goes on from there
        } else {
          first = liquibase.update(shadow.connection(), Update.of(changelog).upTo(firstCount).onEach(progress));
          firstDeclared = DeclaredNames.fromStatements(first.definitions());
          long r0 = System.nanoTime();
          atFirst = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope.withDeclared(firstDeclared));
          if (releasedCount > 0) {
            releasedSnapshot = Duration.ofNanos(System.nanoTime() - r0);
            save(settings, shadow, point, firstDeclared);
          }
        }
        if (releasedCount > 0) {
          released = atFirst;
        }
        beforeWindow = atFirst;
        if (releasedCount > 0 && settings.dataTest().isPresent()) {
          seedReleasedPoint(shadow, scope, atFirst, settings.dataTest().get());
          longestTexts = DataTest.longestTexts(shadow.connection(), shadow.dialect(), scope, atFirst);
        }
        // the shadow holds the first ones now: Liquibase need not walk them again
        UpdateResult rest;
        try {
          rest = liquibase.update(shadow.connection(), Update.of(changelog).after(firstCount).onEach(progress));
        } catch (InvalidChangeException e) {
          if (releasedCount > 0 && settings.dataTest().isPresent()) {
            throw new InvalidChangeException(DATA_TEST_RULE + " fails-on-data: " + e.getMessage() + " — on the released "
                + "point filled with generated rows (-Ddbdevops.dataTest=true): a database that holds data fails the "
                + "same way; give the column a default or fix the rows first in the changeset (see docs/rules/"
                + DATA_TEST_RULE + ".md)", e);
          }
          throw e;
        }
        update = first.then(rest);
        pendingCount = releasedCount > 0 ? rest.applied().size() : update.applied().size();
        windowCount = rest.applied().size();
      } else {
        update = liquibase.update(shadow.connection(), Update.of(changelog).onEach(progress));
        pendingCount = update.applied().size();
        windowCount = roundTrip.changesets(releasedCount, pendingCount);
      }
      listener.applied(update);
      // the names the changelog gave decide, on MariaDB, which indexes InnoDB made itself for a foreign key
      scope = scope.withDeclared(firstDeclared.plus(DeclaredNames.fromStatements(update.definitions())));
      long t0 = System.nanoTime();
      SchemaModel model = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      listener.snapshotTaken(model.objectCount(), took.toMillis());
      if (!longestTexts.isEmpty()) {
        // PostgreSQL's USING cast cuts a narrowed text without an error: compare the generated values' lengths
        DataTest.requireNothingCut(longestTexts, model, changelog.changeSets().subList(Math.min(firstCount,
            changelog.changeSets().size()), changelog.changeSets().size()), shadow.dialect());
      }
      // reference data: the rows of the listed tables, read on the same session after the snapshot
      List<TableData> data = new RowReader().read(shadow.connection(), shadow.dialect(),
          scope.schemas().size() == 1 ? Optional.of(scope.schemas().get(0)) : Optional.empty(),
          RowReader.referenceTables(model, settings.referenceData(), "the changelog's result"));
      Built built = new Built(model, shadow.description(), shadow.dialect(), update, took, restored, data);
      // the window could only be bounded by snapshotting before it; without that snapshot, roll back all or nothing
      int rollBack = roundTrip.changesets(releasedCount, pendingCount) == 0 ? 0
          : firstCount > 0 || windowCount == pendingCount ? windowCount : 0;
      Optional<RollbackRoundTrip> trip = rollBack > 0
          ? Optional.of((roundTrip.mode() == RoundTripScope.Mode.EACH
              ? new EachRoundTrip(shadows, liquibase, snapshotter).run(settings, changelog,
                  firstCount, rollBack, scope.declared())
              : roundTrip(changelog, shadow, scope, rollBack, firstCount, beforeWindow, model))
              .covering(rollBack, pendingCount))
          : Optional.empty();
      // the database unit tests, on the shadow as the changelog left it (each in a transaction rolled back)
      DbTests.Report tests = settings.dbTests().isEmpty() ? DbTests.Report.NONE : dbTests(shadow, settings);
      return new Staged(built, released, SchemaDiff.between(released, model), releasedSnapshot, trip, tests);
    }
  }

  /** The rule code a changeset failing on the generated data is reported under. */
  public static final String DATA_TEST_RULE = "DBD610";

  /** Fills the shadow at the released point with generated rows (migrations tested against data). */
  private void seedReleasedPoint(ShadowDatabase shadow, SnapshotScope scope, SchemaModel released,
      io.dbdevops.seed.SeedSettings seed) {
    try {
      io.dbdevops.seed.Seeder.Result seeded = new io.dbdevops.seed.Seeder().seed(shadow.connection(), shadow.dialect(),
          released, scope.schemas().size() == 1 ? Optional.of(scope.schemas().get(0)) : Optional.empty(), seed);
      listener.shadowNote("data test: the released point filled with " + seeded.rows() + " generated rows in "
          + seeded.tables().size() + " tables (" + seeded.took().toMillis() + " ms)");
    } catch (java.sql.SQLException e) {
      throw new io.dbdevops.SetupException("cannot fill the shadow's released point with generated rows: "
          + e.getMessage(), e);
    }
  }

  private static DbTests.Report dbTests(ShadowDatabase shadow, GateSettings settings) {
    try {
      return new DbTests().run(shadow.connection(), settings.dbTests());
    } catch (java.sql.SQLException e) {
      throw new io.dbdevops.SetupException("the database unit tests could not run on the shadow (" + shadow.description()
          + "): " + e.getMessage(), e);
    }
  }

  /** The cached image of the released point, restored into the (empty) shadow; empty when there is none to use. */
  private Optional<ReleasedPointCache.Entry> restore(GateSettings settings, ShadowDatabase shadow, ReleasedPoint point) {
    Optional<String> key = cacheKey(settings, shadow, point);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    ReleasedPointCache.Lookup lookup = new ReleasedPointCache(settings.shadowCache().get()).read(key.get());
    lookup.discarded().ifPresent(why -> listener.cacheNote(why + "; building it again"));
    if (lookup.entry().isEmpty()) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    shadow.restoreImage(lookup.entry().get().image());
    listener.releasedPointRestored(point.count(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
    return lookup.entry();
  }

  private void save(GateSettings settings, ShadowDatabase shadow, ReleasedPoint point, DeclaredNames declared) {
    cacheKey(settings, shadow, point).ifPresent(key -> {
      ReleasedPointCache.Written written = new ReleasedPointCache(settings.shadowCache().get())
          .write(key, shadow, declared);
      written.problem().ifPresent(listener::cacheNote);
      if (written.saved()) {
        listener.cacheNote("saved the released point (" + point.count() + (point.count() == 1 ? " changeset" : " changesets")
            + ") for the next build");
      }
    });
  }

  /** The cache key, when the cache is on, the point fingerprinted, and the shadow can be imaged. */
  private static Optional<String> cacheKey(GateSettings settings, ShadowDatabase shadow, ReleasedPoint point) {
    if (settings.shadowCache().isEmpty() || point.fingerprint().isEmpty() || !shadow.imageable()) {
      return Optional.empty();
    }
    try {
      String version = shadow.connection().getMetaData().getDatabaseProductVersion();
      return Optional.of(ReleasedPointCache.key(settings, shadow, version, point.fingerprint().get()));
    } catch (java.sql.SQLException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells the listener of each changeset the build's update applies: how many of the {@code total} the shadow's
   * update selects, since the first one began.
   */
  private Consumer<AppliedChangeSet> progress(int total, int[] applied) {
    long start = System.nanoTime();
    return changeSet -> listener.changesetApplied(new GateListener.Progress(++applied[0], total,
        Duration.ofNanos(System.nanoTime() - start), changeSet));
  }

  /**
   * Rolls the last {@code count} changesets back and applies them again, comparing each state; the first
   * {@code before} selected changesets are applied and not among them.
   */
  private RollbackRoundTrip roundTrip(ParsedChangelog changelog, ShadowDatabase shadow, SnapshotScope scope,
      int count, int before, SchemaModel released, SchemaModel result) {
    RollbackResult rollback = liquibase.rollbackCount(shadow.connection(), changelog, count, before);
    if (rollback.failure().isPresent()) {
      RollbackFailure failure = rollback.failure().get();
      return failure.irreversible() ? RollbackRoundTrip.notTestable(failure.changeSet(), failure.message())
          : RollbackRoundTrip.failed(Optional.of(failure.changeSet()), "its rollback fails: " + failure.message(),
              List.of());
    }
    List<SchemaChange> afterRollback = SchemaDiff.between(released,
        snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope));
    try {
      liquibase.update(shadow.connection(), Update.of(changelog).after(before));
    } catch (InvalidChangeException e) {
      return RollbackRoundTrip.failed(Optional.empty(), "the update after the rollback fails: " + e.getMessage(),
          afterRollback);
    }
    List<SchemaChange> afterReapply = SchemaDiff.between(result,
        snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope));
    return RollbackRoundTrip.compared(afterRollback, afterReapply);
  }

  public VerifyResult verify(GateSettings settings) {
    return verify(settings, 0).result();
  }

  /** The gate's result and the staged states it was built from (for lint). */
  public record Verified(VerifyResult result, Staged staged) {
  }

  /** {@link #verify(GateSettings)}, taking the released-point snapshot of {@link #build(GateSettings, int)} on the way. */
  public Verified verify(GateSettings settings, int releasedCount) {
    return verify(settings, releasedCount, RoundTripScope.OFF);
  }

  /** {@link #verify(GateSettings, int)}, with the rollback round trip of {@link #build(GateSettings, int, RoundTripScope)}. */
  public Verified verify(GateSettings settings, int releasedCount, RoundTripScope roundTrip) {
    return verify(settings, ReleasedPoint.of(releasedCount), roundTrip);
  }

  /** {@link #verify(GateSettings, int, RoundTripScope)} from a fingerprinted released point (see {@link ReleasedPoint}). */
  public Verified verify(GateSettings settings, ReleasedPoint point, RoundTripScope roundTrip) {
    long t0 = System.nanoTime();
    StateReader reader = new StateReader();
    SchemaModel committed = reader.read(settings.stateDirectory());
    // the committed rows are read (and checked) before any database work, like the state files
    List<TableData> committedData = reader.readData(settings.stateDirectory(), committed, settings.referenceData());
    Staged staged = build(settings, point, roundTrip);
    Built built = staged.built();
    long d0 = System.nanoTime();
    List<SchemaChange> differences = new java.util.ArrayList<>(SchemaDiff.between(committed, built.model()));
    differences.addAll(RowDiff.between(committedData, built.data()));
    Duration diff = Duration.ofNanos(System.nanoTime() - d0);
    VerifyResult result = new VerifyResult(settings.changelog().path(), settings.stateDirectory().toString(),
        built.shadow(), built.dialect(), built.changesets(), committed.objectCount(),
        built.model().objectCount(), new VerifyResult.Timings(built.update().took(), built.snapshotTime(), diff,
            Duration.ofNanos(System.nanoTime() - t0)), differences);
    return new Verified(result, staged);
  }

  /** What {@link #snapshot} wrote. */
  public record SnapshotResult(Built built, StateWriter.WriteSummary written) {
  }

  public SnapshotResult snapshot(GateSettings settings) {
    Built built = build(settings);
    return new SnapshotResult(built, new StateWriter().write(built.model(), built.data(), settings.stateDirectory()));
  }
}
