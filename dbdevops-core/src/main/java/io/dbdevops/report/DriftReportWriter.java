package io.dbdevops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.drift.GrantDrift;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code drift.json}, {@code drift.md} and {@code drift.html} for one drift check: deterministic (no timestamps but the
 * environment's last deployment, durations left out), never a credential (the database URL is redacted upstream).
 */
public final class DriftReportWriter {

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes the three files into {@code directory}; returns the HTML one, for the console. */
  public Path write(DriftReport report, Path directory) {
    return ReportFiles.write(directory, "drift", "drift", json(report), markdown(report), html(report));
  }


  public String json(DriftReport r) {
    ObjectNode root = mapper.createObjectNode();
    root.put("tool", "dbdevops");
    root.put("goal", "drift");
    root.put("result", !r.hasDrift() ? "NO_DRIFT" : r.fails() ? "FAILED" : "DRIFT_ALLOWED");
    root.put("environment", r.environment());
    root.put("database", r.database());
    root.put("dialect", r.dialect().word());
    root.put("policy", r.policy().name());
    root.put("applied", r.applied());
    ObjectNode last = root.putObject("lastDeployment");
    r.lastDeployment().ifPresentOrElse(row -> {
      last.put("id", row.id());
      last.put("author", row.author());
      last.put("file", row.file());
      last.put("dateExecuted", String.valueOf(row.dateExecuted()));
    }, () -> root.putNull("lastDeployment"));
    ArrayNode drift = root.putArray("drift");
    for (SchemaChange c : r.schemaDrift()) {
      ObjectNode n = drift.addObject();
      n.put("object", c.objectName());
      n.put("kind", c.objectKind().word());
      n.put("sign", c.sign().symbol());
      n.put("change", c.getClass().getSimpleName());
      n.put("description", c.describe());
    }
    ArrayNode grants = root.putArray("grants");
    for (GrantDrift g : r.grantDrift()) {
      ObjectNode n = grants.addObject();
      n.put("sign", g.sign().symbol());
      n.put("privilege", g.grant().privilege());
      n.put("object", g.grant().object());
      n.put("grantee", g.grant().grantee());
      n.put("description", g.describe());
    }
    root.put("grantsChecked", r.grantsChecked());
    ArrayNode history = root.putArray("historyProblems");
    r.historyProblems().forEach(history::add);
    ArrayNode pending = root.putArray("pending");
    for (ChangeSetRef c : r.pending()) {
      ObjectNode n = pending.addObject();
      n.put("id", c.id());
      n.put("author", c.author());
      n.put("file", c.file());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String markdown(DriftReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Drift: ").append(r.environment()).append("\n\n");
    md.append(summary(r)).append("\n\n");
    if (r.hasDrift()) {
      md.append("```diff\n");
      r.lines().forEach(l -> md.append(l).append('\n'));
      md.append("```\n\n");
    }
    pendingMd(r.pending(), md);
    return md.toString();
  }

  private static void pendingMd(List<ChangeSetRef> pending, StringBuilder md) {
    md.append("## Pending changesets (not drift)\n\n");
    if (pending.isEmpty()) {
      md.append("None.\n");
    }
    pending.forEach(c -> md.append("- `").append(c.id()).append("` (").append(c.author()).append(", ").append(c.file())
        .append(")\n"));
  }

  public String html(DriftReport r) {
    record Page(String environment, String summary, String badge, String badgeClass, List<Parts.Lines> sections) {
    }
    List<String> pending = r.pending().stream().map(c -> c.id() + " (" + c.author() + ", " + c.file() + ")").toList();
    return Templates.render("drift", new Page(r.environment(), summary(r), r.hasDrift() ? "DRIFT" : "NO DRIFT",
        r.hasDrift() ? "failed" : "passed", List.of(Parts.Lines.diff("Drift", r.lines(), "None: the live state equals the "
            + "expected state at its applied changesets."), Parts.Lines.of("Pending changesets (not drift)", pending,
                "None."))));
  }

  /** One sentence: what drifted, under which policy, and what the environment has. */
  public static String summary(DriftReport r) {
    String drift = !r.hasDrift() ? "No drift"
        : DiffRendering.group(r.schemaDrift()).size() + " object(s), " + r.grantDrift().size() + " grant(s) and "
            + r.historyProblems().size() + " history problem(s) drifted";
    return drift + " in " + r.environment() + " (" + r.database() + ", " + r.dialect().word() + "); policy "
        + r.policy() + "; " + r.applied() + " changeset(s) applied, " + r.pending().size() + " pending"
        + (r.grantsChecked() ? "" : "; grants not checked (no <grants> declared)") + ".";
  }

}
