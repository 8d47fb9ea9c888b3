package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.HalfApplied;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of a deploy at random points, round after round, each on a fresh database: the next deploy completes
 * without a manual step (it releases the Liquibase lock the dead one left, and on PostgreSQL a changeset and its
 * history row are one transaction), every changeset is in DATABASECHANGELOG exactly once and the live schema is the
 * expected one (the deploy's own validation). Where MariaDB was left with a changeset half applied (its DDL is not
 * transactional), the next deploy stops naming the changeset and what of it is there; the test then undoes that by
 * hand, as a user would, and deploys again. The seed is printed; {@code -Ddbdevops.test.crashSeed=N} repeats a run,
 * {@code -Ddbdevops.test.crashRounds=N} changes the number of rounds (default 20).
 */
class DeployCrashTest {

  private static final int CHANGESETS = 12;
  private static final int LANES = 1;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDeployKilledAtRandomPointsIsRecoveredByTheNextDeploy(Engine engine, @TempDir Path dir) throws Exception {
    Server server = TestDatabases.require(engine);
    int rounds = Integer.getInteger("dbdevops.test.crashRounds", 20);
    long seed = Long.getLong("dbdevops.test.crashSeed", System.nanoTime());
    System.err.println("[dbdevops tests] " + engine + " crash rounds: " + rounds + ", seed " + seed
        + " (-Ddbdevops.test.crashSeed=" + seed + " repeats it)");
    ChangelogSource changelog = DeployProcesses.changelog(dir, engine, CHANGESETS, true);
    Map<String, Integer> outcomes = new TreeMap<>();
    // two lanes of rounds at once, each with its next child warming up while its round runs
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        int first = lane + 1;
        done.add(lanes.submit(() -> {
          DeployProcesses.Child next = DeployProcesses.start(changelog, server);
          try {
            for (int round = first; round <= rounds; round += LANES) {
              DeployProcesses.Child child = next;
              next = round + LANES <= rounds ? DeployProcesses.start(changelog, server) : null;
              String outcome = round(engine, server, changelog, child, new Random(seed + round), round);
              synchronized (outcomes) {
                outcomes.merge(outcome, 1, Integer::sum);
              }
            }
          } finally {
            if (next != null) {
              next.close();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error; // an assertion of a round
          }
          throw (Exception) e.getCause();
        }
      }
    } finally {
      lanes.shutdownNow();
    }
    System.err.println("[dbdevops tests] " + engine + " crash outcomes: " + outcomes);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(rounds);
  }

  /** One round on a fresh database: the child deploys and is killed, then the next deploy must recover. */
  private static String round(Engine engine, Server server, ChangelogSource changelog, DeployProcesses.Child child,
      Random random, int round) throws Exception {
    DriftDetector.Settings settings = new DriftDetector.Settings(changelog);
    try (TempDatabase db = server.createDatabase()) {
      Set<String> shadows = new LinkedHashSet<>();
      try {
        String what = crash(child, db, random);
        shadows.addAll(child.shadows());
        LiveTarget target = DeployChild.target(db.url(), server.user().orElse(""));
        DeployResult result = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(target, settings));
        String outcome = what;
        for (String line : result.recovered()) {
          if (line.startsWith("released")) {
            assertThat(line).startsWith("released a stale Liquibase lock (DATABASECHANGELOGLOCK) held since ").contains(" by ");
            outcome += ", stale Liquibase lock released";
          } else {
            assertThat(line).matches("recorded changeset \\d{3} \\(author crash, db/changelog.xml:\\d+\\) as run: .*");
            outcome += ", completely applied changeset recorded";
          }
        }
        if (result.halfApplied().isPresent()) {
          assertThat(engine).as("a changeset half applied on PostgreSQL: " + result.halfApplied()).isEqualTo(Engine.MARIADB);
          HalfApplied half = result.halfApplied().get();
          String message = half.message(target.description());
          System.err.println("[dbdevops tests] round " + round + ": " + message);
          assertHalfAppliedNamesWhatIsThere(db, half, message);
          undo(db, half);
          result = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(target, settings));
          outcome = outcome + ", stopped on half-applied changeset, undone by hand";
        }
        assertThat(result.blocked()).as("round %d (%s): %s", round, what, result.drift().lines()).isFalse();
        assertThat(result.validated()).as("round %d (%s): %s", round, what, result.validationLines()).isTrue();
        DeployProcesses.assertDeployedOnceAndUnlocked(db, CHANGESETS);
        System.err.println("[dbdevops tests] " + engine + " round " + round + ": " + outcome);
        return outcome.replaceAll("\\d+ ms", "n ms").replaceAll("after \\d+ changesets", "after k changesets");
      } finally {
        child.close();
        // the killed deploy could not drop its temporary shadow database: the test does (a later build would)
        dropLeftovers(server, shadows);
      }
    }
  }

  /** Lets the child deploy, and kills it: after a random number of applied changesets and a few ms, or at random. */
  private static String crash(DeployProcesses.Child child, TempDatabase db, Random random) throws Exception {
    child.await("ready");
    boolean byProgress = random.nextInt(5) > 0;
    int after = random.nextInt(CHANGESETS);
    long delay = random.nextInt(byProgress ? 120 : 2000);
    child.go(db.url());
    if (byProgress) {
      for (int i = 0; i < after; i++) {
        String line = child.lines.poll(DeployProcesses.BOUND_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        if (line == null || line.equals("eof") || line.startsWith("done") || line.startsWith("error")) {
          break;
        }
        if (!line.startsWith("applied")) {
          i--;
        }
      }
    }
    Thread.sleep(delay);
    boolean alive = child.process.isAlive();
    child.kill();
    return alive ? (byProgress ? "killed after " + after + " changesets + " + delay + " ms" : "killed at " + delay + " ms")
        : "finished before the kill";
  }

  private static void assertHalfAppliedNamesWhatIsThere(TempDatabase db, HalfApplied half, String message)
      throws Exception {
    // the changeset named is the first one without its history row
    Set<String> recorded = DeployProcesses.history(db).keySet();
    String firstMissing = null;
    for (int i = 1; i <= CHANGESETS; i++) {
      String id = String.format("%03d", i);
      if (!recorded.contains(id)) {
        firstMissing = id;
        break;
      }
    }
    assertThat(half.id()).isEqualTo(firstMissing);
    assertThat(message).contains("changeset " + half.id() + " (author crash, db/changelog.xml:")
        .containsAnyOf("is half applied on environment 'crash'", "ran on environment 'crash'")
        .contains("There: table ");
    assertThat(half.there()).isNotEmpty();
    for (SchemaChange c : half.there()) {
      assertThat(message).contains("table " + c.objectName());
    }
  }

  /** What a user does with the message: drops the tables and columns of the half-applied changeset that are there. */
  private static void undo(TempDatabase db, HalfApplied half) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (SchemaChange change : half.there()) {
        if (change instanceof SchemaChange.TableAdded t) {
          st.execute("DROP TABLE " + t.table().name());
        } else if (change instanceof SchemaChange.ColumnAdded col) {
          st.execute("ALTER TABLE " + col.tableName() + " DROP COLUMN " + col.column().name());
        } else {
          throw new AssertionError("unexpected half-applied part: " + change);
        }
      }
    }
  }

  private static void dropLeftovers(Server server, Set<String> shadows) throws Exception {
    List<String> existing = new ArrayList<>(server.databases());
    for (String name : shadows) {
      if (existing.contains(name)) {
        server.execute(server.engine() == Engine.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
            : "DROP DATABASE IF EXISTS " + name);
      }
    }
  }
}
