package io.dbdevops.bench;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityCheck;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.report.JUnitLintWriter;
import io.dbdevops.report.SarifWriter;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What lint adds to {@code dbdevops:verify}, side by side in one JVM on embedded H2, on one generated changelog of N
 * changesets (default 2,000; see {@link ChangelogGenerator}) with no integrity file, so every changeset is pending:
 * <ul>
 *   <li>(a) {@code verify}: what the verify goal does without lint: read the changelog and check it against the
 *       (empty) integrity file, then the gate (state read, fresh shadow, apply, snapshot, diff);</li>
 *   <li>(b) {@code verify+lint}: the same, plus lint of all N pending changesets for PostgreSQL (every rule runs):
 *       the changeset texts, the operations, the rules, and lint.sarif and TEST-dbdevops-lint.xml written;</li>
 *   <li>(c) {@code verify+lint, half released}: as (b) with the first N/2 changesets released, so the shadow takes the
 *       extra snapshot at the released point and lint judges N/2 changesets.</li>
 * </ul>
 * Each round runs a, b and c, in an order that rotates from round to round, so machine noise and ordering hit all
 * alike; warm-up rounds are discarded. Prints medians, the
 * overhead of (b) and (c) over (a), and the lint step alone; writes the same text to {@code bench.out}.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests -Dinvoker.skip=true && mvn -B -Pbench -pl dbdevops-bench compile
 * exec:java@lint} (system properties {@code bench.changesets},
 * {@code bench.runs}, {@code bench.warmup}, {@code bench.out} as for {@link VerifyBenchmark}).
 */
