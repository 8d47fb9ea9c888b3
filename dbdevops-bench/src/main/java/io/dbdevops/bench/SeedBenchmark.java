package io.dbdevops.bench;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.seed.Seeder;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * dbdevops:seed's generator into the local PostgreSQL: the example project's schema (five tables, two levels of
 * foreign keys, unique columns, a check), {@code bench.seed.rows} rows per table (default 20,000; order_status kept as
 * reference data), 3 rounds on fresh databases, rows per second of the seed alone (the schema snapshot included).
 * Goal (issue 12): at least 20,000 rows/s. {@code mvn -B -Pbench -pl dbdevops-bench compile exec:java@seed}
 */
public final class SeedBenchmark {

  private SeedBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.seed.rows", 20_000);
    ChangelogSource example = new ChangelogSource(Path.of(System.getProperty("bench.example",
        "../example-project/src/main/resources")).toAbsolutePath(), "db/changelog/db.changelog-master.xml");
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      String name = "dbdevops_bench_seed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      try (Connection admin = BenchSupport.connect("postgres"); Statement st = admin.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      try {
        try (Connection c = BenchSupport.connect(name)) {
          new LiquibaseRunner().update(c, example, LiquibaseRunner.UpdateOptions.DEFAULT);
          long t0 = System.nanoTime();
          SchemaModel model = new SchemaCrawlerSnapshotter().snapshot(c, Dialect.POSTGRESQL, SnapshotScope.of("public"));
          Seeder.Result result = new Seeder().seed(c, Dialect.POSTGRESQL, model, java.util.Optional.empty(),
              new SeedSettings(round, rows, Map.of(), Map.of(), Set.of("order_status")));
          double seconds = (System.nanoTime() - t0) / 1e9;
          double rate = result.rows() / seconds;
          rates.add(rate);
          System.out.printf("round %d: %d rows in %d tables in %.2f s = %.0f rows/s%n", round, result.rows(),
              result.tables().size(), seconds, rate);
        }
      } finally {
        try (Connection admin = BenchSupport.connect("postgres"); Statement st = admin.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + name);
        }
      }
    }
    Collections.sort(rates);
    double median = rates.get(1);
    System.out.printf("seed into PostgreSQL: median %.0f rows/s (goal >= 20000: %s)%n", median,
        median >= 20_000 ? "met" : "missed by " + Math.round(20_000 - median) + " rows/s");
  }
}
