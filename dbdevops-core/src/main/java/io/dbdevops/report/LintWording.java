package io.dbdevops.report;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;

/** Words the human-readable reports use for lint, so Markdown and HTML say the same thing. */
final class LintWording {

  private LintWording() {
  }

  /** {@code error}, {@code warning}, {@code info}, or {@code accepted (error)}. */
  static String label(Finding f) {
    String severity = switch (f.severity()) {
      case ERROR -> "error";
      case WARN -> "warning";
      case INFO -> "info";
    };
    return f.accepted() ? "accepted (" + severity + ")" : severity;
  }

  static String symbol(Finding f, LintReport lint) {
    if (f.accepted()) {
      return "☑️";
    }
    if (lint.blocks(f)) {
      return "❌";
    }
    return switch (f.severity()) {
      case ERROR, WARN -> "⚠️";
      case INFO -> "ℹ️";
    };
  }

  /** What was judged and when the build fails: {@code 3 pending changesets judged for postgresql; …}. */
  static String scope(LintReport lint) {
    String failOn = lint.failOn().map(s -> "the build fails on " + s.word() + (s == io.dbdevops.lint.Severity.ERROR
        ? "s" : " and above")).orElse("lint never fails the build (failOn OFF)");
    return Wording.count(lint.pendingChangesets(), "pending changeset") + " judged by " + Wording.count(
        lint.rules().size(), "rule") + " for " + lint.dialect().word() + "; " + failOn + "; accepted findings never "
        + "fail it.";
  }
}
