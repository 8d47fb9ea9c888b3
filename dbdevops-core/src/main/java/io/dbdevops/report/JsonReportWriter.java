package io.dbdevops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.Severity;
import java.time.Duration;

/**
 * {@code report.json}: the result for machines (CI annotations, dashboards). Keys always appear, in a fixed order;
 * {@code fix} is {@code null} when the gate passed; {@code lint} is there when lint ran. Durations are whole milliseconds.
 * <pre>
 * {
 *   "tool": "dbdevops",
 *   "goal": "verify",
 *   "result": "FAILED",
 *   …
 *   "differences": [
 *     { "object": "orders", "kind": "table", "sign": "+", "change": "ColumnAdded", "description": "column note varchar(200) null" }
 *   ],
 *   "fix": "…",
 *   "lint": { "result": "FAILED", "dialect": "postgresql", "failOn": "error", "counts": {…}, "findings": [ {…} ] }
 * }
 * </pre>
 */
public final class JsonReportWriter implements ReportWriter {

  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectWriter writer;

  public JsonReportWriter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    this.writer = mapper.writer(printer);
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public String render(VerifyResult result, ReportContext context) {
    ObjectNode root = mapper.createObjectNode();
    root.put("tool", "dbdevops");
    root.put("goal", context.goal());
    root.put("result", Wording.result(context.passed(result.passed())));
    root.put("changelog", result.changelog());
    root.put("state", result.stateDirectory());
    root.put("shadow", result.shadow());
    root.put("dialect", result.dialect().word());
    root.put("changesetsApplied", result.changesetsApplied());
    ObjectNode objects = root.putObject("objects");
    objects.put("state", result.objectsInState());
    objects.put("shadow", result.objectsInShadow());
    ObjectNode timings = root.putObject("timingsMillis");
    timings.put("apply", millis(result.timings().apply()));
    timings.put("snapshot", millis(result.timings().snapshot()));
    timings.put("diff", millis(result.timings().diff()));
    timings.put("total", millis(result.timings().total()));
    ArrayNode differences = root.putArray("differences");
    for (SchemaChange change : result.differences()) {
      ObjectNode d = differences.addObject();
      d.put("object", change.objectName());
      d.put("kind", change.objectKind().word());
      d.put("sign", change.sign().symbol());
      d.put("change", Wording.changeType(change));
      d.put("description", change.describe());
    }
    if (result.passed() || context.fixHint().isEmpty()) {
      root.putNull("fix");
    } else {
      root.put("fix", context.fix());
    }
    context.lint().ifPresent(lint -> lint(root.putObject("lint"), lint));
    return text(root);
  }

  @Override
  public String renderLint(ReportContext context) {
    LintReport lint = context.lint().orElseThrow(() -> new IllegalArgumentException("no lint report to render"));
    ObjectNode root = mapper.createObjectNode();
    root.put("tool", "dbdevops");
    root.put("goal", context.goal());
    root.put("result", Wording.result(lint.passed()));
    lint(root.putObject("lint"), lint);
    return text(root);
  }

  /**
   * The lint section: verdict, dialect, fail level, counts, the rules that ran and every finding (accepted ones with
   * their reason; {@code blocks} tells whether it fails the build).
   */
  private static void lint(ObjectNode node, LintReport lint) {
    node.put("result", Wording.result(lint.passed()));
    node.put("dialect", lint.dialect().word());
    node.put("failOn", lint.failOn().map(Severity::word).orElse("off"));
    node.put("pendingChangesets", lint.pendingChangesets());
    ObjectNode counts = node.putObject("counts");
    counts.put("error", lint.count(Severity.ERROR));
    counts.put("warn", lint.count(Severity.WARN));
    counts.put("info", lint.count(Severity.INFO));
    counts.put("accepted", lint.accepted());
    ArrayNode rules = node.putArray("rules");
    lint.rules().forEach(r -> rules.add(r.code()));
    ArrayNode skipped = node.putArray("skippedRules");
    lint.skipped().forEach(r -> skipped.add(r.code()));
    ArrayNode findings = node.putArray("findings");
    for (Finding f : lint.findings()) {
      ObjectNode o = findings.addObject();
      o.put("code", f.code());
      o.put("name", f.name());
      o.put("severity", f.severity().word());
      o.put("object", f.object());
      f.site().changeSetId().ifPresentOrElse(id -> o.put("changeset", id), () -> o.putNull("changeset"));
      o.put("file", f.site().file());
      o.put("line", f.site().line());
      o.put("origin", f.site().origin() == Finding.Origin.CHANGE ? "change" : "state");
      o.put("message", f.message());
      o.put("why", f.why());
      o.put("fix", f.fix());
      o.put("docs", f.docs());
      o.put("accepted", f.accepted());
      f.acceptedReason().ifPresentOrElse(r -> o.put("acceptedReason", r), () -> o.putNull("acceptedReason"));
      o.put("blocks", lint.blocks(f));
    }
  }

  private String text(ObjectNode root) {
    try {
      return writer.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // a tree of strings and numbers always serialises; this would be a bug in Jackson or here
      throw new IllegalStateException("cannot render report.json", e);
    }
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }
}
