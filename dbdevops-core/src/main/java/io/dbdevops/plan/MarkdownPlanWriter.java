package io.dbdevops.plan;

/** plan.md: the plan for a pull-request comment or a change ticket. */
public final class MarkdownPlanWriter implements PlanWriter {

  @Override
  public String fileName() {
    return "plan.md";
  }

  @Override
  public String render(Plan plan) {
    StringBuilder m = new StringBuilder();
    m.append("# dbdevops plan `").append(plan.planId()).append("` for ").append(plan.environment()).append("\n\n");
    m.append(PlanText.summary(plan)).append(".\n\n");
    m.append("| | |\n|---|---|\n");
    m.append("| environment | ").append(cell(plan.environment())).append(" |\n");
    m.append("| engine | ").append(plan.engine()).append(" |\n");
    m.append("| live state | `").append(plan.liveFingerprint()).append("` |\n");
    m.append("| contexts | ").append(cell(plan.settings().contexts().orElse("(none)"))).append(" |\n");
    m.append("| labels | ").append(cell(plan.settings().labels().orElse("(none)"))).append(" |\n");
    m.append("| parameters | ").append(plan.settings().parameters().isEmpty() ? "(none)"
        : cell(plan.settings().parameters().toString())).append(" |\n");
    m.append("| required version bump | ").append(plan.requiredVersionBump().orElse("(not classified)"))
        .append(" |\n\n");
    m.append("Deploy exactly this plan: `mvn dbdevops:deploy -Ddbdevops.environment=").append(plan.environment())
        .append(" -Ddbdevops.plan=").append(plan.planId()).append("`\n\n");

    m.append("## Changesets\n\n");
    if (plan.changeSets().isEmpty()) {
      m.append("Nothing is pending.\n\n");
    } else {
      m.append("| # | changeset | author | where | reversibility | lossy | statements |\n|---|---|---|---|---|---|---|\n");
      int i = 1;
      for (Plan.PlannedChangeSet c : plan.changeSets()) {
        m.append("| ").append(i++).append(" | `").append(cell(c.id())).append("` | ").append(cell(c.author()))
            .append(" | `").append(cell(c.location())).append("` | ").append(c.reversibility().word()).append(" | ")
            .append(c.lossy() ? "**yes**" : "no").append(" | ").append(c.sql().size()).append(" |\n");
      }
      m.append("\n");
      for (Plan.PlannedChangeSet c : plan.changeSets()) {
        m.append("### ").append(c.id()).append(" (").append(c.location()).append(")\n\n");
        m.append("checksum `").append(c.checksum()).append("`, reversibility ").append(c.reversibility().word())
            .append(", lossy ").append(c.lossy() ? "**yes**" : "no").append("\n\n");
        c.lossReasons().forEach(r -> m.append("- ").append(r).append("\n"));
        if (!c.lossReasons().isEmpty()) {
          m.append("\n");
        }
        m.append("```sql\n");
        c.sql().forEach(s -> m.append(s.strip()).append(s.strip().endsWith(";") ? "\n" : ";\n"));
        m.append("```\n\n");
      }
    }
    m.append("## Diff live → after\n\n");
    lines(m, plan.diff(), "No schema change.");
    m.append("## Drift\n\n");
    lines(m, plan.drift(), "None: the live state equals the expected state at its applied changesets.");
    m.append("## Lint\n\n");
    if (plan.lint().isEmpty()) {
      m.append("No findings.\n");
    } else {
      m.append("| severity | rule | object | where | message |\n|---|---|---|---|---|\n");
      for (Plan.PlannedFinding f : plan.lint()) {
        m.append("| ").append(f.acceptedReason().map(r -> "accepted: " + cell(r)).orElse(f.severity())).append(" | ")
            .append(f.code()).append(' ').append(f.name()).append(" | `").append(cell(f.object())).append("` | `")
            .append(cell(f.location())).append("` | ").append(cell(f.message())).append(" |\n");
      }
    }
    return m.toString();
  }

  private static void lines(StringBuilder m, java.util.List<String> lines, String none) {
    if (lines.isEmpty()) {
      m.append(none).append("\n\n");
      return;
    }
    m.append("```diff\n");
    lines.forEach(l -> m.append(l).append("\n"));
    m.append("```\n\n");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
