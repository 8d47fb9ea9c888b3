package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private final HtmlReportWriter writer = new HtmlReportWriter();

  @Test
  void passingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT), "passing.report.html");
  }

  @Test
  void failingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT), "failing.report.html");
  }

  @Test
  void passingPageShowsAGreenBadgeAndNoFix() {
    String html = writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT);

    assertThat(html).contains("<span class=\"badge passed\">PASSED</span>")
        .contains("No differences: the changelog makes exactly the committed state.")
        .doesNotContain("class=\"fix\"", "badge failed", "<table");
  }

  @Test
  void failingPageGroupsColouredLinesPerObjectAndShowsTheFix() {
    String html = writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT);

    assertThat(html).contains("<span class=\"badge failed\">FAILED</span>")
        .contains("<span class=\"kind\">table</span>orders<span class=\"count\">6 changes</span>")
        .contains("<tr class=\"added\" title=\"the changelog makes it, the state lacks it\"><td class=\"sign\">+</td>"
            + "<td class=\"type\">ColumnAdded</td><td>column note varchar(200) null</td></tr>")
        .contains("<tr class=\"removed\"", "<tr class=\"changed\"")
        .contains("<aside class=\"fix\"><strong>How to fix</strong><p>If the change is intended, run "
            + "<code>mvn dbdevops:snapshot</code> and commit the state")
        .contains("<div class=\"label\">Time</div><div class=\"value\">1.7 s</div>"
            + "<div class=\"note\">apply 1.2 s · snapshot 456 ms · diff 7 ms</div>");
    assertThat(html.split("<tbody>", -1)).hasSize(6);
  }

  @Test
  void escapesScriptInAnObjectName() {
    String html = writer.render(ReportFixtures.hostileName("<script>alert('x')</script>"), ReportFixtures.CONTEXT);

    assertThat(html).doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("<td>column a&amp;b int null</td>");
  }

  @Test
  void pageIsSelfContained() {
    String html = writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT);

    assertThat(html).doesNotContain("<script", "<link", "src=", "http://", "https://", "@import", "url(");
  }
}
