package io.dbdevops.bench;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures, in one JVM and side by side, on embedded H2 in memory:
 * <ul>
 *   <li>(a) {@code update}: Liquibase's own update command (through {@link LiquibaseRunner}, the call verify makes)
 *       of a generated changelog on a fresh in-memory database, connection open and close included;</li>
 *   <li>(b) {@code verify}: {@link Gate#verify} of the same changelog: read the committed state, open a fresh
 *       shadow, apply, SchemaCrawler snapshot, diff; it must pass.</li>
 * </ul>
 * at N and 2N changesets (4 per table). Runs go in rounds a(N), b(N), a(2N), b(2N), so machine noise hits every
 * measurement alike; the first {@code bench.warmup} rounds are discarded. Prints medians, verify/update ratios,
 * where verify's time goes and the 2N/N scaling, and writes the same text to {@code bench.out}.
 *
 * <p>System properties: {@code bench.changesets} (N, default 2000, rounded down to a multiple of 4),
 * {@code bench.runs} (measured rounds, default 5), {@code bench.warmup} (discarded rounds, default 1),
 * {@code bench.out} (results file; the pom sets {@code target/bench-results.txt}), {@code bench.keep} (true: keep
 * the generated changelogs and state under the temp directory).
 */
public final class VerifyBenchmark {

  private static final AtomicLong DB_COUNTER = new AtomicLong();

  /** One size under test: its changelog, committed state and measurements. */
  private static final class Size {
    final int tables;
    final int changesets;
    final Path dir;
    final ChangelogSource changelog;
    final GateSettings settings;
    final List<Long> update = new ArrayList<>();
    final List<Long> updateApply = new ArrayList<>();
    final List<Long> verify = new ArrayList<>();
    final List<Long> apply = new ArrayList<>();
    final List<Long> snapshot = new ArrayList<>();
    final List<Long> diff = new ArrayList<>();
    final List<Long> rest = new ArrayList<>();
    int objects;
    long snapshotCommandMillis;

    Size(int tables) throws IOException {
      this.tables = tables;
      this.dir = Files.createTempDirectory("dbdevops-bench-" + tables + "-");
      Path root = Files.createDirectories(dir.resolve("changelog"));
      this.changesets = ChangelogGenerator.write(root, tables);
      this.changelog = new ChangelogSource(root, ChangelogGenerator.MASTER);
      this.settings = new GateSettings(changelog, dir.resolve("state"), ShadowSettings.H2, List.of(), null);
    }
  }

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
  private final LiquibaseRunner runner = new LiquibaseRunner();

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.changesets", 2000);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmup = Integer.getInteger("bench.warmup", 1);
    Path out = Path.of(System.getProperty("bench.out", "target/bench-results.txt"));
    int tables = n / ChangelogGenerator.CHANGESETS_PER_TABLE;
    if (tables < 1 || runs < 1 || warmup < 0) {
      throw new IllegalArgumentException("need bench.changesets >= 4, bench.runs >= 1, bench.warmup >= 0");
    }
    new VerifyBenchmark().run(List.of(tables, 2 * tables), runs, warmup, out);
  }

  private void run(List<Integer> tableCounts, int runs, int warmup, Path out) throws Exception {
    double loadAtStart = loadAverage();
    List<Size> sizes = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    try {
      for (int t : tableCounts) {
        sizes.add(new Size(t));
      }
      line(report, "dbdevops verify vs Liquibase update, embedded H2 in memory");
      line(report, "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
          + " cpus, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
          + liquibaseVersion() + ", " + h2Version());
      line(report, "rounds: " + warmup + " warm-up (discarded) + " + runs + " measured; each round runs "
          + "update and verify alternately for every size");
      // the committed state each verify compares against: one snapshot per size
      for (Size s : sizes) {
        long t0 = System.nanoTime();
        Gate.SnapshotResult written = gate.snapshot(s.settings);
        s.snapshotCommandMillis = millis(System.nanoTime() - t0);
        s.objects = written.built().model().objectCount();
        check(written.built().update().applied().size() == s.changesets, "snapshot applied "
            + written.built().update().applied().size() + " changesets, expected " + s.changesets);
        check(s.objects == s.tables, "snapshot holds " + s.objects + " objects, expected " + s.tables + " tables");
        line(report, String.format(Locale.ROOT, "setup: %d changesets / %d tables written to %s; committed state "
            + "written by gate.snapshot in %d ms", s.changesets, s.tables, s.dir, s.snapshotCommandMillis));
      }
      for (int round = 0; round < warmup + runs; round++) {
        boolean measured = round >= warmup;
        StringBuilder progress = new StringBuilder(measured ? "run " + (round - warmup + 1) + "/" + runs : "warm-up");
        for (Size s : sizes) {
          long u = update(s, measured);
          long v = verify(s, measured);
          progress.append(String.format(Locale.ROOT, "  | %d: update %d ms, verify %d ms", s.changesets, u, v));
        }
        System.out.println(progress);
        System.out.flush();
      }
      double loadAtEnd = loadAverage();
      int cpus = Runtime.getRuntime().availableProcessors();
      line(report, String.format(Locale.ROOT, "system load average (1 min): %.2f at start, %.2f at end, on %d cpus%s",
          loadAtStart, loadAtEnd, cpus, Math.max(loadAtStart, loadAtEnd) > cpus + 0.5
              ? " -- above the cpu count: other processes competed, figures are noisy (the paired ratio suffers least)"
              : ""));
      report.append(table(sizes, runs));
    } finally {
      for (Size s : sizes) {
        if (Boolean.getBoolean("bench.keep")) {
          System.out.println("kept " + s.dir);
        } else {
          deleteTree(s.dir);
        }
      }
    }
    System.out.println();
    System.out.print(report);
    System.out.flush();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("results written to " + out.toAbsolutePath());
  }

  /** (a) Liquibase update alone, on a fresh in-memory H2 database; connection open and close included. */
  private long update(Size s, boolean record) throws SQLException {
    System.gc();
    String url = "jdbc:h2:mem:bench" + DB_COUNTER.incrementAndGet() + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=0";
    long t0 = System.nanoTime();
    LiquibaseRunner.UpdateResult result;
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      result = runner.update(connection, s.changelog, LiquibaseRunner.UpdateOptions.DEFAULT);
    }
    long took = System.nanoTime() - t0;
    check(result.applied().size() == s.changesets, "update applied " + result.applied().size() + " changesets, expected "
        + s.changesets);
    if (record) {
      s.update.add(took);
      s.updateApply.add(result.took().toNanos());
    }
    return millis(took);
  }

  /** (b) dbdevops verify: state read + fresh shadow + apply + snapshot + diff. Must pass. */
  private long verify(Size s, boolean record) {
    System.gc();
    long t0 = System.nanoTime();
    VerifyResult result = gate.verify(s.settings);
    long took = System.nanoTime() - t0;
    if (!result.passed()) {
      StringBuilder msg = new StringBuilder("verify FAILED at " + s.changesets + " changesets: "
          + result.differences().size() + " difference(s) against the state it just wrote, e.g.:");
      result.differences().stream().limit(10).forEach(d -> msg.append("\n  ").append(d));
      throw new IllegalStateException(msg.toString());
    }
    check(result.changesetsApplied() == s.changesets, "verify applied " + result.changesetsApplied()
        + " changesets, expected " + s.changesets);
    check(result.objectsInShadow() == s.objects && result.objectsInState() == s.objects, "verify saw "
        + result.objectsInState() + " objects in the state and " + result.objectsInShadow() + " in the shadow, expected "
        + s.objects);
    if (record) {
      VerifyResult.Timings t = result.timings();
      s.verify.add(took);
      s.apply.add(t.apply().toNanos());
      s.snapshot.add(t.snapshot().toNanos());
      s.diff.add(t.diff().toNanos());
      s.rest.add(took - t.apply().toNanos() - t.snapshot().toNanos() - t.diff().toNanos());
    }
    return millis(took);
  }

  private static String table(List<Size> sizes, int runs) {
    StringBuilder b = new StringBuilder();
    line(b, "");
    line(b, "medians of " + runs + " runs, wall ms");
    line(b, String.format(Locale.ROOT, "%10s %7s %17s %16s %6s %7s  | %-38s", "", "", "", "", "", "paired",
        "split of verify (medians, ms)"));
    line(b, String.format(Locale.ROOT, "%10s %7s %17s %16s %6s %7s  | %7s %9s %6s %12s", "changesets", "tables",
        "liquibase-update", "dbdevops-verify", "ratio", "ratio*", "apply", "snapshot", "diff", "other**"));
    for (Size s : sizes) {
      line(b, String.format(Locale.ROOT, "%10d %7d %17d %16d %6.2f %7.2f  | %7d %9d %6d %12d", s.changesets, s.tables,
          median(s.update), median(s.verify), ratio(s.verify, s.update), pairedRatio(s.verify, s.update),
          median(s.apply), median(s.snapshot), median(s.diff), median(s.rest)));
    }
    line(b, "ratio = median verify / median update; * paired = median over rounds of (verify / the update run just before it)");
    line(b, "** other = verify wall - apply - snapshot - diff: committed-state read (YAML) + shadow open/close");
    line(b, "");
    line(b, "verify overhead over update (median verify - median update), and the apply step inside verify vs update alone:");
    for (Size s : sizes) {
      line(b, String.format(Locale.ROOT, "  %d changesets: overhead %d ms (snapshot %.0f%%, diff %.1f%%, other %.1f%% of "
          + "verify); Liquibase update call inside verify %d ms vs alone %d ms", s.changesets,
          median(s.verify) - median(s.update), 100.0 * median(s.snapshot) / median(s.verify),
          100.0 * median(s.diff) / median(s.verify), 100.0 * median(s.rest) / median(s.verify), median(s.apply),
          median(s.updateApply)));
    }
    line(b, "");
    line(b, "raw runs, ms (update / verify):");
    for (Size s : sizes) {
      StringBuilder r = new StringBuilder("  " + s.changesets + ":");
      for (int i = 0; i < s.update.size(); i++) {
        r.append(' ').append(millis(s.update.get(i))).append('/').append(millis(s.verify.get(i)));
      }
      line(b, r.toString());
    }
    if (sizes.size() == 2) {
      Size a = sizes.get(0);
      Size z = sizes.get(1);
      line(b, "");
      line(b, String.format(Locale.ROOT, "scaling 2N/N: update %.2f, verify %.2f (apply %.2f, snapshot %.2f, diff %.2f)",
          ratio(z.update, a.update), ratio(z.verify, a.verify), ratio(z.apply, a.apply), ratio(z.snapshot, a.snapshot),
          ratio(z.diff, a.diff)));
    }
    return b.toString();
  }

  private static long median(List<Long> nanos) {
    long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    long m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return millis(m);
  }

  private static double ratio(List<Long> num, List<Long> den) {
    long[] a = num.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] b = den.stream().mapToLong(Long::longValue).sorted().toArray();
    return (double) medianNanos(a) / medianNanos(b);
  }

  private static double pairedRatio(List<Long> num, List<Long> den) {
    double[] r = new double[num.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (double) num.get(i) / den.get(i);
    }
    Arrays.sort(r);
    return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  }

  private static double medianNanos(long[] v) {
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void line(StringBuilder b, String s) {
    b.append(s).append(System.lineSeparator());
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String liquibaseVersion() {
    return "liquibase " + liquibase.util.LiquibaseUtil.getBuildVersion();
  }

  private static String h2Version() {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:benchversion;DB_CLOSE_DELAY=0", "sa", "")) {
      return "h2 " + c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "h2 ?";
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
