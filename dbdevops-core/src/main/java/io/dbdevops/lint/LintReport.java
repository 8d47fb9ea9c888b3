package io.dbdevops.lint;

import io.dbdevops.config.Dialect;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a lint run: every finding (accepted ones included, marked), sorted by file, line and code; the
 * rules that ran; and the level that fails the build. A result, never an exception: the caller decides the outcome.
 *
 * @param rules the rules that judged this run, with their effective severity
 * @param skipped rules not run because they do not apply to {@code dialect}
 * @param pendingChangesets how many changesets were judged
 */
public record LintReport(Dialect dialect, Optional<Severity> failOn, int pendingChangesets, List<RuleInfo> rules,
    List<RuleInfo> skipped, List<Finding> findings, Duration took) {

  /** A rule as it ran: code, name, one-line summary, default and configured severity, doc page. */
  public record RuleInfo(String code, String name, String summary, Severity defaultSeverity, Severity severity) {
    public String docs() {
      return "docs/rules/" + code + ".md";
    }
  }

  public LintReport {
    Objects.requireNonNull(dialect, "dialect");
    failOn = Objects.requireNonNullElse(failOn, Optional.empty());
    rules = List.copyOf(rules);
    skipped = List.copyOf(skipped);
    findings = List.copyOf(findings);
    took = Objects.requireNonNullElse(took, Duration.ZERO);
  }

  /** Findings not accepted, of exactly this severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> !f.accepted() && f.severity() == severity).count();
  }

  public long accepted() {
    return findings.stream().filter(Finding::accepted).count();
  }

  /** True when the finding fails the build: not accepted, at or above {@code failOn}. */
  public boolean blocks(Finding finding) {
    return !finding.accepted() && failOn.map(level -> finding.severity().atLeast(level)).orElse(false);
  }

  public List<Finding> blocking() {
    return findings.stream().filter(this::blocks).toList();
  }

  public boolean passed() {
    return blocking().isEmpty();
  }

  /** Whether the run passes at another fail level. */
  public boolean passed(Severity level) {
    return findings.stream().noneMatch(f -> !f.accepted() && f.severity().atLeast(level));
  }

  /** {@code 1 error, 2 warnings, 1 accepted} (info findings counted when there are some). */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(plural(count(Severity.ERROR), "error")).append(", ").append(plural(count(Severity.WARN), "warning"));
    long info = count(Severity.INFO);
    if (info > 0) {
      b.append(", ").append(info).append(" info");
    }
    return b.append(", ").append(accepted()).append(" accepted").toString();
  }

  private static String plural(long n, String word) {
    return n + " " + (n == 1 ? word : word + "s");
  }
}