public final class LintBenchmark {

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
  private final RuleRegistry registry = RuleRegistry.load();

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.changesets", 2000);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmup = Integer.getInteger("bench.warmup", 1);
    Path out = Path.of(System.getProperty("bench.out", "target/lint-bench-results.txt"));
    new LintBenchmark().run(n / ChangelogGenerator.CHANGESETS_PER_TABLE, runs, warmup, out);
  }

  private void run(int tables, int runs, int warmup, Path out) throws Exception {
    Path dir = Files.createTempDirectory("dbdevops-lint-bench-");
    Path reports = dir.resolve("reports");
    try {
      Path root = Files.createDirectories(dir.resolve("changelog"));
      int changesets = ChangelogGenerator.write(root, tables);
      ChangelogSource changelog = new ChangelogSource(root, ChangelogGenerator.MASTER);
      GateSettings settings = new GateSettings(changelog, dir.resolve("state"), ShadowSettings.H2, List.of(), null);
      gate.snapshot(settings);
      List<Long> a = new ArrayList<>();
      List<Long> b = new ArrayList<>();
      List<Long> c = new ArrayList<>();
      List<Long> lintOnlyB = new ArrayList<>();
      List<Long> lintOnlyC = new ArrayList<>();
      List<Long> readerA = new ArrayList<>();
      int findingsB = 0;
      int findingsC = 0;
      for (int round = 0; round < warmup + runs; round++) {
        boolean measured = round >= warmup;
        long[] ta = null;
        long[] tb = null;
        long[] tc = null;
        for (int k = 0; k < 3; k++) {
          switch ((round + k) % 3) {
            case 0 -> ta = verify(changelog, settings);
            case 1 -> tb = verifyAndLint(changelog, settings, false, reports);
            default -> tc = verifyAndLint(changelog, settings, true, reports);
          }
        }
        findingsB = (int) tb[2];
        findingsC = (int) tc[2];
        System.out.printf(Locale.ROOT, "%s  verify %d ms | verify+lint %d ms (lint %d ms) | half released %d ms (lint %d ms)%n",
            measured ? "run " + (round - warmup + 1) + "/" + runs : "warm-up", ms(ta[0]), ms(tb[0]), ms(tb[1]), ms(tc[0]),
            ms(tc[1]));
        if (measured) {
          a.add(ta[0]);
          readerA.add(ta[1]);
          b.add(tb[0]);
          lintOnlyB.add(tb[1]);
          c.add(tc[0]);
          lintOnlyC.add(tc[1]);
        }
      }
      StringBuilder r = new StringBuilder();
      line(r, "dbdevops verify with and without lint, embedded H2 in memory, lint dialect postgresql (all 28 rules)");
      line(r, "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
          + " cpus; " + changesets + " changesets / " + tables + " tables; " + warmup + " warm-up + " + runs
          + " measured rounds, a/b/c in rotating order");
      line(r, "");
      line(r, String.format(Locale.ROOT, "%-44s %8s %8s", "medians, wall ms", "total", "lint"));
      line(r, String.format(Locale.ROOT, "%-44s %8d %8s", "(a) verify (reader + integrity + gate)", median(a), "-"));
      line(r, String.format(Locale.ROOT, "%-44s %8d %8d", "(b) verify+lint, " + changesets + " pending", median(b),
          median(lintOnlyB)));
      line(r, String.format(Locale.ROOT, "%-44s %8d %8d", "(c) verify+lint, " + changesets / 2 + " released + "
          + (changesets - changesets / 2) + " pending", median(c), median(lintOnlyC)));
      line(r, "");
      line(r, String.format(Locale.ROOT, "lint overhead, %d pending: %+.1f%% (medians), %+.1f%% (paired median); "
          + "lint step alone %.1f%% of (a); %d findings", changesets, pct(median(b), median(a)), paired(b, a),
          100.0 * median(lintOnlyB) / median(a), findingsB));
      line(r, String.format(Locale.ROOT, "lint overhead, half released (extra snapshot at the released point): %+.1f%% "
          + "(medians), %+.1f%% (paired median); %d findings", pct(median(c), median(a)), paired(c, a), findingsC));
      line(r, String.format(Locale.ROOT, "inside (a): changelog reader + integrity check %d ms (the verify goal reads "
          + "the changelog for the integrity file with or without lint; lint reuses that list)", median(readerA)));
      line(r, "");
      line(r, "raw runs, ms (a / b / c):");
      for (int i = 0; i < a.size(); i++) {
        line(r, "  " + ms(a.get(i)) + " / " + ms(b.get(i)) + " / " + ms(c.get(i)));
      }
      System.out.println();
      System.out.print(r);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, r, StandardCharsets.UTF_8);
      System.out.println("results written to " + out.toAbsolutePath());
    } finally {
      deleteTree(dir);
    }
  }

  /** {total, reader+integrity} in nanos. */
  private long[] verify(ChangelogSource changelog, GateSettings settings) {
    System.gc();
    long t0 = System.nanoTime();
    List<ChangeSetInfo> all = new ChangelogReader().read(changelog);
    new IntegrityCheck().check(SumFile.EMPTY, all);
    long t1 = System.nanoTime();
    check(gate.verify(settings).passed(), "verify failed");
    return new long[] {System.nanoTime() - t0, t1 - t0};
  }

  /** {total, lint step, findings} in nanos. */
  private long[] verifyAndLint(ChangelogSource changelog, GateSettings settings, boolean halfReleased, Path reports) {
    System.gc();
    long t0 = System.nanoTime();
    List<ChangeSetInfo> all = new ChangelogReader().read(changelog);
    IntegrityResult integrity = new IntegrityCheck().check(halfReleased
        ? SumFile.releasing(all.subList(0, all.size() / 2)) : SumFile.EMPTY, all);
    Gate.Verified verified = gate.verify(settings, integrity.released().size());
    check(verified.result().passed(), "verify failed");
    long l0 = System.nanoTime();
    List<ChangeSetInfo> pending = integrity.pending();
    LintContext context = LintContext.builder().dialect(Dialect.POSTGRESQL).pending(pending)
        .released(verified.staged().released()).result(verified.staged().built().model())
        .pendingChanges(verified.staged().pendingChanges()).changelog(changelog.path())
        .sources(ChangeSetSources.read(changelog.root(), pending)).build();
    LintReport report = new Linter(registry).lint(context, LintSettings.DEFAULT);
    new SarifWriter().write(report, new SarifWriter.Options("src/main/resources", Optional.empty(), Optional.empty()),
        reports);
    new JUnitLintWriter().write(report, reports);
    long end = System.nanoTime();
    check(report.pendingChangesets() == pending.size(), "lint judged " + report.pendingChangesets());
    return new long[] {end - t0, end - l0, report.findings().size()};
  }

  private static long median(List<Long> nanos) {
    long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return ms(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
  }

  private static double paired(List<Long> num, List<Long> den) {
    double[] r = new double[num.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = 100.0 * (num.get(i) - den.get(i)) / den.get(i);
    }
    Arrays.sort(r);
    return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  }

  private static double pct(long value, long base) {
    return 100.0 * (value - base) / base;
  }

  private static long ms(long nanos) {
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

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
