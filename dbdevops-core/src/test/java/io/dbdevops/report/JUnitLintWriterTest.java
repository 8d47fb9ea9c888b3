package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitLintWriterTest {

  @Test
  void blockingFindingsAreFailuresAcceptedOnesSkippedAndCleanRulesPass() throws Exception {
    String xml = new JUnitLintWriter().render(LintReportFixtures.failing());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("dbdevops-lint");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("DBD103");
    assertThat(failure.getTextContent()).contains("orders.note is dropped by changeset 100-drop-note",
        "docs/rules/DBD103.md");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("accepted: emptied & archived in 2.3, see \"JIRA-12\"");
    assertThat(((Element) skipped.getParentNode()).getAttribute("name"))
        .isEqualTo("DBD101 legacy_<import> (db/changelog/changes/102-drop-legacy.xml:7)");
  }

  @Test
  void aCleanRunIsOnePassingTestPerRule() {
    String xml = new JUnitLintWriter().render(LintReportFixtures.clean());
    assertThat(xml).contains("tests=\"1\" failures=\"0\"").contains("name=\"DBD103 drop-column: no findings\"");
  }
}
