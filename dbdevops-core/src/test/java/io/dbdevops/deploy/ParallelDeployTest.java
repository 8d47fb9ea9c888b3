package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
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
            Callable<DeployResult> task = () -> new Deployer(ShadowProviders.load()).deploy(target,
                new DriftDetector.Settings(EXAMPLE), a -> { });
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
}
