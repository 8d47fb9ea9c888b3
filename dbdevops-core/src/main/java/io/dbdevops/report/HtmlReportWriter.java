package io.dbdevops.report;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page for a person: inline CSS, no script, no external resource, so it
 * opens from a CI artifact as it is. Every value is HTML-escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static final String CSS = Templates.stylesheet();

  @Override
  public String fileName() {
    return "report.html";
  }

  record Card(String label, String value, boolean text, String note) {
  }

  record Change(String css, String legend, String sign, String type, String text) {
  }

  record Group(String kind, String name, String count, List<Change> changes) {
  }

  record Legend(String css, String sign, String text) {
  }

  record LintRow(String css, String label, String code, String name, String object, String changeSet, String location,
      String message, String why, String fix, String docs, String acceptedReason) {
  }

  record LintPanel(String summary, String scope, List<LintRow> findings) {
    public boolean hasFindings() {
      return !findings.isEmpty();
    }
  }

  record ReportPage(String goal, String verdict, String verdictClass, String summary, List<Card> cards, String fixHtml,
      String differenceCount, List<Group> groups, List<Legend> legend, LintPanel lint, String changelog,
      String stateDirectory, String shadow, String dialect) {
    public boolean hasGroups() {
      return !groups.isEmpty();
    }
  }

  record LintPage(String goal, String verdict, String verdictClass, String summary, List<Card> cards, LintPanel lint) {
  }

  @Override
  public String render(VerifyResult result, ReportContext context) {
    String verdict = Wording.result(context.passed(result.passed()));
    VerifyResult.Timings t = result.timings();
    List<Card> cards = List.of(
        new Card("Changesets applied", String.valueOf(result.changesetsApplied()), false, "on the shadow database"),
        new Card("Objects in state", String.valueOf(result.objectsInState()), false, "committed"),
        new Card("Objects in shadow", String.valueOf(result.objectsInShadow()), false, "made by the changelog"),
        new Card("Shadow", result.shadow(), true, result.dialect().word()),
        new Card("Time", Wording.duration(t.total()), false, "apply " + Wording.duration(t.apply()) + " · snapshot "
            + Wording.duration(t.snapshot()) + " · diff " + Wording.duration(t.diff())));
    var grouped = result.passed() ? List.<DiffRendering.ObjectChanges>of() : DiffRendering.group(result.differences());
    List<Group> groups = grouped.stream().map(g -> new Group(g.kind().word(), g.name(),
        Wording.count(g.changes().size(), "change"), g.changes().stream().map(c -> new Change(cssClass(c.sign()),
            Wording.legend(c.sign()), c.sign().symbol(), Wording.changeType(c), c.describe())).toList())).toList();
    List<Legend> legend = java.util.Arrays.stream(SchemaChange.Sign.values())
        .map(sign -> new Legend(cssClass(sign), sign.symbol(), Wording.legend(sign))).toList();
    return Templates.render("report", new ReportPage(context.goal(), verdict, verdict.toLowerCase(java.util.Locale.ROOT),
        Wording.summary(result), cards, result.passed() ? null : context.fixHint().map(HtmlReportWriter::withCode)
            .orElse(null),
        result.passed() ? "none" : Wording.count(result.differences().size(), "difference") + " in "
            + Wording.count(grouped.size(), "object"), groups, legend, context.lint().map(HtmlReportWriter::lintPanel)
            .orElse(null), result.changelog(), result.stateDirectory(), result.shadow(), result.dialect().word()));
  }

  @Override
  public String renderLint(ReportContext context) {
    LintReport lint = context.lint().orElseThrow(() -> new IllegalArgumentException("no lint report to render"));
    String verdict = Wording.result(lint.passed());
    List<Card> cards = List.of(new Card("Errors", String.valueOf(lint.count(Severity.ERROR)), false, "not accepted"),
        new Card("Warnings", String.valueOf(lint.count(Severity.WARN)), false, "not accepted"),
        new Card("Info", String.valueOf(lint.count(Severity.INFO)), false, "reports only"),
        new Card("Accepted", String.valueOf(lint.accepted()), false, "with a reason"),
        new Card("Pending changesets", String.valueOf(lint.pendingChangesets()), false,
            "judged for " + lint.dialect().word()));
    return Templates.render("lint", new LintPage(context.goal(), verdict, verdict.toLowerCase(java.util.Locale.ROOT),
        lint.summary(), cards, lintPanel(lint)));
  }

  /** The lint panel: one row per finding, accepted ones with their reason. */
  private static LintPanel lintPanel(LintReport lint) {
    return new LintPanel(lint.summary(), LintWording.scope(lint), lint.findings().stream().map(f -> new LintRow(
        f.accepted() ? "accepted" : lint.blocks(f) ? "blocks" : f.severity().word(), LintWording.label(f), f.code(),
        f.name(), f.object(), f.site().changeSetId().orElse(null), f.site().location(), f.message(),
        f.why().isEmpty() ? null : f.why(), f.fix(), f.docs(), f.acceptedReason().orElse(null))).toList());
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
