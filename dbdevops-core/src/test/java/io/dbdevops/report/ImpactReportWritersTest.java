package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.impact.DeployHistory;
import io.dbdevops.impact.DeployHistoryTable;
import io.dbdevops.impact.DeployImpact;
import io.dbdevops.impact.LockWait;
import io.dbdevops.impact.RollForward;
import io.dbdevops.impact.TableSizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy and history pages and files, from records (no database). */
class ImpactReportWritersTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private static DeployImpact failedImpact() {
    LockWait wait = new LockWait(LockWait.Direction.DEPLOY_WAITS, 4242, "app", "billing-api",
        "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "Lock:relation", Duration.ofMillis(1500), "002 (imp)", true);
    RollForward rf = new RollForward(List.of("001 (imp)"), "002 (imp)", "db/changelog.xml:9",
        "ERROR: canceling statement due to lock timeout", true, Optional.of(wait),
        List.of("table left_over", "  + table left_over (1 column)"), List.of("table orders", "  - column status"),
        List.of("fix forward"));
    return new DeployImpact("prod", "jdbc:postgresql://db/shop", Dialect.POSTGRESQL, T0, T0.plusMillis(3200),
        DeployImpact.Outcome.FAILED, List.of(new DeployImpact.ChangeSetRun("001", "imp", "db/changelog.xml:3",
            Duration.ofMillis(120), "EXECUTED", 0), new DeployImpact.ChangeSetRun("002", "imp", "db/changelog.xml:9",
            Duration.ofMillis(1000), "FAILED", 2)), List.of(wait), List.of(new DeployImpact.TableImpact("orders",
            Optional.of(new TableSizes.Size(Optional.of(8192L), Optional.of(3L))),
            Optional.of(new TableSizes.Size(Optional.of(16384L), Optional.of(3L))))), Duration.ofSeconds(1), 1, 1, 20,
        List.of(), "1.4.0", Optional.of("abc"), List.of("1234567890"), Optional.of(rf));
  }

  @Test
  void theDeployReportShowsChangesetsWaitsSizesAndTheRollForward(@TempDir Path dir) throws Exception {
    Path html = new DeployReportWriter().write(failedImpact(), dir);
    assertThat(html).hasFileName("deploy-prod.html");
    String page = Files.readString(html);
    assertThat(page).contains("Roll forward: 002 (imp) failed", "session 4242 (app, billing-api, LOCK TABLE orders IN "
        + "ACCESS EXCLUSIVE MODE)", "table left_over\n  + table left_over (1 column)", "FAILED")
        .doesNotContain("<script", "http://", "https://");
    assertThat(page.split("<svg class=\"chart\"", -1)).hasSize(3);
    String md = Files.readString(dir.resolve("deploy-prod.md"));
    assertThat(md).contains("| 002 (imp) | db/changelog.xml:9 | 1000 ms | FAILED | 2 |",
        "| orders | 8 kB | 16 kB | 3 | 3 |", "| the deploy | session 4242");
    String json = Files.readString(dir.resolve("deploy-prod.json"));
    assertThat(json).contains("\"sessionsWaitedFor\" : 1", "\"longestWaitMillis\" : 1500", "\"lockTimeouts\" : 2",
        "\"leftBehind\" : [ \"table left_over\"");
  }

  @Test
  void theDeployReportShowsTheBackupTakenBeforeTheUpdateWithItsRestoreCommand(@TempDir Path dir) throws Exception {
    io.dbdevops.recovery.Backup backup = new io.dbdevops.recovery.Backup(dir.resolve("backups/prod/20261203T120000Z"),
        "prod", "postgresql", T0, "deploy", "<backup>LOSSY</backup>: drop column orders.note",
        List.of("db/changelog.xml::002::imp"), 1, List.of(new io.dbdevops.recovery.Backup.TableCopy("public", "orders",
            "public.orders.csv", 3, "ab12cd34", List.of(new io.dbdevops.recovery.Backup.Column("id", "integer")))),
        java.util.Map.of("lsn", "0/1A2B3C4"));
    String page = Files.readString(new DeployReportWriter().write(failedImpact(), Optional.of(backup), dir));
    String folder = dir.resolve("backups/prod/20261203T120000Z").toString();
    assertThat(page).contains("<h2>Backup <span class=\"count\">taken before the first statement",
        "<code>" + folder + "</code>", "&lt;backup&gt;LOSSY&lt;/backup&gt;: drop column orders.note", "WAL LSN 0/1A2B3C4",
        "mvn dbdevops:restore -Ddbdevops.environment=prod -Ddbdevops.backup=" + folder,
        "<td><code>public.orders</code></td><td class=\"num\">3</td><td>public.orders.csv</td>");
    assertThat(Files.readString(dir.resolve("deploy-prod.md"))).contains("## Backup before the update",
        "| public.orders | 3 | public.orders.csv | ab12cd34 |",
        "To put its rows back: `mvn dbdevops:restore -Ddbdevops.environment=prod -Ddbdevops.backup=" + folder + "`");
    assertThat(Files.readString(dir.resolve("deploy-prod.json"))).contains("\"backup\" : {", "\"sha256\" : \"ab12cd34\"",
        "\"lsn\" : \"0/1A2B3C4\"");
    // without a backup: no panel
    assertThat(Files.readString(new DeployReportWriter().write(failedImpact(), dir))).doesNotContain("<h2>Backup");
  }

  @Test
  void theHistoryListsNewestFirstAndPlainLiquibaseDeploysWithoutARecord(@TempDir Path dir) throws Exception {
    DeployHistoryTable.Entry entry = new DeployHistoryTable.Entry("e", T0.plusSeconds(60), T0.plusSeconds(63), "FAILED",
        0, "1.4.0", Optional.empty(), List.of(), 1, Optional.of("002 (imp) in db/changelog.xml:9"),
        Optional.of("lock timeout"), "dev");
    DeployHistory.Result history = new DeployHistory.Result("prod", "jdbc:postgresql://db/shop", Dialect.POSTGRESQL,
        true, List.of(new DeployHistory.Deploy(T0.plusSeconds(60), List.of(), List.of(), Optional.of(entry)),
            new DeployHistory.Deploy(T0, List.of("111"), List.of("001 (imp)"), Optional.empty())));
    String page = Files.readString(new HistoryReportWriter().write(history, dir));
    assertThat(page).contains("2 deploys (1 recorded by dbdevops, 1 by plain Liquibase), 1 changeset",
        "failed: 002 (imp) in db/changelog.xml:9", "LIQUIBASE", "<svg class=\"chart\"");
    String md = Files.readString(dir.resolve("history-prod.md"));
    assertThat(md.indexOf("FAILED")).isLessThan(md.indexOf("LIQUIBASE"));
  }

  @Test
  void anotherSessionsStatementNeverShowsAPassword() {
    LockWait w = new LockWait(LockWait.Direction.BLOCKED_BY_DEPLOY, 7, "admin", "psql",
        "ALTER ROLE app PASSWORD 's3cret'; SET PASSWORD FOR x = 'pw2'; CREATE USER y IDENTIFIED BY 'pw3'", "", Duration.ZERO,
        "", true);
    assertThat(w.query()).doesNotContain("s3cret", "pw2", "pw3").contains("PASSWORD '****'", "IDENTIFIED BY '****'");
  }
}
