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
import java.time.Duration;

/**
 * {@code report.json}: the result for machines (CI annotations, dashboards). Keys always appear, in a fixed order;
 * {@code fix} is {@code null} when the gate passed. Durations are whole milliseconds.
 * <pre>
 * {
 *   "tool": "dbdevops",
 *   "goal": "verify",
 *   "result": "FAILED",
 *   …
 *   "differences": [
 *     { "object": "orders", "kind": "table", "sign": "+", "change": "ColumnAdded", "description": "column note varchar(200) null" }
 *   ],
 *   "fix": "…"
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
    root.put("result", Wording.result(result.passed()));
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
