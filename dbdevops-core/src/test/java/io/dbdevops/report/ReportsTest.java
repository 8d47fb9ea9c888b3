package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @Test
  void writesEveryFormatIntoADirectoryItCreates(@TempDir Path tmp) throws Exception {
    Path directory = tmp.resolve("target/dbdevops");

    List<Path> written = Reports.writeAll(ReportFixtures.failing(), ReportFixtures.CONTEXT, directory);

    assertThat(written).containsExactly(directory.resolve("report.json"), directory.resolve("report.md"),
        directory.resolve("report.html"));
    assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());
    assertThat(Files.readString(directory.resolve("report.md"), StandardCharsets.UTF_8))
        .isEqualTo(new MarkdownReportWriter().render(ReportFixtures.failing(), ReportFixtures.CONTEXT));
    assertThat(Files.readString(directory.resolve("report.html"), StandardCharsets.UTF_8))
        .contains("badge failed");
  }

  @Test
  void writerFileNamesAreDistinct() {
    assertThat(Reports.writers()).extracting(ReportWriter::fileName)
        .containsExactly("report.json", "report.md", "report.html");
  }

  @Test
  void aFailureWithoutAFixHintRendersNoFixLine() {
    ReportContext noFix = new ReportContext("verify", null);

    assertThat(noFix.fixHint()).isEmpty();
    assertThat(new MarkdownReportWriter().render(ReportFixtures.failing(), noFix)).doesNotContain("**Fix:**");
    assertThat(new HtmlReportWriter().render(ReportFixtures.failing(), noFix)).doesNotContain("How to fix");
    assertThat(new JsonReportWriter().render(ReportFixtures.failing(), noFix)).contains("\"fix\": null");
    assertThatThrownBy(() -> new ReportContext(" ", "x")).hasMessageContaining("goal");
  }
}
