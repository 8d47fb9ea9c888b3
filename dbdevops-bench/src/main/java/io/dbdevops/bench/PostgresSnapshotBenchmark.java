package io.dbdevops.bench;

import static io.dbdevops.bench.BenchSupport.check;
import static io.dbdevops.bench.BenchSupport.line;
import static io.dbdevops.bench.BenchSupport.median;
import static io.dbdevops.bench.BenchSupport.millis;
import static io.dbdevops.bench.BenchSupport.pairedRatio;
import static io.dbdevops.bench.BenchSupport.ratio;
import static io.dbdevops.bench.BenchSupport.raw;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.SnapshotCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/**
 * On a temporary database of the local PostgreSQL server holding the generated changelog (default 500 tables, 2,000
 * changesets, applied by Liquibase), measures side by side, alternating in each round:
 * <ul>
 *   <li>(a) dbdevops: {@link SchemaCrawlerSnapshotter#snapshot} of schema {@code public}, on a fresh JDBC connection;</li>
 *   <li>(b) Liquibase: its {@code snapshot} command (CommandScope, {@link SnapshotCommandStep}, database argument,
 *       schema {@code public}, output discarded), on a fresh JDBC connection;</li>
 *   <li>(c) {@code pg_dump --schema-only -h HOST -U USER DB > /dev/null} as a process.</li>
 * </ul>
 * Each figure includes opening the connection (pg_dump opens its own). Prints medians, the ratios Liquibase/dbdevops and
 * dbdevops/pg_dump, and the JDBC round trips of one dbdevops snapshot. The database is dropped at the end, on failure
 * too. System properties: {@code bench.tables} (500), {@code bench.runs} (5), {@code bench.warmup} (1), {@code bench.out}.
 * Run: {@code mvn -B -Pbench -pl dbdevops-bench compile exec:java@pg-snapshot}
 */
public final class PostgresSnapshotBenchmark {

  private final SchemaCrawlerSnapshotter snapshotter = new SchemaCrawlerSnapshotter();

  public static void main(String[] args) throws Exception {
    int tables = Integer.getInteger("bench.tables", 500);
    int runs = Integer.getInteger("bench.runs", 5);
    int warmup = Integer.getInteger("bench.warmup", 1);
    Path out = Path.of(System.getProperty("bench.out", "target/pg-snapshot-bench-results.txt"));
    new PostgresSnapshotBenchmark().run(tables, runs, warmup, out);
  }

