package io.dbdevops.report;

import io.dbdevops.recovery.Backup;
import io.dbdevops.recovery.RollbackOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rollback-E.{json,md,html}}: one rollback of environment E — from/to, each changeset rolled back with its
 * statements and duration, the backup taken (folder, rows per table, point-in-time anchor), the validation. The HTML
 * shares the reports' stylesheet and draws the durations as inline SVG bars.
 */
public final class RollbackReportWriter {


  /** Writes the three files into {@code directory}; returns the HTML's path. */
  public Path write(RollbackOutcome r, Path directory) {
    return ReportFiles.write(directory, "rollback-" + r.environment(), "rollback", json(r), markdown(r), html(r));
  }


  /** {@code validated}, {@code dry run}, {@code blocked by drift}, {@code validation failed}. */
  static String outcome(RollbackOutcome r) {
    return r.blocked() ? "blocked by drift" : r.dryRun() ? "dry run" : r.validated() ? "validated" : "validation failed";
  }

  /** One line: {@code 2 changesets rolled back: 4 → 2 applied (to 1.0.0)}. */
  public static String headline(RollbackOutcome r) {
    int n = r.fromCount() - r.toCount();
    if (n == 0 && !r.blocked()) {
      return "nothing to roll back: at " + r.rollbackTo() + " already (" + r.fromCount() + " applied)";
    }
    return (r.dryRun() ? "dry run: " + n + (n == 1 ? " changeset" : " changesets") + " would be rolled back"
        : r.blocked() ? "nothing rolled back" : r.steps().size() + (r.steps().size() == 1 ? " changeset" : " changesets")
            + " rolled back") + ": " + r.fromCount() + " → " + r.toCount() + " applied (" + r.rollbackTo() + ")";
  }

  Map<String, Object> json(RollbackOutcome r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", r.environment());
    root.put("dialect", r.dialect());
    root.put("rollbackTo", r.rollbackTo());
    root.put("from", point(r.fromCount(), r.fromLabel().orElse(null)));
    root.put("to", point(r.toCount(), r.toLabel().orElse(null)));
    root.put("dryRun", r.dryRun());
    root.put("blocked", r.blocked());
    root.put("outcome", outcome(r));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (RollbackOutcome.Step s : r.steps()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", s.id());
      e.put("author", s.author());
      e.put("location", s.location());
      e.put("statements", s.statements());
      e.put("durationMillis", r.dryRun() ? null : s.took().toMillis());
      steps.add(e);
    }
    root.put("changesets", steps);
    root.put("backup", r.backup().map(BackupParts::json).orElse(null));
    Map<String, Object> validation = new LinkedHashMap<>();
    validation.put("validated", r.validated());
    validation.put("differences", r.validationLines());
    root.put("validation", r.dryRun() || r.blocked() ? null : validation);
    root.put("drift", r.blocked() ? r.drift().lines() : List.of());
    root.put("tookMillis", r.took().toMillis());
    return root;
  }

  private static Map<String, Object> point(int count, String last) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applied", count);
    m.put("lastChangeset", last);
    return m;
  }

  String markdown(RollbackOutcome r) {
    StringBuilder md = new StringBuilder("# dbdevops rollback of ").append(r.environment()).append("\n\n")
        .append(headline(r)).append(" — ").append(outcome(r)).append("\n\n");
    md.append("- from: ").append(r.fromCount()).append(" applied").append(r.fromLabel().map(l -> ", last " + l)
        .orElse("")).append("\n- to: ").append(r.toCount()).append(" applied").append(r.toLabel().map(l -> ", last " + l)
        .orElse("")).append("\n\n");
    if (!r.steps().isEmpty()) {
      md.append("| changeset | author | location | took |\n|---|---|---|---|\n");
      for (RollbackOutcome.Step s : r.steps()) {
        md.append("| ").append(s.id()).append(" | ").append(s.author()).append(" | ").append(s.location()).append(" | ")
            .append(r.dryRun() ? "—" : s.took().toMillis() + " ms").append(" |\n");
      }
      md.append('\n');
      for (RollbackOutcome.Step s : r.steps()) {
        md.append("## ").append(s.id()).append(" (").append(s.author()).append(")\n\n```sql\n");
        s.statements().forEach(st -> md.append(st).append(";\n"));
        md.append("```\n\n");
      }
    }
    r.backup().ifPresent(b -> {
      md.append("## Backup\n\n").append(b.directory()).append(" — ").append(b.reason()).append("\n\n");
      b.tables().forEach(t -> md.append("- ").append(t.table()).append(": ").append(t.rows()).append(" rows, ")
          .append(t.file()).append(", sha256 ").append(t.sha256()).append('\n'));
      md.append("- point-in-time anchor: ").append(b.anchorLine()).append("\n\n");
    });
    if (r.blocked()) {
      md.append("## Drift (blocks the rollback)\n\n```\n").append(String.join("\n", r.drift().lines())).append("\n```\n");
    } else if (!r.dryRun()) {
      md.append("## Validation\n\n").append(r.validated() ? "The live schema equals the expected state at "
          + r.rollbackTo() + ".\n" : "```\n" + String.join("\n", r.validationLines()) + "\n```\n");
    }
    return md.toString();
  }

  String html(RollbackOutcome r) {
    record Step(String id, String author, String location, String took, String sql, boolean none) {
    }
    record Page(String environment, String headline, String outcome, String badge, String from, String fromLabel,
        String to, String toLabel, String dialect, List<Step> steps, String chart, BackupParts.View backup,
        boolean showValidation, boolean validated, List<String> differences, boolean blocked, List<String> drift,
        String rollbackTo, long millis) {
    }
    List<Step> steps = r.steps().stream().map(s -> new Step(s.id(), s.author(), s.location(),
        r.dryRun() ? "—" : s.took().toMillis() + " ms", String.join(";\n", s.statements())
            + (s.statements().isEmpty() ? "" : ";"), s.statements().isEmpty())).toList();
    BackupParts.View backup = r.backup().map(b -> BackupParts.view(b, r.environment())).orElse(null);
    String chart = r.dryRun() || r.steps().isEmpty() ? "" : BarChart.svg("duration per changeset rolled back",
        r.steps().stream().map(s -> new BarChart.Bar(s.id(), s.took().toMillis(), s.took().toMillis() + " ms", "1"))
            .toList());
    String outcome = outcome(r);
    return Templates.render("rollback", new Page(r.environment(), headline(r), outcome,
        r.validated() || r.dryRun() ? (r.dryRun() ? "dry" : "passed") : "failed", String.valueOf(r.fromCount()),
        r.fromLabel().orElse("nothing applied"), String.valueOf(r.toCount()), r.toLabel().orElse("nothing applied"),
        r.dialect(), steps, chart, backup, !r.dryRun() && !r.blocked(), r.validated(), r.validationLines(), r.blocked(),
        r.drift().lines(), r.rollbackTo(), r.took().toMillis()));
  }
}
