package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.lint.Finding;
import io.dbdevops.release.Bump;
import io.dbdevops.release.Classification;
import io.dbdevops.release.Reason;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.release.VersionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** version.json / .md / .html: exact JSON and Markdown, the same bytes for the same input. */
class VersionReportWriterTest {

  @TempDir
  Path dir;

  private static final Finding.Site SITE = new Finding.Site(Optional.of("100-drop-note"), Optional.of("team"),
      "db/changelog/changes/100.xml", 8, Finding.Origin.CHANGE);
  private static final VersionReport REPORT = new VersionReport(new Classification(Bump.MAJOR, List.of(
      new Reason(Bump.MAJOR, "orders.note", "orders.note is dropped", Optional.of("DBD103 drop-column"), SITE),
      new Reason(Bump.MINOR, "orders.coupon", "orders.coupon is added (nullable)", Optional.empty(), SITE))),
      1, Optional.of(SemanticVersion.parse("1.2.0")), "1.3.0-SNAPSHOT");

  @Test
  void jsonNamesLevelVersionsAndEachReason() {
    assertThat(new VersionReportWriter().json(REPORT)).isEqualToIgnoringNewLines("""
        {
          "level" : "MAJOR",
          "pendingChangesets" : 1,
          "lastRelease" : "1.2.0",
          "requiredNext" : "2.0.0",
          "projectVersion" : "1.3.0-SNAPSHOT",
          "meets" : false,
          "reasons" : [ {
            "level" : "MAJOR",
            "object" : "orders.note",
            "change" : "orders.note is dropped",
            "rule" : "DBD103 drop-column",
            "changeset" : "100-drop-note",
            "file" : "db/changelog/changes/100.xml",
            "line" : 8
          }, {
            "level" : "MINOR",
            "object" : "orders.coupon",
            "change" : "orders.coupon is added (nullable)",
            "rule" : null,
            "changeset" : "100-drop-note",
            "file" : "db/changelog/changes/100.xml",
            "line" : 8
          } ]
        }""");
  }

  @Test
  void markdownIsATableOfTheVersionsAndOneRowPerChange() {
    assertThat(new VersionReportWriter().markdown(REPORT)).isEqualTo("""
        # dbdevops version: MAJOR

        | | |
        |---|---|
        | pending changesets | 1 |
        | last release | 1.2.0 |
        | required next version | 2.0.0 |
        | project version | 1.3.0-SNAPSHOT (**below it**: DBD901) |

        | class | change | where | rule |
        |---|---|---|---|
        | MAJOR | orders.note is dropped | changeset 100-drop-note (db/changelog/changes/100.xml:8) | DBD103 drop-column |
        | MINOR | orders.coupon is added (nullable) | changeset 100-drop-note (db/changelog/changes/100.xml:8) |  |
        """);
  }

  @Test
  void withoutARecordedReleaseNothingIsRequiredAndWritingTwiceGivesTheSameBytes() throws Exception {
    VersionReport unknown = new VersionReport(Classification.NONE, 0, Optional.empty(), "1.0.0");
    assertThat(new VersionReportWriter().json(unknown)).contains("\"requiredNext\" : null", "\"meets\" : null");
    List<Path> first = new VersionReportWriter().write(REPORT, dir);
    byte[] html = Files.readAllBytes(first.get(2));
    List<Path> second = new VersionReportWriter().write(REPORT, dir);
    assertThat(Files.readAllBytes(second.get(2))).isEqualTo(html);
    assertThat(first).extracting(p -> p.getFileName().toString()).containsExactly("version.json", "version.md",
        "version.html");
  }
}
