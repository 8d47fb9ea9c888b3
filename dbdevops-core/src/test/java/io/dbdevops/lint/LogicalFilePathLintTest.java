package io.dbdevops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.report.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changelog with a {@code logicalFilePath}: findings point at the file the changeset is written in and its line (the
 * console, the reports, SARIF), acceptances are read from that file, and the changeset keeps Liquibase's identity.
 */
class LogicalFilePathLintTest {

  @TempDir
  Path root;

  @Test
  void findingsPointAtThePhysicalFileAndLineAndAcceptancesAreReadThere() throws Exception {
    write("db/changelog/db.changelog-master.xml", header("") + """
          <include file="changes/050-cleanup.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    write("db/changelog/changes/050-cleanup.xml", header(" logicalFilePath=\"cleanup\"") + """
          <!-- dbdevops:allow DBD104 "the table only ever holds a cache" -->
          <changeSet id="050-reset-cache" author="erin">
            <sql>TRUNCATE TABLE cache</sql>
          </changeSet>
          <changeSet id="051-purge" author="erin" logicalFilePath="legacy/051.xml">
            <sql>DELETE FROM sessions</sql>
          </changeSet>
        </databaseChangeLog>
        """);
    ChangelogSource changelog = new ChangelogSource(root, "db/changelog/db.changelog-master.xml");
    List<ChangeSetInfo> pending = new ChangelogReader().read(changelog);
    LintContext context = LintContext.builder().dialect(Dialect.H2).pending(pending).changelog(changelog.path())
        .sources(ChangeSetSources.read(root, pending)).build();

    LintReport report = new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT);

    Finding truncate = only(report, "DBD104");
    assertThat(truncate.site().file()).isEqualTo("db/changelog/changes/050-cleanup.xml");
    assertThat(truncate.site().line()).isEqualTo(4);
    assertThat(truncate.site().changeSetKey()).contains("cleanup::050-reset-cache::erin");
    assertThat(truncate.acceptedReason()).contains("the table only ever holds a cache");

    Finding purge = only(report, "DBD105");
    assertThat(purge.site().location()).isEqualTo("db/changelog/changes/050-cleanup.xml:7");
    assertThat(purge.headline()).endsWith("by changeset 051-purge (db/changelog/changes/050-cleanup.xml:7)");
    assertThat(purge.site().changeSetKey()).contains("legacy/051.xml::051-purge::erin");

    JsonNode result = sarifResult(report, "DBD105");
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText())
        .isEqualTo("src/main/resources/db/changelog/changes/050-cleanup.xml");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(7);
    // the fingerprint stays Liquibase's identity, so a finding keeps it when the file is moved
    assertThat(result.at("/partialFingerprints/dbdevops~1v1").asText()).endsWith("|legacy/051.xml::051-purge::erin");
  }

  private static Finding only(LintReport report, String code) {
    List<Finding> found = report.findings().stream().filter(f -> f.code().equals(code)).toList();
    assertThat(found).as(code).hasSize(1);
    return found.get(0);
  }

  private static JsonNode sarifResult(LintReport report, String code) throws Exception {
    String sarif = new SarifWriter().render(report, new SarifWriter.Options("src/main/resources", Optional.empty(),
        Optional.empty()));
    for (JsonNode result : new ObjectMapper().readTree(sarif).at("/runs/0/results")) {
      if (result.get("ruleId").asText().equals(code)) {
        return result;
      }
    }
    throw new AssertionError("no " + code + " in " + sarif);
  }

  private static String header(String attributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd"%s>
        """.formatted(attributes);
  }

  private void write(String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
