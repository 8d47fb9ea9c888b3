package io.dbdevops.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbdevops.SetupException;
import io.dbdevops.deploy.DeployResult;
import io.dbdevops.deploy.Deployer;
import io.dbdevops.env.BackupPolicy;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backups before lossy deploys and rollbacks, and restore, against real PostgreSQL and MariaDB: a deploy drops a
 * column holding data; the backup's manifest is checked against the files; the table is rolled back and emptied; the
 * restore puts every row and value back; a table holding rows and a changed file are refused, changing nothing.
 */
class BackupRestoreTest {

  @TempDir
  Path backups;

  private static final String ROWS = "SELECT id, customer_id, note, total, coupon FROM orders ORDER BY id";

  private static DeployResult deploy(LiveTarget target, String changelog) {
    DeployResult r = new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(
        target, RecoveryFixture.settings(changelog)));
    assertThat(r.validated()).as(r.validationLines().toString()).isTrue();
    return r;
  }

  private static void fill(RecoveryFixture f) throws Exception {
    f.execute("INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace')",
        "INSERT INTO orders (id, customer_id, note, total, coupon) VALUES "
            + "(1, 1, 'leave at the door, \"ring\" twice', 10.50, 'SUMMER'), "
            + "(2, 2, '', 0.00, NULL), "
            + "(3, 1, NULL, NULL, 'X'), "
            + "(4, 2, 'line one\nline two', 99999999.99, ''), "
            + "(5, 1, 'ünïcödé €', 1.00, 'é')");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDeployThatDropsAColumnHoldingDataIsBackedUpAndRestoredRowForRow(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      // v2: no lossy changeset, so no backup under LOSSY
      assertThat(deploy(f.target(), "v2").backup()).isEmpty();
      fill(f);
      List<String> before = f.strings(ROWS);
      assertThat(before).hasSize(5);

      DeployResult lossy = deploy(f.target(), "v3");

      assertThat(f.columns("orders")).doesNotContain("note");
      Backup backup = lossy.backup().orElseThrow();
      assertThat(backup.directory().getParent()).isEqualTo(backups.resolve("rec"));
      assertThat(backup.directory().getFileName().toString()).matches("\\d{8}T\\d{6}Z");
      assertThat(backup.tables()).extracting(Backup.TableCopy::table).containsExactly("orders");
      assertThat(backup.reason()).contains("drop column orders");
      // the manifest: rows and SHA-256 as the files are, the changesets about to run, the anchor
      JsonNode manifest = new ObjectMapper().readTree(backup.directory().resolve("manifest.json").toFile());
      assertThat(manifest.path("environment").asText()).isEqualTo("rec");
      assertThat(manifest.path("appliedCount").asInt()).isEqualTo(3);
      assertThat(manifest.path("changesets").get(0).asText()).endsWith("::004-drop-note::rec");
      JsonNode table = manifest.path("tables").get(0);
      Path csv = backup.directory().resolve(table.path("file").asText());
      assertThat(table.path("rows").asLong()).isEqualTo(5);
      assertThat(table.path("sha256").asText()).isEqualTo(sha256(csv));
      assertThat(Files.readAllLines(csv).get(0)).isEqualTo("id,customer_id,note,total,coupon");
      assertThat(table.path("columns").toString()).contains("note");
      JsonNode anchor = manifest.path("pointInTimeRecovery");
      if (f.postgres()) {
        assertThat(anchor.path("lsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(anchor.path("walFile").asText()).matches("[0-9A-F]{24}");
      } else {
        assertThat(anchor.has("binlogFile") || anchor.path("note").asText().contains("log_bin=OFF")).isTrue();
        assertThat(anchor.has("gtid")).isTrue();
      }
      String recovery = Files.readString(backup.directory().resolve("RECOVERY.md"));
      assertThat(recovery).contains("mvn dbdevops:restore -Ddbdevops.environment=rec -Ddbdevops.backup="
          + backup.directory());
      if (f.postgres()) {
        assertThat(recovery).contains("recovery_target_lsn = '" + anchor.path("lsn").asText() + "'");
      }

      // back to the shape the backup was taken at, the table emptied
      RollbackOutcome back = new Rollbacker(ShadowProviders.load()).rollback(new Rollbacker.Request(
          f.target(BackupPolicy.NEVER, false), RecoveryFixture.settings("v3"), "count:1", RecoveryFixture.sum("v3"),
          false, Optional.empty(), null));
      assertThat(back.validated()).isTrue();
      f.execute("DELETE FROM orders");
      // the rollback put note back at the end: the shape differs from the backup's, and restore says so
      assertThatThrownBy(() -> new Restorer().restore(new Restorer.Request(f.target(), "latest", Optional.empty())))
          .isInstanceOf(SetupException.class).hasMessageContaining("cannot restore table orders: its columns are");
      // the table as the backup has it: a fresh database at v2
      f.execute("DROP TABLE orders", "DROP TABLE customers", "DROP TABLE DATABASECHANGELOG");
      deploy(f.target(), "v2");
      f.execute("INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace')");

      Restorer.Result restored = new Restorer().restore(new Restorer.Request(f.target(), "latest", Optional.empty()));

      assertThat(restored.tables()).containsExactly(new Restorer.Loaded("orders", 5));
      assertThat(f.strings(ROWS)).isEqualTo(before);

      // a table holding rows is refused, nothing changed
      assertThatThrownBy(() -> new Restorer().restore(new Restorer.Request(f.target(), backup.directory().toString(),
          Optional.empty()))).isInstanceOf(SetupException.class).hasMessageContaining("table orders: it holds 5 rows");
      assertThat(f.strings(ROWS)).isEqualTo(before);

      // a changed file is refused before anything, naming it
      f.execute("DELETE FROM orders");
      Files.writeString(csv, Files.readString(csv).replace("Ada", "Eve").replace("SUMMER", "WINTER"));
      assertThatThrownBy(() -> new Restorer().restore(new Restorer.Request(f.target(), "latest", Optional.empty())))
          .isInstanceOf(SetupException.class).hasMessageContaining(csv.toString())
          .hasMessageContaining("was changed after the backup");
      assertThat(f.strings(ROWS)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRollbackThatDropsWhatItsChangesetsMadeIsBackedUp(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(), "v2");
      fill(f);
      RollbackOutcome r = new Rollbacker(ShadowProviders.load()).rollback(new Rollbacker.Request(f.target(),
          RecoveryFixture.settings("v2"), "count:1", RecoveryFixture.sum("v2"), false, Optional.empty(), null));
      // rolling back 003-coupon drops orders.coupon, which holds values
      Backup b = r.backup().orElseThrow();
      assertThat(b.purpose()).isEqualTo("rollback");
      assertThat(b.reason()).contains("drop column orders");
      assertThat(b.tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(5));
      assertThat(f.columns("orders")).doesNotContain("coupon");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedBackupStopsTheDeployBeforeAnyChange(Engine engine) throws Exception {
    Path notADirectory = Files.writeString(backups.resolve("a-file"), "not a directory");
    try (RecoveryFixture f = RecoveryFixture.create(engine, notADirectory)) {
      deploy(f.target(), "v2");
      fill(f);
      assertThatThrownBy(() -> new Deployer(ShadowProviders.load()).deploy(Deployer.Request.of(
          f.target(), RecoveryFixture.settings("v3")))).isInstanceOf(SetupException.class)
          .hasMessageContaining("the backup before the deploy of environment 'rec'")
          .hasMessageContaining("nothing was changed")
          .hasMessageContaining("-Ddbdevops.backup=NEVER");
      assertThat(f.columns("orders")).contains("note");
      assertThat(f.history()).containsExactly("001-customers", "002-orders", "003-coupon");
      assertThat(f.strings(ROWS)).hasSize(5);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void policiesAlwaysAndNever(Engine engine) throws Exception {
    try (RecoveryFixture f = RecoveryFixture.create(engine, backups)) {
      deploy(f.target(BackupPolicy.NEVER, false), "v1");
      f.execute("INSERT INTO orders (id, customer_id, note) VALUES (1, 1, 'a')");
      assertThat(deploy(f.target(BackupPolicy.ALWAYS, false), "v2").backup()).hasValueSatisfying(b ->
          assertThat(b.tables()).extracting(Backup.TableCopy::table).containsExactly("orders"));
      assertThat(deploy(f.target(BackupPolicy.NEVER, false), "v3").backup()).isEmpty();
    }
  }
}
