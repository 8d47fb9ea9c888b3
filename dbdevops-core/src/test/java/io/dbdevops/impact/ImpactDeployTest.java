package io.dbdevops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.deploy.DeployFailedException;
import io.dbdevops.deploy.DeployResult;
import io.dbdevops.deploy.Deployer;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deploy's impact record, lock timeout with retries, history and roll-forward report, against real PostgreSQL and
 * MariaDB; the other session's lock is held on a connection of the test's own.
 */
class ImpactDeployTest {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyDeployWritesItsImpactAndItsHistoryRowWhichDriftNeverSees(Engine engine) throws Exception {
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      DeployResult first = deployer.deploy(Deployer.Request.of(
          f.target(ONE_SECOND, 3), f.changelog(ImpactFixture.ORDERS))
          .impact(new ImpactSettings("1.0", Optional.empty(), w -> { })));
      assertThat(first.validated()).as(first.validationLines().toString()).isTrue();
      DeployImpact impact = first.impact().orElseThrow();
      assertThat(impact.outcome()).isEqualTo(DeployImpact.Outcome.SUCCEEDED);
      assertThat(impact.changeSets()).extracting(DeployImpact.ChangeSetRun::label, DeployImpact.ChangeSetRun::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("1 (imp)", "EXECUTED"));
      assertThat(impact.changeSets().get(0).location()).startsWith("db/changelog.xml:");
      DeployImpact.TableImpact orders = impact.tables().stream().filter(t -> t.table().equals("orders")).findFirst()
          .orElseThrow();
      assertThat(orders.before()).as("made by the deploy: no before").isEmpty();
      assertThat(orders.after().orElseThrow().bytes().orElseThrow()).isPositive();
      if (f.postgres()) {
        assertThat(orders.after().get().rows()).contains(3L);
      }

      // the second deploy: the history table the first made must not be drift (driftPolicy FAIL would block)
      String grow = f.postgres() ? "INSERT INTO orders (id, note) SELECT g, repeat('x', 150) FROM generate_series(4, 20000) g"
          : "INSERT INTO orders (id, note) SELECT seq, REPEAT('x', 150) FROM seq_4_to_20000";
      DeployResult second = deployer.deploy(Deployer.Request.of(
          f.target(ONE_SECOND, 3), f.changelog(ImpactFixture.ORDERS,
                    ImpactFixture.ADD_STATUS, "<sql>" + grow + "</sql>"))
          .impact(new ImpactSettings("1.1", Optional.of("abc123"), w -> { })));
      assertThat(second.blocked()).as(second.drift().lines().toString()).isFalse();
      assertThat(second.validated()).as(second.validationLines().toString()).isTrue();
      DeployImpact.TableImpact grown = second.impact().orElseThrow().tables().stream()
          .filter(t -> t.table().equals("orders")).findFirst().orElseThrow();
      assertThat(grown.before()).isPresent();
      if (f.postgres()) {
        assertThat(grown.after().get().bytes().get()).isGreaterThan(grown.before().get().bytes().get());
        assertThat(grown.after().get().rows().get()).isGreaterThan(grown.before().get().rows().get());
      }

