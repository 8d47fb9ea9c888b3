package io.dbdevops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbdevops.release.Reason;
import io.dbdevops.release.VersionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * version.json, version.md and version.html: the classification {@code dbdevops:version} prints, deterministic (no
 * time, sorted reasons), for CI and review.
 */
public final class VersionReportWriter {

  public static final List<String> FILE_NAMES = List.of("version.json", "version.md", "version.html");

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes the three files into {@code directory} (created); returns them, the HTML last. */
  public List<Path> write(VersionReport report, Path directory) {
    try {
      Files.createDirectories(directory);
      Path json = Files.writeString(directory.resolve(FILE_NAMES.get(0)), json(report), StandardCharsets.UTF_8);
      Path md = Files.writeString(directory.resolve(FILE_NAMES.get(1)), markdown(report), StandardCharsets.UTF_8);
      Path html = Files.writeString(directory.resolve(FILE_NAMES.get(2)), html(report), StandardCharsets.UTF_8);
      return List.of(json, md, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the version report in " + directory, e);
    }
  }

  public String json(VersionReport report) {
    ObjectNode root = mapper.createObjectNode();
    root.put("level", report.classification().level().name());
    root.put("pendingChangesets", report.pending());
    report.lastRelease().ifPresentOrElse(v -> root.put("lastRelease", v.toString()), () -> root.putNull("lastRelease"));
    report.required().ifPresentOrElse(v -> root.put("requiredNext", v.toString()), () -> root.putNull("requiredNext"));
    root.put("projectVersion", report.projectVersion());
    report.meets().ifPresentOrElse(m -> root.put("meets", m), () -> root.putNull("meets"));
    ArrayNode reasons = root.putArray("reasons");
    for (Reason r : report.classification().reasons()) {
      ObjectNode n = reasons.addObject();
      n.put("level", r.bump().name());
      n.put("object", r.object());
      n.put("change", r.change());
      n.put("rule", r.rule().orElse(null));
      n.put("changeset", r.site().changeSetId().orElse(null));
      n.put("file", r.site().file());
      n.put("line", r.site().line());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String markdown(VersionReport report) {
    StringBuilder md = new StringBuilder("# dbdevops version: ").append(report.classification().level()).append("\n\n");
    md.append("| | |\n|---|---|\n")
        .append("| pending changesets | ").append(report.pending()).append(" |\n")
        .append("| last release | ").append(report.lastRelease().map(Object::toString).orElse("none recorded")).append(" |\n")
        .append("| required next version | ").append(report.required().map(Object::toString).orElse("none")).append(" |\n")
        .append("| project version | ").append(report.projectVersion())
        .append(report.meets().map(m -> m ? " (meets it)" : " (**below it**: DBD901)").orElse("")).append(" |\n\n");
    if (!report.classification().reasons().isEmpty()) {
      md.append("| class | change | where | rule |\n|---|---|---|---|\n");
      for (Reason r : report.classification().reasons()) {
        md.append("| ").append(r.bump()).append(" | ").append(cell(r.change())).append(" | ").append(cell(r.where()))
            .append(" | ").append(r.rule().orElse("")).append(" |\n");
      }
    }
    return md.toString();
  }

  public String html(VersionReport report) {
    record Row(String bump, String change, String where, String rule) {
    }
    record Page(String level, String summary, String count, List<Row> reasons) {
      public boolean hasReasons() {
        return !reasons.isEmpty();
      }
    }
    List<Row> rows = report.classification().reasons().stream().map(r -> new Row(r.bump().name(), r.change(), r.where(),
        r.rule().orElse(null))).toList();
    return Templates.render("version", new Page(report.classification().level().name(), report.pending()
        + " pending changesets; last release " + report.lastRelease().map(Object::toString).orElse("none recorded")
        + "; required next version " + report.required().map(Object::toString).orElse("none") + "; project version "
        + report.projectVersion() + report.meets().map(m -> m ? " meets it" : " is below it (DBD901)").orElse(""),
        rows.size() + (rows.size() == 1 ? " change" : " changes"), rows));
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

}
