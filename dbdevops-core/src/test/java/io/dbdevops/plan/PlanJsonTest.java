package io.dbdevops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan id and the comparison of a stored plan.json, without a database. */
class PlanJsonTest {

  @TempDir
  Path temp;

  private static Plan plan(String parameter, String sql) {
    return new Plan(null, "prod", "postgresql", "sha256:" + "0".repeat(64),
        Plan.Settings.of(Optional.of("prod"), Optional.empty(), Map.of("role", parameter)), List.of(),
        List.of(new Plan.PlannedChangeSet("002-phone", "it", "db/changes.xml", "db/changes.xml:4", "9:abc", List.of(sql),
            Reversibility.AUTO, false, List.of())),
        List.of("table customers", "  + column phone varchar(30) null"), List.of(), Optional.empty()).identified();
  }

  @Test
  void theIdIsTheHashOfTheContentAndNamesNothingOfTheMachine() throws Exception {
    Plan a = plan("reporting", "ALTER TABLE customers ADD phone VARCHAR(30)");
    assertThat(a.planId()).matches("[0-9a-f]{16}").isEqualTo(plan("reporting", "ALTER TABLE customers ADD phone VARCHAR(30)").planId());
    assertThat(plan("acme", "ALTER TABLE customers ADD phone VARCHAR(30)").planId()).isNotEqualTo(a.planId());
    String json = PlanJson.write(a);
    assertThat(json).startsWith("{\n  \"planId\" : \"" + a.planId() + "\"").contains("\"requiredVersionBump\" : null");
    Path file = temp.resolve("plan.json");
    Files.writeString(file, json);
    assertThat(PlanJson.idOf(PlanJson.read(file))).isEqualTo(a.planId());
    assertThat(PlanDifferences.between(PlanJson.read(file), a)).isEmpty();
    // every file is the same for the same plan
    for (PlanWriter w : PlanWriter.all()) {
      assertThat(w.render(a)).isEqualTo(w.render(plan("reporting", "ALTER TABLE customers ADD phone VARCHAR(30)")));
    }
  }

  @Test
  void theDifferencesNameTheParameterTheSqlAndAnEditedPlanFile() throws Exception {
    Plan approved = plan("reporting", "ALTER TABLE customers ADD phone VARCHAR(30)");
    Path file = temp.resolve("plan.json");
    Files.writeString(file, PlanJson.write(approved));
    Plan now = plan("acme", "ALTER TABLE customers ADD phone VARCHAR(50)");
    assertThat(PlanDifferences.between(PlanJson.read(file), now)).containsExactly(
        "parameter: changelog parameter role 'reporting' → 'acme'",
        "changeset 002-phone (db/changes.xml:4): its SQL changed: statement 1 was 'ALTER TABLE customers ADD phone "
            + "VARCHAR(30)', now 'ALTER TABLE customers ADD phone VARCHAR(50)'");

    // someone edits the approved file's SQL to match: the file no longer gives its own id
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode tree = (ObjectNode) mapper.readTree(file.toFile());
    ((ArrayNode) tree.path("changesets").get(0).path("sql")).set(0, "DROP TABLE customers");
    Files.writeString(file, mapper.writeValueAsString(tree));
    assertThat(PlanDifferences.between(PlanJson.read(file), approved))
        .contains("the stored plan.json was edited after it was written: its content no longer gives its id "
            + approved.planId());
  }
}
