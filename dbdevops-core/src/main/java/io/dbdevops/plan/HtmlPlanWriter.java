package io.dbdevops.plan;

import io.dbdevops.report.HtmlReportWriter;
import java.util.List;

/**
 * plan.html: the page a DBA reviews before approving a deploy, in the reports' style (one file, no network): the
 * plan id and what it covers, then per changeset its flags and the SQL that will run, the diff, drift and lint.
 */
public final class HtmlPlanWriter implements PlanWriter {

  private static final String PLAN_CSS = """
      .badge.plan { color: #0969da; background: #ddf4ff; border: 1px solid #b6e3ff; font-family: var(--mono); }
      .cards { grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
      .card.alert { border-color: var(--bad-line); background: var(--bad-bg); }
      .card.alert .value, .card.alert .label { color: var(--bad); }
      .flag { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 12px; font-weight: 600;
        margin-left: 8px; border: 1px solid var(--border); color: var(--muted); background: var(--page); }
      .flag.lossy, .flag.irreversible { color: var(--bad); background: var(--bad-bg); border-color: var(--bad-line); }
      .flag.scripted { color: var(--chg); background: var(--chg-bg); border-color: var(--chg-line); }
      .flag.auto, .flag.safe { color: var(--ok); background: var(--ok-bg); border-color: var(--ok-line); }
      .changeset > h2 { display: block; }
      .changeset > h2 .where { color: var(--muted); font-weight: 400; font-size: 13px; margin-left: 8px; }
      .changeset .meta { margin: 0; padding: 8px 16px; color: var(--muted); font-size: 13px;
        border-bottom: 1px solid var(--border); }
      .changeset ul.loss { margin: 0; padding: 8px 16px 8px 36px; background: var(--bad-bg); color: var(--bad);
        font-size: 13px; border-bottom: 1px solid var(--bad-line); }
      pre.sql { margin: 0; padding: 12px 16px; font-family: var(--mono); font-size: 13px; line-height: 1.55;
        white-space: pre-wrap; overflow-wrap: anywhere; background: #fbfcfd; }
      pre.sql .n { color: var(--muted); user-select: none; }
      pre.lines { margin: 0; padding: 12px 16px; font-family: var(--mono); font-size: 13px; white-space: pre-wrap; }
      table.lint { width: 100%; border-collapse: collapse; font-size: 14px; }
      table.lint th { text-align: left; padding: 8px 12px; font-size: 12px; color: var(--muted); text-transform: uppercase;
        letter-spacing: 0.05em; background: #fbfcfd; border-bottom: 1px solid var(--border); }
      table.lint td { padding: 8px 12px; vertical-align: top; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
      table.lint tr.accepted td:first-child { border-left: 4px solid var(--ok); color: var(--ok); }
      table.lint tr.ERROR td:first-child { border-left: 4px solid var(--bad); color: var(--bad); }
      table.lint tr.WARN td:first-child { border-left: 4px solid var(--chg); color: var(--chg); }
      """;

  @Override
  public String fileName() {
    return "plan.html";
  }

