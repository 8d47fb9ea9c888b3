package io.dbdevops.report;

import io.dbdevops.gate.VerifyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report formats of the verify gate, written together. Holds no state. */
public final class Reports {

  private Reports() {
  }

  /** Every format, in the order they are written. A new format is one new {@link ReportWriter} listed here. */
  public static List<ReportWriter> writers() {
    return List.of(new JsonReportWriter(), new MarkdownReportWriter(), new HtmlReportWriter());
  }

  /** Writes every format into {@code directory} (created when missing) and returns the files, in writer order. */
  public static List<Path> writeAll(VerifyResult result, ReportContext context, Path directory) {
    List<Path> written = new ArrayList<>();
    for (ReportWriter writer : writers()) {
      writer.write(result, context, directory);
      written.add(directory.resolve(writer.fileName()));
    }
    return List.copyOf(written);
  }

  /** Writes every format of the lint goal's report ({@code context} must hold the lint report). */
  public static List<Path> writeLint(ReportContext context, Path directory) {
    List<Path> written = new ArrayList<>();
    for (ReportWriter writer : writers()) {
      writer.writeLint(context, directory);
      written.add(directory.resolve(writer.fileName()));
    }
    return List.copyOf(written);
  }

  /** Removes the reports of an earlier run, so a build that stops early leaves no stale result behind. */
  public static void deleteAll(Path directory) {
    for (ReportWriter writer : writers()) {
      try {
        java.nio.file.Files.deleteIfExists(directory.resolve(writer.fileName()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot remove the old report " + directory.resolve(writer.fileName()), e);
      }
    }
  }
}
