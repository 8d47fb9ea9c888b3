package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.SharedExpectedStates;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.LiquibaseThreads;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TempDatabaseList;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deploys of the example project's changelog (tables, a sequence, a view) to several databases of one server at once,
 * each on its own thread as a fleet run does: every deploy applies everything and validates (its expected state, built
 * on its own shadow, equals its live schema).
 */
class ParallelDeployTest {

  private static final int DATABASES = 4;
  /** More with the environment variable DBDEVOPS_PARALLEL_ROUNDS (a longer hunt for races). */
  private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("DBDEVOPS_PARALLEL_ROUNDS", "2"));
  private static final ChangelogSource EXAMPLE = new ChangelogSource(
      Path.of("../example-project/src/main/resources").toAbsolutePath().normalize(),
      "db/changelog/db.changelog-master.xml");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void parallelDeploysEachValidateAgainstTheirOwnShadow(Engine engine) throws Exception {
    TestDatabases.Server server = TestDatabases.require(engine);
    ExecutorService pool = Executors.newFixedThreadPool(DATABASES);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        try (TempDatabaseList dbs = TempDatabaseList.create(server, DATABASES)) {
          List<Future<DeployResult>> futures = new ArrayList<>();
          for (int i = 0; i < DATABASES; i++) {
            TestDatabases.TempDatabase db = dbs.get(i);
            Environment env = new Environment("e" + i, List.of("e" + i), db.url(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), UpdateOptions.DEFAULT, List.of(), DriftPolicy.FAIL, List.of());
            LiveTarget target = new LiveTarget(env, server.user(), server.password());
            Callable<DeployResult> task = () -> new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(
                target, new DriftDetector.Settings(EXAMPLE)));
            futures.add(pool.submit(LiquibaseThreads.own(task)));
          }
          for (int i = 0; i < DATABASES; i++) {
            DeployResult r = futures.get(i).get();
            assertThat(r.blocked()).as("round %d, database %d: %s", round, i, r.drift().lines()).isFalse();
            assertThat(r.validated()).as("round %d, database %d: %s", round, i, r.validationDifferences()).isTrue();
            assertThat(r.applied()).hasSize(7);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A fleet's deploys share the run's parses and expected states ({@link SharedExpectedStates}): six databases, three
   * at a time, each parse used by one environment at a time. Every database ends with the example's tables, view and
   * history as the engine's own catalog lists them; a rerun on the same databases (the parses now used by updates that
   * ran) applies nothing and validates; a serial run of six makes one set of parses.
   */
  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void fleetDeploysShareTheRunsParsesOneEnvironmentAtATime(Engine engine) throws Exception {
    TestDatabases.Server server = TestDatabases.require(engine);
    int databases = 6;
    int threads = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (TempDatabaseList dbs = TempDatabaseList.create(server, databases);
        TempDatabaseList serial = TempDatabaseList.create(server, databases)) {
      SharedExpectedStates shared = new SharedExpectedStates();
      for (int pass = 0; pass < 2; pass++) {
        List<Future<DeployResult>> futures = new ArrayList<>();
        for (int i = 0; i < databases; i++) {
          LiveTarget target = target(server, dbs.get(i), i);
          futures.add(pool.submit(LiquibaseThreads.own(() -> new Deployer(ShadowProviders.load()).deploy(
              Deployer.Request.of(target, new DriftDetector.Settings(EXAMPLE).sharing(shared))))));
        }
        for (int i = 0; i < databases; i++) {
          DeployResult r = futures.get(i).get();
          assertThat(r.validated()).as("pass %d, database %d: %s", pass, i, r.validationDifferences()).isTrue();
          assertThat(r.applied()).as("pass %d, database %d", pass, i).hasSize(pass == 0 ? 7 : 0);
          assertThat(catalog(dbs.get(i))).as("database %d", i).isEqualTo(EXPECTED_RELATIONS);
          assertThat(historyRows(dbs.get(i))).isEqualTo(7);
        }
      }
      assertThat(shared.parses().made()).as("parses: at most one set per thread").isBetween(1, threads);

      SharedExpectedStates one = new SharedExpectedStates();
      for (int i = 0; i < databases; i++) {
        DeployResult r = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(
            target(server, serial.get(i), i), new DriftDetector.Settings(EXAMPLE).sharing(one)));
        assertThat(r.validated()).as("serial, database %d: %s", i, r.validationDifferences()).isTrue();
        assertThat(catalog(serial.get(i))).isEqualTo(EXPECTED_RELATIONS);
      }
      assertThat(one.parses().made()).as("a serial fleet parses once").isEqualTo(1);
      assertThat(one.size()).as("one expected state for all six fresh databases").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The example's tables and view, lower case, as the engine's information_schema lists them. */
  private static final List<String> EXPECTED_RELATIONS = List.of("customers:BASE TABLE", "order_lines:BASE TABLE",
      "order_status:BASE TABLE", "order_totals:VIEW", "orders:BASE TABLE", "products:BASE TABLE");

  private static LiveTarget target(TestDatabases.Server server, TestDatabases.TempDatabase db, int i) {
    Environment env = new Environment("e" + i, List.of("e" + i), db.url(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), UpdateOptions.DEFAULT, List.of(), DriftPolicy.FAIL, List.of());
    return new LiveTarget(env, server.user(), server.password());
  }

  private static List<String> catalog(TestDatabases.TempDatabase db) throws Exception {
    List<String> names = new ArrayList<>();
    try (java.sql.Connection c = db.connect(); java.sql.PreparedStatement st = c.prepareStatement(
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = "
            + (db.server().engine() == Engine.MARIADB ? "DATABASE()" : "current_schema()")
            + " AND table_type IN ('BASE TABLE', 'VIEW') AND lower(table_name) NOT LIKE 'databasechangelog%'"
            + " AND lower(table_name) NOT LIKE 'dbdevops%'")) {
      try (java.sql.ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT) + ":" + rs.getString(2));
        }
      }
    }
    java.util.Collections.sort(names);
    return names;
  }

  private static int historyRows(TestDatabases.TempDatabase db) throws Exception {
    try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + (db.server().engine() == Engine.MARIADB
            ? "DATABASECHANGELOG" : "databasechangelog"))) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