  @Override
  public String render(Plan plan) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>dbdevops plan ")
        .append(esc(plan.planId())).append(" for ").append(esc(plan.environment())).append("</title>\n<style>\n")
        .append(HtmlReportWriter.stylesheet()).append(PLAN_CSS).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<header class=\"top\"><div><h1><span class=\"tool\">dbdevops plan</span> ").append(esc(plan.environment()))
        .append("</h1><p>").append(esc(PlanText.summary(plan))).append("</p></div><span class=\"badge plan\">")
        .append(esc(plan.planId())).append("</span></header>\n");
    long lossy = plan.changeSets().stream().filter(Plan.PlannedChangeSet::lossy).count();
    h.append("<section class=\"cards\">");
    card(h, "Changesets", String.valueOf(plan.changeSets().size()), "pending on " + plan.environment(), false);
    card(h, "Statements", String.valueOf(plan.statements()), "executed on the shadow", false);
    card(h, "Lossy", String.valueOf(lossy), lossy == 0 ? "no data dropped" : "drop or overwrite data", lossy > 0);
    card(h, "Irreversible", String.valueOf(plan.irreversible()), "no rollback possible", plan.irreversible() > 0);
    card(h, "Drift", plan.drift().isEmpty() ? "none" : "yes", "live vs its applied changesets", !plan.drift().isEmpty());
    card(h, "Lint findings", String.valueOf(plan.lint().size()),
        plan.lint().stream().filter(Plan.PlannedFinding::accepted).count() + " accepted", false);
    h.append("</section>\n");

    h.append("<div class=\"fix\"><strong>Deploy exactly this plan</strong><p><code>mvn dbdevops:deploy -Ddbdevops.environment=")
        .append(esc(plan.environment())).append(" -Ddbdevops.plan=").append(esc(plan.planId()))
        .append("</code>: the deploy recomputes the plan first and refuses, before any lock or DDL, when anything "
            + "differs.</p></div>\n");

    h.append("<section class=\"panel\"><h2>Environment</h2><dl class=\"details\">");
    detail(h, "Environment", esc(plan.environment()));
    detail(h, "Engine", esc(plan.engine()));
    detail(h, "Live state", "<code>" + esc(plan.liveFingerprint()) + "</code>");
    detail(h, "Contexts", esc(plan.settings().contexts().orElse("(none)")));
    detail(h, "Labels", esc(plan.settings().labels().orElse("(none)")));
    detail(h, "Parameters", plan.settings().parameters().isEmpty() ? "(none)"
        : "<code>" + esc(plan.settings().parameters().toString()) + "</code>");
    detail(h, "Version bump", esc(plan.requiredVersionBump().orElse("(not classified)")));
    h.append("</dl></section>\n");

    if (plan.changeSets().isEmpty()) {
      h.append("<section class=\"panel\"><h2>Changesets</h2><p class=\"none\">Nothing is pending.</p></section>\n");
    }
    int i = 1;
    for (Plan.PlannedChangeSet c : plan.changeSets()) {
      h.append("<section class=\"panel changeset\"><h2>").append(i++).append(". <code>").append(esc(c.id()))
          .append("</code><span class=\"where\">").append(esc(c.author())).append(" · ").append(esc(c.location()))
          .append("</span><span class=\"flag ").append(c.reversibility().word()).append("\">")
          .append(c.reversibility().word()).append("</span><span class=\"flag ").append(c.lossy() ? "lossy" : "safe")
          .append("\">").append(c.lossy() ? "lossy" : "no data loss").append("</span></h2>\n");
      h.append("<p class=\"meta\">checksum <code>").append(esc(c.checksum())).append("</code> · ")
          .append(TextCount.of(c.sql().size(), "statement")).append("</p>\n");
      if (!c.lossReasons().isEmpty()) {
        h.append("<ul class=\"loss\">");
        c.lossReasons().forEach(r -> h.append("<li>").append(esc(r)).append("</li>"));
        h.append("</ul>\n");
      }
      h.append("<pre class=\"sql\">");
      if (c.sql().isEmpty()) {
        h.append("-- (no statement)");
      }
      int n = 1;
      for (String s : c.sql()) {
        String sql = s.strip();
        h.append(n > 1 ? "\n" : "").append("<span class=\"n\">-- ").append(n++).append("\n</span>").append(esc(sql))
            .append(sql.endsWith(";") ? "" : ";");
      }
      h.append("</pre></section>\n");
    }
    lines(h, "Diff live → after", plan.diff(), "No schema change.");
    lines(h, "Drift", plan.drift(), "None: the live state equals the expected state at its applied changesets.");
    h.append("<section class=\"panel\"><h2>Lint<span class=\"count\">").append(TextCount.of(plan.lint().size(), "finding"))
        .append("</span></h2>");
    if (plan.lint().isEmpty()) {
      h.append("<p class=\"none\">No findings.</p>");
    } else {
      h.append("<table class=\"lint\"><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Where</th>"
          + "<th>Message</th></tr></thead><tbody>");
      for (Plan.PlannedFinding f : plan.lint()) {
        h.append("<tr class=\"").append(f.accepted() ? "accepted" : esc(f.severity())).append("\"><td>")
            .append(f.accepted() ? "accepted" : esc(f.severity())).append("</td><td><code>").append(esc(f.code()))
            .append("</code> ").append(esc(f.name())).append("</td><td><code>").append(esc(f.object()))
            .append("</code></td><td><code>").append(esc(f.location())).append("</code></td><td>")
            .append(esc(f.message()))
            .append(f.acceptedReason().map(r -> "<div class=\"reason\">accepted: " + esc(r) + "</div>").orElse(""))
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n</main>\n<footer>dbdevops plan ").append(esc(plan.planId()))
        .append(" · the id is the SHA-256 of the plan's content: the same changelog, settings and live state give the "
            + "same id</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void lines(StringBuilder h, String title, List<String> lines, String none) {
    h.append("<section class=\"panel\"><h2>").append(esc(title)).append("</h2>");
    if (lines.isEmpty()) {
      h.append("<p class=\"none\">").append(esc(none)).append("</p>");
    } else {
      h.append("<pre class=\"lines\">");
      lines.forEach(l -> h.append(esc(l)).append("\n"));
      h.append("</pre>");
    }
    h.append("</section>\n");
  }

  private static void card(StringBuilder h, String label, String value, String note, boolean alert) {
    h.append("<div class=\"card").append(alert ? " alert" : "").append("\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
        .append(esc(value)).append("</div><div class=\"note\">").append(esc(note)).append("</div></div>");
  }

  private static void detail(StringBuilder h, String term, String html) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
  }

  private static String esc(String s) {
    return HtmlReportWriter.escape(s);
  }

  /** {@code 1 statement}, {@code 2 statements}. */
  private static final class TextCount {
    static String of(long n, String word) {
      return PlanText.count(n, word);
    }
  }
}
