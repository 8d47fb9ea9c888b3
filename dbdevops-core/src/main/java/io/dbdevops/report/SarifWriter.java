package io.dbdevops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code lint.sarif}: the findings as SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). One run; the
 * driver lists the rules that ran (id, name, short description, help, and {@code helpUri} when a documentation base
 * URL is configured — SARIF requires an absolute URI there); each finding is a result at its changelog file and line,
 * the file given relative to the project ({@code src/main/resources/db/changelog/…}); accepted findings carry an
 * in-source suppression with the reason as its justification. Deterministic: no timestamps, no absolute paths.
 */
public final class SarifWriter {

  public static final String FILE_NAME = "lint.sarif";
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /**
   * @param artifactPrefix what to put before a changelog path to make it relative to the project, e.g.
   *     {@code src/main/resources/}
   * @param docsBaseUrl an absolute URL under which {@code DBD103.md} is the rule's page (e.g. the repository's
   *     {@code docs/rules/} folder), when known
   * @param toolVersion the dbdevops version, when known
   */
  public record Options(String artifactPrefix, Optional<String> docsBaseUrl, Optional<String> toolVersion) {
    public Options {
      artifactPrefix = Objects.requireNonNullElse(artifactPrefix, "");
      if (!artifactPrefix.isEmpty() && !artifactPrefix.endsWith("/")) {
        artifactPrefix = artifactPrefix + "/";
      }
      docsBaseUrl = Objects.requireNonNullElse(docsBaseUrl, Optional.<String>empty()).filter(u -> !u.isBlank())
          .map(u -> u.endsWith("/") ? u : u + "/");
      toolVersion = Objects.requireNonNullElse(toolVersion, Optional.empty());
    }
  }

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String render(LintReport lint, Options options) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "dbdevops");
    options.toolVersion().ifPresent(v -> driver.put("version", v));
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    List<RuleEntry> entries = new ArrayList<>();
    lint.rules().forEach(r -> entries.add(new RuleEntry(r.code(), r.name(), r.summary(), r.severity())));
    if (lint.findings().stream().anyMatch(f -> f.code().equals(io.dbdevops.lint.Linter.INVALID_ALLOW))) {
      entries.add(new RuleEntry(io.dbdevops.lint.Linter.INVALID_ALLOW, "invalid-allow",
          "A dbdevops:allow directive without a reason or without a known rule code.", Severity.ERROR));
    }
    for (RuleEntry e : entries) {
      index.put(e.code(), index.size());
      ObjectNode r = rules.addObject();
      r.put("id", e.code());
      r.put("name", e.name());
      r.putObject("shortDescription").put("text", e.summary());
      options.docsBaseUrl().ifPresent(base -> r.put("helpUri", base + e.code() + ".md"));
      r.putObject("help").put("text", "See docs/rules/" + e.code() + ".md");
      r.putObject("defaultConfiguration").put("level", level(e.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : lint.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.code());
      Integer i = index.get(f.code());
      if (i != null) {
        result.put("ruleIndex", i);
      }
      result.put("level", level(f.severity()));
      result.putObject("message").put("text", f.describe());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", options.artifactPrefix() + f.site().file());
      if (f.site().line() > 0) {
        physical.putObject("region").put("startLine", f.site().line());
      }
      result.putObject("partialFingerprints").put("dbdevops/v1", f.code() + "|" + f.object() + "|"
          + f.site().changeSetKey().orElse(f.site().file()));
      f.acceptedReason().ifPresent(reason -> {
        ObjectNode s = result.putArray("suppressions").addObject();
        s.put("kind", "inSource");
        s.put("status", "accepted");
        s.put("justification", reason);
      });
      ObjectNode properties = result.putObject("properties");
      properties.put("object", f.object());
      f.site().changeSetId().ifPresent(id -> properties.put("changeset", id));
      properties.put("docs", f.docs());
    }
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + FILE_NAME, e);
    }
  }

  public Path write(LintReport lint, Options options, Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
      Files.writeString(file, render(lint, options), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARN -> "warning";
      case INFO -> "note";
    };
  }

  private record RuleEntry(String code, String name, String summary, Severity severity) {
  }
}
