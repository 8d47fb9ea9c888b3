package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftFixture;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deploy, status and the errors around them, against real PostgreSQL and MariaDB. */
class DeployTest {

  private static DriftDetector.Settings settings(io.dbdevops.config.ChangelogSource changelog) {
    return new DriftDetector.Settings(changelog);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void deploysPendingChangesetsOneLineEachThenValidates(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      List<AppliedChangeSet> progress = Collections.synchronizedList(new ArrayList<>());
      DeployResult first = deployer.deploy(Deployer.Request.of(f.target(), settings(DriftFixture.CHANGELOG))
          .onEach(progress::add));
      assertThat(first.blocked()).as(first.drift().lines().toString()).isFalse();
      assertThat(first.validated()).as(first.validationLines().toString()).isTrue();
      assertThat(progress).extracting(AppliedChangeSet::id).startsWith("001-customers", "002-orders")
          .hasSize(f.postgres() ? 6 : 5);

      StatusReport status = new Status().read(f.target(), DriftFixture.NEXT);
      assertThat(status.applied()).isEqualTo(f.postgres() ? 6 : 5);
      assertThat(status.pending()).extracting(c -> c.id()).containsExactly("007-customers-phone");
      assertThat(status.lastDeployment()).isPresent();

      DeployResult next = deployer.deploy(Deployer.Request.of(f.target(), settings(DriftFixture.NEXT)));
      assertThat(next.applied()).extracting(AppliedChangeSet::id).containsExactly("007-customers-phone");
      assertThat(next.validated()).as(next.validationLines().toString()).isTrue();
      assertThat(new Status().read(f.target(), DriftFixture.NEXT).pending()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aChangesetFailingOnTheEnvironmentNamesTheEnvironmentNotAShadow(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      Deployer deployer = new Deployer(ShadowProviders.load());
      deployer.deploy(Deployer.Request.of(f.target(), settings(DriftFixture.CHANGELOG)));
      // a hot fix added the column the next changeset adds; WARN lets the deploy go on, and the changeset fails
      f.execute("ALTER TABLE customers ADD phone VARCHAR(30)");
      assertThatThrownBy(() -> deployer.deploy(Deployer.Request.of(
          f.target(DriftPolicy.WARN), settings(DriftFixture.NEXT))))
          .isInstanceOf(io.dbdevops.InvalidChangeException.class)
          .hasMessageContaining("changeset 007-customers-phone")
          .hasMessageContaining("failed on " + f.target(DriftPolicy.WARN).description())
          .hasMessageNotContaining("shadow");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void driftBlocksTheDeployUnderFailAndNotUnderWarn(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      f.deployWithLiquibase();
      f.execute("ALTER TABLE customers ADD COLUMN nickname VARCHAR(50)");
      Deployer deployer = new Deployer(ShadowProviders.load());
      DeployResult blocked = deployer.deploy(Deployer.Request.of(
          f.target(DriftPolicy.FAIL), settings(DriftFixture.NEXT)));
      assertThat(blocked.blocked()).as(blocked.drift().lines().toString()).isTrue();
      assertThat(blocked.applied()).isEmpty();
      assertThat(blocked.drift().lines()).anyMatch(l -> l.contains("+ column nickname"));

      DeployResult warned = deployer.deploy(Deployer.Request.of(
          f.target(DriftPolicy.WARN), settings(DriftFixture.NEXT)));
      assertThat(warned.blocked()).isFalse();
      assertThat(warned.applied()).extracting(AppliedChangeSet::id).containsExactly("007-customers-phone");
      // the drift that was there before is not a validation failure
      assertThat(warned.validated()).as(warned.validationLines().toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void twoConcurrentDeploysApplyEachChangesetExactlyOnce(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<DeployResult> deploy = () -> new Deployer(ShadowProviders.load())
            .deploy(Deployer.Request.of(f.target(), settings(DriftFixture.NEXT)));
        Future<DeployResult> a = pool.submit(deploy);
        Future<DeployResult> b = pool.submit(deploy);
        DeployResult ra = a.get();
        DeployResult rb = b.get();
        assertThat(ra.applied().size() + rb.applied().size()).isEqualTo(f.postgres() ? 7 : 6);
        assertThat(List.of(ra.applied().size(), rb.applied().size())).contains(0);
        assertThat(ra.validated()).as(ra.validationLines().toString()).isTrue();
        assertThat(rb.validated()).as(rb.validationLines().toString()).isTrue();
      } finally {
        pool.shutdownNow();
      }
      try (Connection c = f.database.connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT ID, COUNT(*) FROM DATABASECHANGELOG GROUP BY ID")) {
        int ids = 0;
        while (rs.next()) {
          assertThat(rs.getInt(2)).as(rs.getString(1)).isEqualTo(1);
          ids++;
        }
        assertThat(ids).isEqualTo(f.postgres() ? 7 : 6);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void driftOnADatabaseLiquibaseNeverDeployedToSaysSo(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      assertThatThrownBy(() -> new DriftDetector(ShadowProviders.load()).check(f.target(), settings(DriftFixture.CHANGELOG)))
          .isInstanceOf(SetupException.class)
          .hasMessageContaining("no DATABASECHANGELOG table in environment 'test'")
          .hasMessageContaining("this database was never deployed by Liquibase");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void driftNeverWritesToTheLiveDatabase(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      f.deployWithLiquibase();
      String before = checksum(f);
      new DriftDetector(ShadowProviders.load()).check(f.target(), settings(DriftFixture.NEXT));
      assertThat(checksum(f)).isEqualTo(before);
      try (Connection c = f.target().connect(true); Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.execute("CREATE TABLE sneaky (id INT)")).hasMessageMatching("(?is).*read.?only.*");
      }
    }
  }

  private static String checksum(DriftFixture f) throws Exception {
    try (Connection c = f.database.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(ORDEREXECUTED) FROM DATABASECHANGELOG")) {
      rs.next();
      return rs.getInt(1) + "/" + rs.getInt(2);
    }
  }
}
