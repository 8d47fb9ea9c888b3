package io.dbdevops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbdevops.SetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One report's three files, {@code NAME.json}, {@code NAME.md} and {@code NAME.html}, as every page writes them. */
public final class ReportFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFiles() {
  }

  /**
   * Writes the three files into {@code directory} (created when absent); {@code json} is a tree of maps and lists
   * (indented as the other reports) or already JSON text; {@code what} names the report in the error. Returns the
   * HTML's path, for the console.
   */
  public static Path write(Path directory, String name, String what, Object json, String markdown, String html) {
    try {
      Files.createDirectories(directory);
      String text = json instanceof String s ? s : MAPPER.writeValueAsString(json);
      Files.writeString(directory.resolve(name + ".json"), text + "\n", StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
      Path page = directory.resolve(name + ".html");
      Files.writeString(page, html, StandardCharsets.UTF_8);
      return page;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the " + what + " report as JSON", e);
    } catch (IOException e) {
      throw new SetupException("cannot write the " + what + " report to " + directory + ": " + e.getMessage(), e);
    }
  }
}
