package io.dbdevops.report;

import io.dbdevops.gate.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One report format of the verify gate. A writer renders the whole report as a string (deterministic: same result,
 * same text, {@code \n} line ends, no timestamp) and writes it as {@link #fileName()} in a directory. To add a
 * format, implement this and list it in {@link Reports#writers()}.
 */
public interface ReportWriter {

  /** The file this writer produces, e.g. {@code report.json}. */
  String fileName();

  /** The report as text. */
  String render(VerifyResult result, ReportContext context);

  /**
   * The report of {@code dbdevops:lint} alone: the lint section of {@code context}, without a gate result.
   *
   * @throws IllegalArgumentException when {@code context} holds no lint report
   */
  String renderLint(ReportContext context);

  /** Writes {@link #renderLint} to {@code directory/fileName()}. */
  default void writeLint(ReportContext context, Path directory) {
    save(renderLint(context), directory);
  }

  /** Writes {@link #render} to {@code directory/fileName()} in UTF-8, creating the directory when missing. */
  default void write(VerifyResult result, ReportContext context, Path directory) {
    save(render(result, context), directory);
  }

  private void save(String text, Path directory) {
    Path file = directory.resolve(fileName());
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }
}
