package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The lint section of report.json / report.md / report.html, in verify's report and in the lint goal's own. */
class LintSectionTest {

  private static final ReportContext VERIFY = ReportFixtures.CONTEXT.withLint(LintReportFixtures.failing());
  private static final ReportContext LINT = new ReportContext("lint", "").withLint(LintReportFixtures.failing());

  @Test
  void goldenFilesOfTheLintGoal() throws Exception {
    Golden.assertMatches(new JsonReportWriter().renderLint(LINT), "lint.report.json");
    Golden.assertMatches(new MarkdownReportWriter().renderLint(LINT), "lint.report.md");
    Golden.assertMatches(new HtmlReportWriter().renderLint(LINT), "lint.report.html");
  }

  @Test
  void verifyReportCarriesTheFindingsAndFailsOnABlockingOneEvenWhenTheStateMatches() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new JsonReportWriter().render(ReportFixtures.passing(), VERIFY));

    assertThat(json.get("result").asText()).isEqualTo("FAILED");
    assertThat(json.at("/lint/result").asText()).isEqualTo("FAILED");
    assertThat(json.at("/lint/counts/error").asInt()).isEqualTo(1);
    assertThat(json.at("/lint/counts/accepted").asInt()).isEqualTo(1);
    JsonNode drop = json.at("/lint/findings/0");
    assertThat(drop.get("code").asText()).isEqualTo("DBD103");
    assertThat(drop.get("file").asText()).isEqualTo("db/changelog/changes/100-drop-note.xml");
    assertThat(drop.get("line").asInt()).isEqualTo(8);
    assertThat(drop.get("blocks").asBoolean()).isTrue();
    JsonNode accepted = json.at("/lint/findings/3");
    assertThat(accepted.get("accepted").asBoolean()).isTrue();
    assertThat(accepted.get("acceptedReason").asText()).isEqualTo("emptied & archived in 2.3, see \"JIRA-12\"");
    assertThat(accepted.get("blocks").asBoolean()).isFalse();
  }

  @Test
  void markdownAndHtmlShowTheAcceptanceAndItsReasonEscaped() {
    String md = new MarkdownReportWriter().render(ReportFixtures.passing(), VERIFY);
    String html = new HtmlReportWriter().render(ReportFixtures.passing(), VERIFY);

    assertThat(md).startsWith("## ❌ dbdevops verify: FAILED").contains("### Lint: 1 error, 1 warning, 1 info, 1 accepted")
        .contains("**Accepted:** emptied \\& archived in 2.3, see \"JIRA-12\"");
    assertThat(html).contains("<span class=\"badge failed\">FAILED</span>")
        .contains("<strong>Accepted:</strong> emptied &amp; archived in 2.3, see &quot;JIRA-12&quot;")
        .contains("<code>legacy_&lt;import&gt;</code>").doesNotContain("legacy_<import>");
  }

  @Test
  void withoutLintTheReportsAreUnchanged() {
    assertThat(new JsonReportWriter().render(ReportFixtures.passing(), ReportFixtures.CONTEXT)).doesNotContain("lint");
    assertThat(new HtmlReportWriter().render(ReportFixtures.passing(), ReportFixtures.CONTEXT)).doesNotContain("<table class=\"lint\"").doesNotContain("<h2>Lint");
  }
}
