package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbdevops.fleet.Fleet;
import io.dbdevops.fleet.OnError;
import io.dbdevops.fleet.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetReportWriterTest {

  @Test
  void writesEveryEnvironmentOfTheShardWithItsOutcome(@TempDir Path dir) throws Exception {
    Instant t = Instant.parse("2026-12-02T08:00:00Z");
    Fleet.Result result = new Fleet.Result(List.of(
        new Fleet.Outcome(new Fleet.Member("prod-eu-1", true), Fleet.Status.OK, "2 changesets applied", t,
            Duration.ofMillis(1200)),
        new Fleet.Outcome(new Fleet.Member("prod-us-1", false), Fleet.Status.FAILED, "blocked by drift <x>", t,
            Duration.ofMillis(300)),
        new Fleet.Outcome(new Fleet.Member("prod-us-3", false), Fleet.Status.SKIPPED, "not started", t, Duration.ZERO)),
        4, OnError.STOP, Duration.ofMillis(1600));
    FleetReportWriter.Run run = new FleetReportWriter.Run("deploy", Optional.of(Shard.parse("1/2")), result);
    Path html = new FleetReportWriter().write(run, dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("fleet.json").toFile());
    assertThat(json.path("goal").asText()).isEqualTo("deploy");
    assertThat(json.path("shard").asText()).isEqualTo("1/2");
    assertThat(json.path("counts").path("failed").asInt()).isEqualTo(1);
    assertThat(json.path("environments")).hasSize(3);
    assertThat(json.path("environments").get(1).path("status").asText()).isEqualTo("FAILED");
    assertThat(json.path("environments").get(2).path("start").isNull()).isTrue();
    assertThat(FleetReportWriter.headline(run)).isEqualTo(
        "3 environments (shard 1/2): 1 OK, 1 FAILED, 1 SKIPPED in 1600 ms (parallel 4, onError STOP)");
    String page = Files.readString(html);
    assertThat(page).contains("<svg class=\"chart\"", "blocked by drift &lt;x&gt;", "class=\"status-FAILED\"")
        .doesNotContain("http://", "https://", "<script");
    assertThat(Files.readString(dir.resolve("fleet.md"))).contains("| prod-eu-1 | yes | OK | 1200 ms | 2 changesets applied |");
  }
}