  private void run(int tables, int runs, int warmup, Path out) throws Exception {
    StringBuilder report = new StringBuilder();
    line(report, "snapshot of a PostgreSQL database: dbdevops (SchemaCrawler) vs Liquibase snapshot vs pg_dump --schema-only");
    line(report, BenchSupport.environment() + ", " + liquibase.util.LiquibaseUtil.getBuildVersion() + " (liquibase)");
    List<Long> dbd = new ArrayList<>();
    List<Long> lb = new ArrayList<>();
    List<Long> dump = new ArrayList<>();
    try (BenchSupport.TempDatabase db = new BenchSupport.TempDatabase(tables)) {
      line(report, String.format(Locale.ROOT, "setup: database %s, %d tables / %d changesets applied by LiquibaseRunner in "
          + "%d ms", db.name, tables, db.changesets, db.deployMillis));
      line(report, "rounds: " + warmup + " warm-up (discarded) + " + runs + " measured; each round runs dbdevops, "
          + "Liquibase, pg_dump in turn; each figure includes opening its connection");

      // round trips of one dbdevops snapshot, counted outside the timed runs
      SchemaModel counted;
      BenchSupport.CountingConnection counting;
      try (Connection c = BenchSupport.connect(db.name)) {
        counting = new BenchSupport.CountingConnection(c);
        counted = snapshotter.snapshot(counting.connection, Dialect.POSTGRESQL, SnapshotScope.of("public"));
      }
      int objects = counted.objectCount();
      check(counted.tables().size() >= tables, "dbdevops snapshot saw " + counted.tables().size() + " tables, expected "
          + tables);

      for (int round = 0; round < warmup + runs; round++) {
        boolean measured = round >= warmup;
        long a = dbdevops(db.name, objects);
        long b = liquibase(db.name);
        long c = pgDump(db.name);
        if (measured) {
          dbd.add(a);
          lb.add(b);
          dump.add(c);
        }
        System.out.printf(Locale.ROOT, "%s: dbdevops %d ms, liquibase %d ms, pg_dump %d ms%n",
            measured ? "run " + (round - warmup + 1) + "/" + runs : "warm-up", millis(a), millis(b), millis(c));
      }

      line(report, "");
      line(report, "medians of " + runs + " runs, wall ms (" + tables + " tables, " + db.changesets + " changesets; "
          + "dbdevops model: " + counted.tables().size() + " tables, " + objects + " objects)");
      line(report, String.format(Locale.ROOT, "%-28s %8s   %s", "", "median", "raw runs"));
      line(report, String.format(Locale.ROOT, "%-28s %8d   %s", "(a) dbdevops snapshot", median(dbd), raw(dbd)));
      line(report, String.format(Locale.ROOT, "%-28s %8d   %s", "(b) liquibase snapshot", median(lb), raw(lb)));
      line(report, String.format(Locale.ROOT, "%-28s %8d   %s", "(c) pg_dump --schema-only", median(dump), raw(dump)));
      line(report, "");
      line(report, String.format(Locale.ROOT, "liquibase / dbdevops = %.2f (paired %.2f)   target >= 5.00: %s",
          ratio(lb, dbd), pairedRatio(lb, dbd), ratio(lb, dbd) >= 5 ? "met" : "NOT met"));
      line(report, String.format(Locale.ROOT, "dbdevops / pg_dump   = %.2f (paired %.2f)   target <= 2.00: %s",
          ratio(dbd, dump), pairedRatio(dbd, dump), ratio(dbd, dump) <= 2 ? "met" : "NOT met"));
      line(report, "paired = median over rounds of the per-round ratio");
      line(report, "liquibase snapshot output (text format, discarded): " + liquibaseOutputBytes + " bytes in the last run");
      line(report, "");
      Map<String, Integer> kinds = counting.byKind();
      line(report, String.format(Locale.ROOT, "JDBC calls of one dbdevops snapshot (%d tables): %d statements created, "
          + "%d statement executions, %d DatabaseMetaData calls returning a result set, %d other DatabaseMetaData calls",
          tables, counting.total("create."), counting.total("execute."), counting.total("metadata.resultSet."),
          counting.total("metadata.other")));
      kinds.forEach((k, v) -> line(report, String.format(Locale.ROOT, "  %-44s %d", k, v)));
    }
    System.out.println();
    System.out.print(report);
    BenchSupport.write(out, report);
  }

  private long dbdevops(String database, int expectedObjects) throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    SchemaModel model;
    try (Connection c = BenchSupport.connect(database)) {
      model = snapshotter.snapshot(c, Dialect.POSTGRESQL, SnapshotScope.of("public"));
    }
    long took = System.nanoTime() - t0;
    check(model.objectCount() == expectedObjects, "dbdevops snapshot: " + model.objectCount() + " objects, expected "
        + expectedObjects);
    return took;
  }

  /** Liquibase's own snapshot command on the same database; its output (text format) is discarded. */
  /** Bytes Liquibase's snapshot command wrote (and the benchmark discarded) in its last run: proof it did the work. */
  private static long liquibaseOutputBytes;

  private static long liquibase(String database) throws Exception {
    System.gc();
    long[] bytes = {0};
    OutputStream counter = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    };
    long t0 = System.nanoTime();
    try (Connection c = BenchSupport.connect(database)) {
      Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      Map<String, Object> scope = new HashMap<>();
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      scope.put("liquibase.showBanner", false);
      scope.put("liquibase.analytics.enabled", false);
      Scope.child(scope, () -> {
        new CommandScope(SnapshotCommandStep.COMMAND_NAME)
            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
            .addArgumentValue(SnapshotCommandStep.SCHEMAS_ARG, "public")
            .setOutput(counter)
            .execute();
      });
    }
    long took = System.nanoTime() - t0;
    liquibaseOutputBytes = bytes[0];
    return took;
  }

  private static long pgDump(String database) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("pg_dump", "--schema-only", "-h", BenchSupport.HOST, "-p",
        Integer.toString(BenchSupport.PORT), "-U", BenchSupport.USER, database)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    int rc = p.waitFor();
    long took = System.nanoTime() - t0;
    check(rc == 0, "pg_dump exited with " + rc);
    return took;
  }
}
