package io.dbdevops.report;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.md}: the result as a pull-request comment. One {@code diff} block per object, so GitHub colours
 * {@code +} and {@code -} lines. It holds no timings: an unchanged result gives an unchanged comment.
 */
public final class MarkdownReportWriter implements ReportWriter {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public String render(VerifyResult result, ReportContext context) {
    StringBuilder md = new StringBuilder();
    boolean passed = context.passed(result.passed());
    md.append("## ").append(passed ? "✅" : "❌").append(" dbdevops ").append(text(context.goal()))
        .append(": ").append(Wording.result(passed)).append("\n\n");
    md.append(text(Wording.summary(result))).append("\n\n");
    md.append("Changelog ").append(code(result.changelog())).append(" · state ").append(code(result.stateDirectory()))
        .append("\n");
    if (!result.passed()) {
      md.append("\n");
      md.append(legend()).append("\n");
      for (DiffRendering.ObjectChanges group : DiffRendering.group(result.differences())) {
        md.append("\n### ").append(group.kind().word()).append(' ').append(code(group.name())).append("\n\n");
        List<String> lines = group.changes().stream()
            .map(c -> c.sign().symbol() + " " + oneLine(c.describe()))
            .toList();
        String fence = fence(lines);
        md.append(fence).append("diff\n");
        lines.forEach(line -> md.append(line).append('\n'));
        md.append(fence).append('\n');
      }
      context.fixHint().ifPresent(fix -> md.append("\n**Fix:** ").append(withCode(fix)).append('\n'));
    }
    context.lint().ifPresent(lint -> lint(md.append('\n'), lint, "###"));
    return md.toString();
  }

  @Override
  public String renderLint(ReportContext context) {
    LintReport lint = context.lint().orElseThrow(() -> new IllegalArgumentException("no lint report to render"));
    StringBuilder md = new StringBuilder();
    md.append("## ").append(lint.passed() ? "✅" : "❌").append(" dbdevops ").append(text(context.goal()))
        .append(": ").append(Wording.result(lint.passed())).append("\n\n");
    lint(md, lint, "###");
    return md.toString();
  }

  /** The lint section: a summary line, then one item per finding (what, where, why, fix, doc page, acceptance). */
  private static void lint(StringBuilder md, LintReport lint, String heading) {
    md.append(heading).append(" Lint: ").append(text(lint.summary())).append("\n\n");
    md.append(text(LintWording.scope(lint))).append("\n");
    if (lint.findings().isEmpty()) {
      md.append("\nNo findings.\n");
      return;
    }
    md.append('\n');
    for (Finding f : lint.findings()) {
      md.append("- ").append(LintWording.symbol(f, lint)).append(" **").append(LintWording.label(f)).append("** ")
          .append(code(f.code())).append(' ').append(text(f.name())).append(" — ").append(code(f.object()))
          .append(" — ").append(f.site().changeSetId().map(id -> "changeset " + code(id) + " ").orElse(""))
          .append("(").append(code(f.site().location())).append(")  \n");
      md.append("  ").append(text(f.message()));
      if (!f.why().isEmpty()) {
        md.append(" — ").append(text(f.why()));
      }
      md.append("  \n  **Fix:** ").append(text(f.fix())).append(" · ").append(code(f.docs())).append('\n');
      f.acceptedReason().ifPresent(r -> md.append("  **Accepted:** ").append(text(r)).append('\n'));
    }
  }

  private static String legend() {
    StringBuilder sb = new StringBuilder();
    for (SchemaChange.Sign sign : SchemaChange.Sign.values()) {
      if (!sb.isEmpty()) {
        sb.append(" · ");
      }
      sb.append(code(sign.symbol())).append(' ').append(Wording.legend(sign));
    }
    return sb.toString();
  }

  /** Plain text with Markdown's active characters escaped, so a name never turns into markup. */
  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("\\`*_[]<>&|~#".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    return sb.toString();
  }

  /** A code span whose delimiter is longer than any backtick run inside it. */
  static String code(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    String delimiter = "`".repeat(longestBacktickRun(flat) + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`");
    return delimiter + (pad ? " " + flat + " " : flat) + delimiter;
  }

  /** Text whose backquoted parts become code spans. */
  private static String withCode(String s) {
    StringBuilder sb = new StringBuilder();
    Matcher m = CODE.matcher(s);
    int at = 0;
    while (m.find()) {
      sb.append(text(s.substring(at, m.start()))).append(code(m.group(1)));
      at = m.end();
    }
    return sb.append(text(s.substring(at))).toString();
  }

  /** A view definition may span lines; in a diff block every line must start with its sign. */
  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ");
  }

  private static String fence(List<String> lines) {
    int longest = lines.stream().mapToInt(MarkdownReportWriter::longestBacktickRun).max().orElse(0);
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static int longestBacktickRun(String s) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(s);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
