package io.dbdevops.report;

import io.dbdevops.lint.LintReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report says about the run beyond the result itself: the goal, the fix to suggest and, when lint ran, its
 * findings (shown in their own section; a blocking finding makes the whole report FAILED). {@code fix} is one
 * line of plain text telling the user what to do when the gate fails; parts in backquotes (e.g.
 * {@code `mvn dbdevops:snapshot`}) are shown as code. Reports hold no timestamp, so nothing here is time-dependent.
 */
public record ReportContext(String goal, String fix, Optional<LintReport> lint) {

  public ReportContext(String goal, String fix) {
    this(goal, fix, Optional.empty());
  }

  public ReportContext {
    lint = Objects.requireNonNullElse(lint, Optional.empty());
    Objects.requireNonNull(goal, "goal");
    if (goal.isBlank()) {
      throw new IllegalArgumentException("goal is blank");
    }
    fix = fix == null ? "" : fix.strip();
  }

  /** The fix, when there is one to suggest. */
  public Optional<String> fixHint() {
    return fix.isEmpty() ? Optional.empty() : Optional.of(fix);
  }

  public ReportContext withLint(LintReport report) {
    return new ReportContext(goal, fix, Optional.of(report));
  }

  /** The overall verdict: the gate passed and lint (when it ran) has no blocking finding. */
  boolean passed(boolean gatePassed) {
    return gatePassed && lint.map(LintReport::passed).orElse(true);
  }
}
