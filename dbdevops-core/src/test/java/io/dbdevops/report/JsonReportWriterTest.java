package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private final JsonReportWriter writer = new JsonReportWriter();

  @Test
  void passingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT), "passing.report.json");
  }

  @Test
  void failingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT), "failing.report.json");
  }

  @Test
  void failingResultListsEveryDifferenceWithItsTypeAndTheFix() throws Exception {
    JsonNode json = new ObjectMapper().readTree(writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT));

    assertThat(json.get("tool").asText()).isEqualTo("dbdevops");
    assertThat(json.get("goal").asText()).isEqualTo("verify");
    assertThat(json.get("result").asText()).isEqualTo("FAILED");
    assertThat(json.get("dialect").asText()).isEqualTo("h2");
    assertThat(json.get("changesetsApplied").asInt()).isEqualTo(7);
    assertThat(json.at("/objects/state").asInt()).isEqualTo(5);
    assertThat(json.at("/objects/shadow").asInt()).isEqualTo(6);
    assertThat(json.at("/timingsMillis/apply").asLong()).isEqualTo(1234);
    assertThat(json.at("/timingsMillis/total").asLong()).isEqualTo(1748);
    assertThat(json.get("differences")).hasSize(10);
    JsonNode note = json.get("differences").get(2);
    assertThat(note.get("object").asText()).isEqualTo("orders");
    assertThat(note.get("kind").asText()).isEqualTo("table");
    assertThat(note.get("sign").asText()).isEqualTo("+");
    assertThat(note.get("change").asText()).isEqualTo("ColumnAdded");
    assertThat(note.get("description").asText()).isEqualTo("column note varchar(200) null");
    assertThat(json.get("differences").get(7).get("sign").asText()).isEqualTo("-");
    assertThat(json.get("differences").get(9).get("kind").asText()).isEqualTo("sequence");
    assertThat(json.get("fix").asText()).contains("mvn dbdevops:snapshot");
  }

  @Test
  void keysComeInAFixedOrderAndFixIsNullWhenPassed() throws Exception {
    JsonNode json = new ObjectMapper().readTree(writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT));

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("tool", "goal", "result", "changelog", "state", "shadow", "dialect",
        "changesetsApplied", "objects", "timingsMillis", "differences", "fix");
    assertThat(json.get("result").asText()).isEqualTo("PASSED");
    assertThat(json.get("differences")).isEmpty();
    assertThat(json.get("fix").isNull()).isTrue();
  }

  @Test
  void renderingTwiceGivesTheSameText() {
    assertThat(writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT))
        .isEqualTo(new JsonReportWriter().render(ReportFixtures.failing(), ReportFixtures.CONTEXT));
  }
}
