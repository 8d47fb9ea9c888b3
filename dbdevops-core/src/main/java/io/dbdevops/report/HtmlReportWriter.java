package io.dbdevops.report;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page for a person: inline CSS, no script, no external resource, so it
 * opens from a CI artifact as it is. Every value is HTML-escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static final String CSS = Templates.stylesheet();

  private static final String LINT_CSS = """
      p.scope { margin: 0; padding: 10px 16px; color: var(--muted); font-size: 13px; border-bottom: 1px solid var(--border); }
      table.lint { width: 100%; border-collapse: collapse; font-size: 14px; }
      table.lint th { text-align: left; padding: 8px 12px; font-size: 12px; color: var(--muted); text-transform: uppercase;
        letter-spacing: 0.05em; background: #fbfcfd; border-bottom: 1px solid var(--border); }
      table.lint td { padding: 8px 12px; vertical-align: top; border-bottom: 1px solid var(--border);
        overflow-wrap: anywhere; }
      table.lint td.sev { font-weight: 600; white-space: nowrap; }
      table.lint tr.blocks td.sev { color: var(--bad); }
      table.lint tr.blocks td:first-child { border-left: 4px solid var(--bad); }
      table.lint tr.warn td.sev, table.lint tr.error td.sev { color: var(--chg); }
      table.lint tr.info td.sev { color: var(--muted); }
      table.lint tr.accepted td.sev { color: var(--ok); }
      table.lint tr.accepted td:first-child { border-left: 4px solid var(--ok); }
      .fixline, .reason { margin-top: 6px; font-size: 13px; }
      .reason { color: var(--ok); }
      """;

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(VerifyResult result, ReportContext context) {
    String verdict = Wording.result(context.passed(result.passed()));
    String goal = esc(context.goal());
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>dbdevops ").append(goal).append(": ").append(verdict).append("</title>\n")
        .append("<style>\n").append(CSS).append(context.lint().isPresent() ? LINT_CSS : "")
        .append("</style>\n</head>\n<body>\n<main>\n");

    h.append("<header class=\"top\">\n<div>\n<h1><span class=\"tool\">dbdevops</span> ").append(goal).append("</h1>\n")
        .append("<p>").append(esc(Wording.summary(result))).append("</p>\n</div>\n")
        .append("<span class=\"badge ").append(verdict.toLowerCase(java.util.Locale.ROOT)).append("\">")
        .append(verdict).append("</span>\n</header>\n");

    VerifyResult.Timings t = result.timings();
    h.append("<section class=\"cards\">\n");
    card(h, "Changesets applied", String.valueOf(result.changesetsApplied()), false, "on the shadow database");
    card(h, "Objects in state", String.valueOf(result.objectsInState()), false, "committed");
    card(h, "Objects in shadow", String.valueOf(result.objectsInShadow()), false, "made by the changelog");
    card(h, "Shadow", result.shadow(), true, result.dialect().word());
    card(h, "Time", Wording.duration(t.total()), false, "apply " + Wording.duration(t.apply()) + " · snapshot "
        + Wording.duration(t.snapshot()) + " · diff " + Wording.duration(t.diff()));
    h.append("</section>\n");

    if (!result.passed()) {
      context.fixHint().ifPresent(fix -> h.append("<aside class=\"fix\"><strong>How to fix</strong><p>")
          .append(withCode(fix)).append("</p></aside>\n"));
    }
    differences(h, result);
    context.lint().ifPresent(lint -> lint(h, lint));

    h.append("<section class=\"panel\">\n<h2>Run</h2>\n<dl class=\"details\">\n");
    detail(h, "Changelog", "<code>" + esc(result.changelog()) + "</code>");
    detail(h, "State directory", "<code>" + esc(result.stateDirectory()) + "</code>");
    detail(h, "Shadow database", esc(result.shadow()));
    detail(h, "Dialect", esc(result.dialect().word()));
    h.append("</dl>\n</section>\n</main>\n");

    h.append("<footer>dbdevops ").append(goal).append(" report · the changelog is applied to a fresh shadow ")
        .append("database, snapshotted and compared with the committed state. The report holds no timestamp: ")
        .append("the same run gives the same page.</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void differences(StringBuilder h, VerifyResult result) {
    var groups = DiffRendering.group(result.differences());
    h.append("<section class=\"panel\">\n<h2>Differences <span class=\"count\">");
    if (result.passed()) {
      h.append("none</span></h2>\n<p class=\"none\">No differences: the changelog makes exactly the committed state.</p>\n");
      h.append("</section>\n");
      return;
    }
    h.append(esc(Wording.count(result.differences().size(), "difference") + " in "
        + Wording.count(groups.size(), "object"))).append("</span></h2>\n<table class=\"diff\">\n");
    for (DiffRendering.ObjectChanges group : groups) {
      h.append("<tbody>\n<tr><th colspan=\"3\"><span class=\"kind\">").append(esc(group.kind().word()))
          .append("</span>").append(esc(group.name())).append("<span class=\"count\">")
          .append(esc(Wording.count(group.changes().size(), "change"))).append("</span></th></tr>\n");
      for (SchemaChange change : group.changes()) {
        h.append("<tr class=\"").append(cssClass(change.sign())).append("\" title=\"")
            .append(esc(Wording.legend(change.sign()))).append("\"><td class=\"sign\">")
            .append(esc(change.sign().symbol())).append("</td><td class=\"type\">")
            .append(esc(Wording.changeType(change))).append("</td><td>")
            .append(esc(change.describe())).append("</td></tr>\n");
      }
      h.append("</tbody>\n");
    }
    h.append("</table>\n<p class=\"legend\">");
    for (SchemaChange.Sign sign : SchemaChange.Sign.values()) {
      h.append("<span><b class=\"").append(cssClass(sign)).append("\">").append(esc(sign.symbol())).append("</b> ")
          .append(esc(Wording.legend(sign))).append("</span>");
    }
    h.append("</p>\n</section>\n");
  }

  @Override
  public String renderLint(ReportContext context) {
    LintReport lint = context.lint().orElseThrow(() -> new IllegalArgumentException("no lint report to render"));
    String verdict = Wording.result(lint.passed());
    String goal = esc(context.goal());
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>dbdevops ").append(goal).append(": ").append(verdict).append("</title>\n")
        .append("<style>\n").append(CSS).append(LINT_CSS).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<header class=\"top\">\n<div>\n<h1><span class=\"tool\">dbdevops</span> ").append(goal).append("</h1>\n")
        .append("<p>").append(esc(lint.summary())).append("</p>\n</div>\n")
        .append("<span class=\"badge ").append(verdict.toLowerCase(java.util.Locale.ROOT)).append("\">")
        .append(verdict).append("</span>\n</header>\n");
    h.append("<section class=\"cards\">\n");
    card(h, "Errors", String.valueOf(lint.count(Severity.ERROR)), false, "not accepted");
    card(h, "Warnings", String.valueOf(lint.count(Severity.WARN)), false, "not accepted");
    card(h, "Info", String.valueOf(lint.count(Severity.INFO)), false, "reports only");
    card(h, "Accepted", String.valueOf(lint.accepted()), false, "with a reason");
    card(h, "Pending changesets", String.valueOf(lint.pendingChangesets()), false, "judged for " + lint.dialect().word());
    h.append("</section>\n");
    lint(h, lint);
    h.append("</main>\n<footer>dbdevops ").append(goal).append(" report · the pending changesets are judged by the ")
        .append("rules in docs/rules/. The report holds no timestamp: the same run gives the same page.</footer>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  /** The lint panel: one row per finding, accepted ones with their reason. */
  private static void lint(StringBuilder h, LintReport lint) {
    h.append("<section class=\"panel\" id=\"lint\">\n<h2>Lint <span class=\"count\">")
        .append(esc(lint.summary())).append("</span></h2>\n<p class=\"scope\">").append(esc(LintWording.scope(lint)))
        .append("</p>\n");
    if (lint.findings().isEmpty()) {
      h.append("<p class=\"none\">No findings: the pending changesets pass every rule.</p>\n</section>\n");
      return;
    }
    h.append("<table class=\"lint\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Where</th>")
        .append("<th>Finding</th></tr></thead>\n<tbody>\n");
    for (Finding f : lint.findings()) {
      String css = f.accepted() ? "accepted" : lint.blocks(f) ? "blocks" : f.severity().word();
      h.append("<tr class=\"").append(css).append("\"><td class=\"sev\">").append(esc(LintWording.label(f)))
          .append("</td><td><code>").append(esc(f.code())).append("</code><br>").append(esc(f.name()))
          .append("</td><td><code>").append(esc(f.object())).append("</code></td><td>")
          .append(f.site().changeSetId().map(id -> "changeset <code>" + esc(id) + "</code><br>").orElse(""))
          .append("<code>").append(esc(f.site().location())).append("</code></td><td>")
          .append(esc(f.message())).append(f.why().isEmpty() ? "" : " — " + esc(f.why()))
          .append("<div class=\"fixline\"><strong>Fix:</strong> ").append(esc(f.fix())).append(" · <code>")
          .append(esc(f.docs())).append("</code></div>");
      f.acceptedReason().ifPresent(r -> h.append("<div class=\"reason\"><strong>Accepted:</strong> ").append(esc(r))
          .append("</div>"));
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void card(StringBuilder h, String label, String value, boolean text, String note) {
    h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value")
        .append(text ? " text" : "").append("\">").append(esc(value)).append("</div><div class=\"note\">")
        .append(esc(note)).append("</div></div>\n");
  }

  private static void detail(StringBuilder h, String term, String html) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private static String cssClass(SchemaChange.Sign sign) {
    return switch (sign) {
      case ADDED -> "added";
      case REMOVED -> "removed";
      case CHANGED -> "changed";
    };
  }

  /** Text whose backquoted parts become {@code <code>}; everything escaped. */
  private static String withCode(String s) {
    StringBuilder sb = new StringBuilder();
    Matcher m = CODE.matcher(s);
    int at = 0;
    while (m.find()) {
      sb.append(esc(s.substring(at, m.start()))).append("<code>").append(esc(m.group(1))).append("</code>");
      at = m.end();
    }
    return sb.append(esc(s.substring(at))).toString();
  }

  /** Escapes text for element content and quoted attribute values. */
  /** The reports' stylesheet, for other pages of the same look (the plan). */
  public static String stylesheet() {
    return CSS;
  }

  /** {@code s} HTML-escaped. */
  public static String escape(String s) {
    return esc(s);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
