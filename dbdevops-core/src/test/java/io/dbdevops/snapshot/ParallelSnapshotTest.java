package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseThreads;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.model.View;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TempDatabaseList;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Snapshots of several databases at once, as a fleet run takes them: each snapshot holds its own database's objects
 * only. (On MariaDB, read through SchemaCrawler: its {@code SchemaCrawlerUtility.getCatalog} hands every call the same
 * catalog loader instances, so four crawls at once through it fail this test in its first round.)
 */
class ParallelSnapshotTest {

  private static final int DATABASES = 4;
  private static final int ROUNDS = 12;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void parallelSnapshotsEachSeeTheirOwnDatabase(Engine engine) throws Exception {
    TestDatabases.Server server = TestDatabases.require(engine);
    try (TempDatabaseList dbs = TempDatabaseList.create(server, DATABASES)) {
      for (int i = 0; i < DATABASES; i++) {
        try (Connection c = dbs.get(i).connect(); Statement st = c.createStatement()) {
          st.execute("CREATE TABLE t_" + i + " (id INT PRIMARY KEY, n" + i + " INT)");
          st.execute("CREATE VIEW v_" + i + " AS SELECT id, n" + i + " FROM t_" + i);
        }
      }
      Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MARIADB;
      ExecutorService pool = Executors.newFixedThreadPool(DATABASES);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          List<Future<SchemaModel>> futures = new ArrayList<>();
          for (int i = 0; i < DATABASES; i++) {
            TestDatabases.TempDatabase db = dbs.get(i);
            Callable<SchemaModel> task = () -> {
              try (Connection c = db.connect()) {
                String schema = dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema();
                return new SchemaCrawlerSnapshotter().snapshot(c, dialect, SnapshotScope.of(schema));
              }
            };
            futures.add(pool.submit(LiquibaseThreads.own(task)));
          }
          for (int i = 0; i < DATABASES; i++) {
            SchemaModel model = futures.get(i).get();
            assertThat(model.tables()).extracting(Table::name).as("round %d, database %d", round, i)
                .containsExactly("t_" + i);
            assertThat(model.views()).extracting(View::name).containsExactly("v_" + i);
            assertThat(model.views().get(0).definition()).contains("n" + i).contains("t_" + i);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
