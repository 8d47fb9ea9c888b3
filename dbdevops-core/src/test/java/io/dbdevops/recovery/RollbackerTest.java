package io.dbdevops.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.deploy.DeployResult;
import io.dbdevops.deploy.Deployer;
import io.dbdevops.env.BackupPolicy;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** dbdevops:rollback's core against real PostgreSQL and MariaDB, each result read back from the engine's catalog. */
class RollbackerTest {

  @TempDir
  Path backups;

  private final Rollbacker rollbacker = new Rollbacker(ShadowProviders.load());

  private RollbackOutcome rollback(LiveTarget target, String changelog, String to, boolean dryRun,
      Optional<String> confirm) {
    return rollbacker.rollback(new Rollbacker.Request(target, RecoveryFixture.settings(changelog), to,
        RecoveryFixture.sum(changelog), dryRun, confirm, null));
  }

  private static void deploy(LiveTarget target, String changelog) {
    DeployResult r = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(
        target, RecoveryFixture.settings(changelog)));
    assertThat(r.validated()).as(r.validationLines().toString()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rollsBackToAReleasedVersion(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v3");
      assertThat(f.columns("orders")).containsExactly("id", "customer_id", "total", "coupon");

      RollbackOutcome r = rollback(f.target(BackupPolicy.NEVER, false), "v3", "1.0.0", false, Optional.empty());

      assertThat(r.validated()).as(r.validationLines().toString()).isTrue();
      assertThat(r.steps()).extracting(RollbackOutcome.Step::id).containsExactly("004-drop-note", "003-coupon");
      assertThat(r.fromCount()).isEqualTo(4);
      assertThat(r.toCount()).isEqualTo(2);
      assertThat(r.steps().get(0).statements()).anyMatch(s -> s.toUpperCase().contains("ADD") && s.contains("note"));
      assertThat(r.steps().get(1).statements()).anyMatch(s -> s.toUpperCase().contains("DROP") && s.contains("coupon"));
      // the catalog: note is back (at the end, where addColumn puts it), coupon gone
      assertThat(f.columns("orders")).containsExactly("id", "customer_id", "total", "note");
      assertThat(f.history()).containsExactly("001-customers", "002-orders");

      // again (a fleet's rerun): at 1.0.0 already, nothing to do, nothing changed
      RollbackOutcome again = rollback(f.target(BackupPolicy.NEVER, false), "v3", "1.0.0", false, Optional.empty());
      assertThat(again.steps()).isEmpty();
      assertThat(again.fromCount()).isEqualTo(2);
      assertThat(again.toCount()).isEqualTo(2);
      assertThat(again.validated()).isTrue();
      assertThat(io.dbdevops.report.RollbackReportWriter.headline(again))
          .isEqualTo("nothing to roll back: at 1.0.0 already (2 applied)");
      assertThat(f.columns("orders")).containsExactly("id", "customer_id", "total", "note");
      assertThat(f.history()).containsExactly("001-customers", "002-orders");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rollsBackTheLastNAppliedChangesets(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v3");

      RollbackOutcome r = rollback(f.target(BackupPolicy.NEVER, false), "v3", "count:1", false, Optional.empty());

      assertThat(r.validated()).as(r.validationLines().toString()).isTrue();
      assertThat(r.steps()).extracting(RollbackOutcome.Step::id).containsExactly("004-drop-note");
      assertThat(f.columns("orders")).containsExactly("id", "customer_id", "total", "coupon", "note");
      assertThat(f.history()).containsExactly("001-customers", "002-orders", "003-coupon");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDryRunPrintsTheSqlAndChangesNothing(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v3");
      List<String> tables = f.tables();
      List<String> columns = f.columns("orders");
      List<String> history = f.strings("SELECT ID, ORDEREXECUTED, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");

      RollbackOutcome r = rollback(f.target(), "v3", "1.0.0", true, Optional.empty());

      assertThat(r.dryRun()).isTrue();
      assertThat(r.backup()).isEmpty();
      assertThat(r.steps()).hasSize(2).allSatisfy(s -> assertThat(s.statements()).isNotEmpty());
      assertThat(f.tables()).isEqualTo(tables);
      assertThat(f.columns("orders")).isEqualTo(columns);
      assertThat(f.strings("SELECT ID, ORDEREXECUTED, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"))
          .isEqualTo(history);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anIrreversibleChangesetInRangeIsRefusedBeforeAnyChange(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "irreversible");
      List<String> columns = f.columns("orders");

      assertThatThrownBy(() -> rollback(f.target(), "irreversible", "1.0.0", false, Optional.empty()))
          .isInstanceOf(InvalidChangeException.class)
          .hasMessageContaining("changeset 005-backfill (author rec, db/changes/005-backfill.xml:")
          .hasMessageContaining("Roll forward instead");
      assertThat(f.columns("orders")).isEqualTo(columns);
      assertThat(f.history()).containsExactly("001-customers", "002-orders", "003-coupon", "005-backfill");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesWhatItCannotDoNamingTheSetting(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v2");
      assertThatThrownBy(() -> rollback(f.target(), "v2", "9.9.9", false, Optional.empty()))
          .isInstanceOf(SetupException.class).hasMessageContaining("-Ddbdevops.rollbackTo")
          .hasMessageContaining("never released");
      assertThatThrownBy(() -> rollback(f.target(), "v2", "count:7", false, Optional.empty()))
          .isInstanceOf(SetupException.class).hasMessageContaining("-Ddbdevops.rollbackTo=count:7");
      assertThatThrownBy(() -> rollback(f.target(), "v2", "count:0", false, Optional.empty()))
          .isInstanceOf(SetupException.class).hasMessageContaining("nothing to roll back");
      assertThatThrownBy(() -> rollback(f.target(BackupPolicy.LOSSY, true), "v2", "count:1", false, Optional.empty()))
          .isInstanceOf(SetupException.class).hasMessageContaining("-Ddbdevops.rollback.confirm=rec");
      assertThat(f.history()).containsExactly("001-customers", "002-orders", "003-coupon");
      // confirmed, the protected environment is rolled back
      RollbackOutcome r = rollback(f.target(BackupPolicy.LOSSY, true), "v2", "count:1", false, Optional.of("rec"));
      assertThat(r.validated()).isTrue();
      assertThat(f.history()).containsExactly("001-customers", "002-orders");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void driftBlocksTheRollbackUnderFail(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v2");
      f.execute("ALTER TABLE orders ADD COLUMN hotfix VARCHAR(10)");
      RollbackOutcome r = rollback(f.target(), "v2", "count:1", false, Optional.empty());
      assertThat(r.blocked()).isTrue();
      assertThat(r.drift().lines()).anyMatch(l -> l.contains("hotfix"));
      assertThat(f.history()).containsExactly("001-customers", "002-orders", "003-coupon");
      assertThat(f.columns("orders")).contains("coupon", "hotfix");
    }
  }
}
