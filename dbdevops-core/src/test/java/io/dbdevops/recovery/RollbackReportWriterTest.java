package io.dbdevops.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbdevops.config.Dialect;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.report.RollbackReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollback-E.{json,md,html}: what a reader of each file needs to find in it. */
class RollbackReportWriterTest {

  @TempDir
  Path dir;

  private static RollbackOutcome outcome(boolean dryRun) {
    DriftReport drift = new DriftReport("prod", "jdbc:postgresql://db/app", Dialect.POSTGRESQL, "shadow", 4,
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), false, DriftPolicy.FAIL,
        new DriftReport.Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO));
    Backup backup = new Backup(Path.of("/backups/prod/20261202T120000Z"), "prod", "postgresql",
        Instant.parse("2026-12-02T12:00:00Z"), "rollback", "<backup>LOSSY</backup>: drop column orders",
        List.of("db/4.xml::4-drop::rec"), 4, List.of(new Backup.TableCopy("public", "orders", "orders.csv", 12, "ab12",
            List.of(new Backup.Column("id", "integer")))), Map.of("lsn", "0/16B3748", "walFile",
            "000000010000000000000001", "timeline", "1"));
    return new RollbackOutcome("prod", "postgresql", "1.0.0", 4, 2, Optional.of("4-drop (rec)"),
        Optional.of("2-orders (rec)"), List.of(
            new RollbackOutcome.Step("4-drop", "rec", "db/4.xml:5", List.of("ALTER TABLE public.orders ADD note TEXT"),
                Duration.ofMillis(30)),
            new RollbackOutcome.Step("3-coupon", "rec", "db/3.xml:5", List.of("ALTER TABLE public.orders DROP COLUMN "
                + "coupon"), Duration.ofMillis(12))), dryRun, false, drift, dryRun ? Optional.empty()
            : Optional.of(backup), List.of(), Duration.ofMillis(900));
  }

  @Test
  void writesTheThreeFilesWithChangesetsBackupAndValidation() throws Exception {
    Path html = new RollbackReportWriter().write(outcome(false), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("rollback-prod.json").toFile());
    assertThat(json.path("from").path("applied").asInt()).isEqualTo(4);
    assertThat(json.path("to").path("lastChangeset").asText()).isEqualTo("2-orders (rec)");
    assertThat(json.path("changesets").get(0).path("statements").get(0).asText())
        .isEqualTo("ALTER TABLE public.orders ADD note TEXT");
    assertThat(json.path("changesets").get(1).path("durationMillis").asLong()).isEqualTo(12);
    assertThat(json.path("backup").path("tables").get(0).path("rows").asLong()).isEqualTo(12);
    assertThat(json.path("backup").path("pointInTimeRecovery").path("lsn").asText()).isEqualTo("0/16B3748");
    assertThat(json.path("validation").path("validated").asBoolean()).isTrue();
    String md = Files.readString(dir.resolve("rollback-prod.md"));
    assertThat(md).contains("| 4-drop | rec | db/4.xml:5 | 30 ms |", "ALTER TABLE public.orders DROP COLUMN coupon;",
        "- orders: 12 rows, orders.csv, sha256 ab12", "WAL LSN 0/16B3748");
    String page = Files.readString(html).replace("&#61;", "=");
    assertThat(page).contains("<svg class=\"chart\"", "validated", "/backups/prod/20261202T120000Z",
        "mvn dbdevops:restore -Ddbdevops.environment=prod -Ddbdevops.backup=/backups/prod/20261202T120000Z")
        .doesNotContain("<script", "http://", "https://");
  }

  @Test
  void aDryRunSaysSoAndHasNoValidation() throws Exception {
    new RollbackReportWriter().write(outcome(true), dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("rollback-prod.json").toFile());
    assertThat(json.path("dryRun").asBoolean()).isTrue();
    assertThat(json.path("validation").isNull()).isTrue();
    assertThat(json.path("changesets").get(0).path("durationMillis").isNull()).isTrue();
    assertThat(Files.readString(dir.resolve("rollback-prod.html"))).contains("dry run: 2 changesets would be rolled back");
  }
}
