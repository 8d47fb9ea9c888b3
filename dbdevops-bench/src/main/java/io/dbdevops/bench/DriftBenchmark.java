package io.dbdevops.bench;

import static io.dbdevops.bench.BenchSupport.check;
import static io.dbdevops.bench.BenchSupport.line;
import static io.dbdevops.bench.BenchSupport.median;
import static io.dbdevops.bench.BenchSupport.millis;
import static io.dbdevops.bench.BenchSupport.pairedRatio;
import static io.dbdevops.bench.BenchSupport.ratio;
import static io.dbdevops.bench.BenchSupport.raw;

import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ChangelogSelection;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * On a temporary database of the local PostgreSQL server deployed by Liquibase with the generated changelog (default
 * 500 tables, 2,000 changesets; so it has DATABASECHANGELOG), measures side by side, alternating in each round:
 * <ul>
 *   <li>(a) a full drift check as the {@code dbdevops:drift} goal makes it: {@link DriftDetector#check} with no
 *       explicit shadow, so the expected state is built on a temporary database on the same server (url provider):
 *       read DATABASECHANGELOG, select the changelog, create the shadow, apply the 2,000 changesets, snapshot it, drop
 *       it; snapshot the live database; diff;</li>
 *   <li>(b) a plain dbdevops snapshot of the live database (schema {@code public}, fresh connection).</li>
 * </ul>
 * Reports drift/snapshot and the split of the drift check from its own timings (expected state = shadow build, live
 * snapshot, rest = connect + history read + changelog selection + diff), plus the changelog selection and the diff
 * timed alone. System properties: {@code bench.tables} (500), {@code bench.runs} (5), {@code bench.warmup} (1),
 * {@code bench.out}. Run: {@code mvn -B -Pbench -pl dbdevops-bench compile exec:java@drift}
 */
public final class DriftBenchmark {

  private final SchemaCrawlerSnapshotter snapshotter = new SchemaCrawlerSnapshotter();
  /** The detector's own snapshotter, timing each call: per check, the first is the shadow's, the second the live one. */
  private final List<Long> snapshotCalls = new ArrayList<>();
  private final DriftDetector detector = new DriftDetector(ShadowProviders.load(), new LiquibaseRunner(),
      (connection, dialect, scope) -> {
        long t0 = System.nanoTime();
        try {
          return snapshotter.snapshot(connection, dialect, scope);
        } finally {
          snapshotCalls.add(System.nanoTime() - t0);
        }
      });

  public static void main(String[] args) throws Exception {
    int tables = Integer.getInteger("bench.tables", 500);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmup = Integer.getInteger("bench.warmup", 1);
    Path out = Path.of(System.getProperty("bench.out", "target/drift-bench-results.txt"));
    new DriftBenchmark().run(tables, runs, warmup, out);
  }

  private void run(int tables, int runs, int warmup, Path out) throws Exception {
    StringBuilder report = new StringBuilder();
    line(report, "dbdevops drift check vs plain dbdevops snapshot, PostgreSQL, shadow = temporary database on the same server");
    line(report, BenchSupport.environment());
    List<Long> drift = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    List<Long> live = new ArrayList<>();
    List<Long> rest = new ArrayList<>();
    List<Long> shadowSnapshot = new ArrayList<>();
    List<Long> shadowOther = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    List<Long> select = new ArrayList<>();
    List<Long> diff = new ArrayList<>();
    List<Long> reused = new ArrayList<>();
    Path cacheDir = java.nio.file.Files.createTempDirectory("dbdevops-bench-expected-state");
    String shadow = "?";
    try (BenchSupport.TempDatabase db = new BenchSupport.TempDatabase(tables)) {
      line(report, String.format(Locale.ROOT, "setup: database %s, %d tables / %d changesets deployed by LiquibaseRunner in "
          + "%d ms", db.name, tables, db.changesets, db.deployMillis));
      line(report, "rounds: " + warmup + " warm-up (discarded) + " + runs + " measured; each round runs the drift check, "
          + "then the plain snapshot");
      Environment env = new Environment("bench", List.of("bench"), BenchSupport.url(db.name), Optional.empty(),
          Optional.of(BenchSupport.USER), Optional.empty(), Optional.empty(), LiquibaseRunner.UpdateOptions.DEFAULT,
          List.of(), DriftPolicy.FAIL, List.of());
      LiveTarget target = new LiveTarget(env, Optional.of(BenchSupport.USER),
          BenchSupport.PASSWORD.isEmpty() ? Secret.NONE : Secret.of(BenchSupport.PASSWORD));
      SchemaModel previous = null;
      int objects = -1;
      for (int round = 0; round < warmup + runs; round++) {
        boolean measured = round >= warmup;
        // (a) full drift check
        System.gc();
        long t0 = System.nanoTime();
        snapshotCalls.clear();
        DriftReport r = detector.check(target, new DriftDetector.Settings(db.changelog));
        long d = System.nanoTime() - t0;
        check(snapshotCalls.size() == 2, "the drift check took " + snapshotCalls.size() + " snapshots, expected 2");
        check(!r.hasDrift() && r.pending().isEmpty() && r.historyProblems().isEmpty(), "drift check found drift/pending/problems: "
            + r.lines());
        check(r.applied() == db.changesets, "drift check read " + r.applied() + " applied changesets, expected "
            + db.changesets);
        shadow = r.shadow();
        // (c) drift check reusing the expected state (the cache is filled by the warm-up round's first call)
        System.gc();
        long u0 = System.nanoTime();
        snapshotCalls.clear();
        DriftReport cached = detector.check(target, new DriftDetector.Settings(db.changelog, Optional.empty(), null,
            Optional.of(cacheDir)));
        long u = System.nanoTime() - u0;
        check(!cached.hasDrift(), "cached drift check found drift: " + cached.lines());
        check(!measured || snapshotCalls.size() == 1, "the cached drift check took " + snapshotCalls.size()
            + " snapshots, expected 1 (live only)");
        // (b) plain snapshot
        System.gc();
        long s0 = System.nanoTime();
        SchemaModel model;
        try (Connection c = BenchSupport.connect(db.name)) {
          model = snapshotter.snapshot(c, Dialect.POSTGRESQL, SnapshotScope.of("public"));
        }
        long s = System.nanoTime() - s0;
        objects = model.objectCount();
        // alone, outside the two timed operations: changelog selection and a diff of two snapshots of this size
        long c0 = System.nanoTime();
        int selected = new ChangelogSelection().select(db.changelog, LiquibaseRunner.UpdateOptions.DEFAULT,
            Dialect.POSTGRESQL).size();
        long sel = System.nanoTime() - c0;
        check(selected == db.changesets, "selected " + selected + " changesets");
        long f0 = System.nanoTime();
        int changes = SchemaDiff.between(previous == null ? model : previous, model).size();
        long df = System.nanoTime() - f0;
        check(changes == 0, "two snapshots differ by " + changes);
        previous = model;
        if (measured) {
          drift.add(d);
          reused.add(u);
          expected.add(r.timings().expectedState().toNanos());
          live.add(r.timings().liveSnapshot().toNanos());
          rest.add(d - r.timings().expectedState().toNanos() - r.timings().liveSnapshot().toNanos());
          shadowSnapshot.add(snapshotCalls.get(0));
          shadowOther.add(r.timings().expectedState().toNanos() - snapshotCalls.get(0));
          plain.add(s);
          select.add(sel);
          diff.add(df);
        }
        System.out.printf(Locale.ROOT, "%s: drift %d ms (expected state %d, live snapshot %d), plain snapshot %d ms%n",
            measured ? "run " + (round - warmup + 1) + "/" + runs : "warm-up", millis(d),
            r.timings().expectedState().toMillis(), r.timings().liveSnapshot().toMillis(), millis(s));
      }
      line(report, "");
      line(report, "medians of " + runs + " runs, wall ms (" + tables + " tables, " + db.changesets + " changesets, "
          + objects + " objects in the model; shadow: " + shadow + ")");
      line(report, String.format(Locale.ROOT, "%-52s %8s   %s", "", "median", "raw runs"));
      row(report, "(a) drift check, total (DriftDetector.check)", drift);
      row(report, "    expected state: shadow create+apply+snapshot+drop", expected);
      row(report, "      of which: Liquibase update-count + create/drop", shadowOther);
      row(report, "      of which: shadow snapshot", shadowSnapshot);
      row(report, "    live snapshot", live);
      row(report, "    rest: connect, history, selection, diff", rest);
      row(report, "(b) plain dbdevops snapshot", plain);
      row(report, "(c) drift check reusing the expected state", reused);
      row(report, "alone: ChangelogSelection.select (parse)", select);
      row(report, "alone: SchemaDiff.between (same-size models)", diff);
      line(report, "");
      line(report, String.format(Locale.ROOT, "drift / plain snapshot = %.2f (paired %.2f)   target <= 1.50: %s",
          ratio(drift, plain), pairedRatio(drift, plain), ratio(drift, plain) <= 1.5 ? "met" : "NOT met"));
      line(report, String.format(Locale.ROOT, "share of drift: expected state %.1f%%, live snapshot %.1f%%, rest %.1f%%",
          100 * ratio(expected, drift), 100 * ratio(live, drift), 100 * ratio(rest, drift)));
      line(report, String.format(Locale.ROOT, "drift reusing the expected state (changelog and history unchanged) / plain "
          + "snapshot = %.2f (paired %.2f)   target <= 1.50: %s", ratio(reused, plain), pairedRatio(reused, plain),
          ratio(reused, plain) <= 1.5 ? "met" : "NOT met"));
      line(report, "paired = median over rounds of the per-round ratio");
    }
    System.out.println();
    System.out.print(report);
    BenchSupport.write(out, report);
  }

  private static void row(StringBuilder b, String label, List<Long> nanos) {
    line(b, String.format(Locale.ROOT, "%-52s %8d   %s", label, median(nanos), raw(nanos)));
  }
}
