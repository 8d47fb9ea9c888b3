package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SarifWriterTest {

  private static final SarifWriter.Options OPTIONS = new SarifWriter.Options("src/main/resources",
      Optional.of("https://example.org/dbdevops/docs/rules"), Optional.of("0.1.0"));

  private static Schema schema() throws Exception {
    try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  @Test
  void validatesAgainstTheSarif210Schema() throws Exception {
    Schema schema = schema();
    for (String sarif : List.of(new SarifWriter().render(LintReportFixtures.failing(), OPTIONS),
        new SarifWriter().render(LintReportFixtures.clean(), new SarifWriter.Options("", Optional.empty(),
            Optional.empty())))) {
      List<Error> errors = schema.validate(sarif, InputFormat.JSON);
      assertThat(errors).as("schema errors in%n%s", sarif).isEmpty();
    }
  }

  @Test
  void theSchemaCheckCatchesAnInvalidDocument() throws Exception {
    String broken = new SarifWriter().render(LintReportFixtures.failing(), OPTIONS).replace("\"level\" : \"warning\"",
        "\"level\" : \"serious\"");
    assertThat(schema().validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void resultsPointAtTheChangelogFileInTheProjectWithRulesLevelsAndSuppressions() throws Exception {
    JsonNode run = new ObjectMapper().readTree(new SarifWriter().render(LintReportFixtures.failing(), OPTIONS))
        .at("/runs/0");

    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("dbdevops");
    assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("DBD103");
    assertThat(run.at("/tool/driver/rules/0/name").asText()).isEqualTo("drop-column");
    assertThat(run.at("/tool/driver/rules/0/helpUri").asText())
        .isEqualTo("https://example.org/dbdevops/docs/rules/DBD103.md");
    JsonNode drop = run.at("/results/0");
    assertThat(drop.get("ruleId").asText()).isEqualTo("DBD103");
    assertThat(drop.get("level").asText()).isEqualTo("error");
    assertThat(drop.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("src/main/resources/db/changelog/changes/100-drop-note.xml");
    assertThat(drop.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(8);
    assertThat(drop.at("/message/text").asText()).startsWith("DBD103 drop-column: orders.note is dropped by changeset");
    assertThat(run.at("/results/1/level").asText()).isEqualTo("warning");
    assertThat(run.at("/results/2/level").asText()).isEqualTo("note");
    JsonNode accepted = run.at("/results/3");
    assertThat(accepted.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(accepted.at("/suppressions/0/justification").asText()).isEqualTo("emptied & archived in 2.3, see \"JIRA-12\"");
    assertThat(run.at("/results/0/suppressions").isMissingNode()).isTrue();
  }
}