      try (Connection c = f.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT VERSION, OUTCOME, CHANGESETS, PLAN_ID, DEPLOYMENT_IDS FROM DBDEVOPS_DEPLOY_HISTORY ORDER BY STARTED")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " "
              + (rs.getString(5) != null && !rs.getString(5).isBlank()));
        }
        assertThat(rows).containsExactly("1.0 SUCCEEDED 1 null true", "1.1 SUCCEEDED 2 abc123 true");
      }
      DeployHistory.Result history = DeployHistory.read(f.target(ONE_SECOND, 3));
      assertThat(history.deploys()).extracting(DeployHistory.Deploy::version).containsExactly("1.1", "1.0");
      assertThat(history.deploys().get(0).changeSets()).containsExactly("2 (imp)", "3 (imp)");
      assertThat(history.deploys().get(1).changeSets()).containsExactly("1 (imp)");
    }
  }

  /** Another session holds a lock that conflicts with the next changeset's ALTER, in an open transaction. */
  private static Connection holdLock(ImpactFixture f) throws Exception {
    Connection holder = f.connect();
    holder.setAutoCommit(false);
    try (Statement st = holder.createStatement()) {
      if (f.postgres()) {
        st.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
      } else {
        st.executeQuery("SELECT * FROM orders FOR UPDATE").close();
      }
    }
    return holder;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aChangesetWaitingForALockIsRetriedAndSucceedsOnceTheLockIsGone(Engine engine) throws Exception {
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 3), f.changelog(ImpactFixture.ORDERS)));
      List<String> warnings = Collections.synchronizedList(new ArrayList<>());
      try (Connection holder = holdLock(f)) {
        long pid = LockSampler.sessionId(holder, f.postgres() ? io.dbdevops.config.Dialect.POSTGRESQL
            : io.dbdevops.config.Dialect.MARIADB);
        DeployResult r = deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 3), f.changelog(ImpactFixture.ORDERS,
                        ImpactFixture.ADD_STATUS))
            .impact(new ImpactSettings("1.1", Optional.empty(), w -> {
                          warnings.add(w);
                          try {
                            holder.rollback(); // released after the first timeout
                          } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                          }
                        })));
        assertThat(r.validated()).as(r.validationLines().toString()).isTrue();
        DeployImpact impact = r.impact().orElseThrow();
        assertThat(impact.lockRetries()).isEqualTo(1);
        assertThat(impact.changeSets()).singleElement().satisfies(c -> {
          assertThat(c.label()).isEqualTo("2 (imp)");
          assertThat(c.lockTimeouts()).isEqualTo(1);
          assertThat(c.outcome()).isEqualTo("EXECUTED");
        });
        assertThat(impact.lockWaits()).anySatisfy(w -> {
          assertThat(w.direction()).isEqualTo(LockWait.Direction.DEPLOY_WAITS);
          assertThat(w.pid()).isEqualTo(pid);
          assertThat(w.changeSet()).isEqualTo("2 (imp)");
        });
        assertThat(warnings).singleElement().asString().contains("changeset 2 (imp)", "waited 1s for a lock held by "
            + "session " + pid, "retry 1 of 3");
      }
      try (Connection c = f.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT OUTCOME, LOCK_RETRIES FROM DBDEVOPS_DEPLOY_HISTORY WHERE VERSION = '1.1'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getInt(2)).isEqualTo("SUCCEEDED 1");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aLockHeldThroughEveryRetryFailsTheDeployNamingTheBlockingSession(Engine engine) throws Exception {
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 1), f.changelog(ImpactFixture.ORDERS)));
      List<String> warnings = Collections.synchronizedList(new ArrayList<>());
      try (Connection holder = holdLock(f)) {
        long pid = LockSampler.sessionId(holder, f.postgres() ? io.dbdevops.config.Dialect.POSTGRESQL
            : io.dbdevops.config.Dialect.MARIADB);
        var settings = f.changelog(ImpactFixture.ORDERS, ImpactFixture.ADD_STATUS);
        DeployFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(DeployFailedException.class,
            () -> deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 1), settings)
                .impact(new ImpactSettings("1.1", Optional.empty(), warnings::add))));
        assertThat(failed).hasMessageContaining("changeset 2 (author imp)");
        RollForward rf = failed.result().failure().orElseThrow();
        assertThat(rf.lockTimeout()).isTrue();
        assertThat(rf.blocker()).hasValueSatisfying(b -> assertThat(b.pid()).isEqualTo(pid));
        assertThat(rf.failed()).isEqualTo("2 (imp)");
        assertThat(rf.leftBehind()).isEmpty();
        assertThat(failed.result().impact().orElseThrow().lockRetries()).isEqualTo(1);
        assertThat(warnings).hasSize(1);
        holder.rollback();
      }
      try (Connection c = f.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT OUTCOME, LOCK_RETRIES, FAILED_CHANGESET, CHANGESETS FROM DBDEVOPS_DEPLOY_HISTORY WHERE VERSION = '1.1'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getInt(4))
            .isEqualTo("FAILED 1 2 (imp) in db/changelog.xml:" + rs.getString(3).replaceAll(".*:", "") + " 0");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedChangesetsLeftoversAreNamedInTheRollForwardReport(Engine engine) throws Exception {
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 1), f.changelog(ImpactFixture.ORDERS)));
      // a row only the environment has (rows of an ordinary table are not drift): the changeset passes on the drift
      // check's shadow and fails on the environment, after its first statement made a table
      f.execute("INSERT INTO orders (id, note) VALUES (100, 'live only')");
      String broken = "<sql>CREATE TABLE left_over (id INT PRIMARY KEY)</sql>\n"
          + "<sql>INSERT INTO orders (id, note) VALUES (100, 'again')</sql>";
      var settings = f.changelog(ImpactFixture.ORDERS, ImpactFixture.ADD_STATUS, broken);
      DeployFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(DeployFailedException.class,
          () -> deployer.deploy(Deployer.Request.of(f.target(ONE_SECOND, 1), settings)
              .impact(new ImpactSettings("1.2", Optional.empty(), w -> { }))));
      assertThat(failed).hasMessageContaining("changeset 3 (author imp)");
      RollForward rf = failed.result().failure().orElseThrow();
      assertThat(rf.applied()).containsExactly("2 (imp)");
      assertThat(rf.failed()).isEqualTo("3 (imp)");
      assertThat(rf.lockTimeout()).isFalse();
      assertThat(rf.databaseMessage().toLowerCase(java.util.Locale.ROOT)).contains("duplicate");
      if (f.postgres()) {
        assertThat(rf.leftBehind()).as("PostgreSQL rolled the changeset back").isEmpty();
        assertThat(String.join("\n", rf.liveDiff())).contains("left_over");
      } else {
        assertThat(String.join("\n", rf.leftBehind())).as("MariaDB committed the CREATE TABLE").contains("left_over");
        assertThat(String.join("\n", rf.liveDiff())).doesNotContain("left_over");
      }
      assertThat(failed.result().impact().orElseThrow().changeSets()).extracting(DeployImpact.ChangeSetRun::outcome)
          .containsExactly("EXECUTED", "FAILED");
      try (Connection c = f.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT OUTCOME, CHANGESETS, MESSAGE FROM DBDEVOPS_DEPLOY_HISTORY WHERE VERSION = '1.2'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getInt(2)).isEqualTo("FAILED 1");
        assertThat(rs.getString(3).toLowerCase(java.util.Locale.ROOT)).contains("duplicate");
      }
    }
  }
}
