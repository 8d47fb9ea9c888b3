package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

  private final MarkdownReportWriter writer = new MarkdownReportWriter();

  @Test
  void passingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT), "passing.report.md");
  }

  @Test
  void failingResultMatchesGoldenFile() throws Exception {
    Golden.assertMatches(writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT), "failing.report.md");
  }

  @Test
  void passingCommentSaysSoInOneLineAndSuggestsNoFix() {
    String md = writer.render(ReportFixtures.passing(), ReportFixtures.CONTEXT);

    assertThat(md).startsWith("## ✅ dbdevops verify: PASSED\n")
        .contains("7 changesets applied on embedded H2 (in memory); compared 6 objects in the state with 6 from the "
            + "changelog: no differences.")
        .doesNotContain("```diff", "Fix", "mvn dbdevops:snapshot");
  }

  @Test
  void failingCommentHasOneDiffBlockPerObjectAndTheFix() {
    String md = writer.render(ReportFixtures.failing(), ReportFixtures.CONTEXT);

    assertThat(md).startsWith("## ❌ dbdevops verify: FAILED\n")
        .contains("10 differences in 5 objects.")
        .contains("### table `orders`\n\n```diff\n- column legacy_code char(3) not null\n"
            + "+ column note varchar(200) null\n"
            + "~ column status: type varchar(20) -> varchar(30), not null -> null, default none -> 'new'\n")
        .contains("### sequence `invoice_seq`")
        .endsWith("**Fix:** If the change is intended, run `mvn dbdevops:snapshot` and commit the state; "
            + "otherwise fix the changelog\n");
    assertThat(md.split("```diff", -1)).hasSize(6);
  }

  @Test
  void markupInNamesStaysText() {
    String md = writer.render(ReportFixtures.hostileName("<b>x`y</b>"), ReportFixtures.CONTEXT);

    assertThat(md).contains("### table ``<b>x`y</b>``").contains("+ column a&b int null");
  }
}
