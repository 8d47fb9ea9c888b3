package io.dbdevops.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What a report says about the run beyond the result itself: the goal and the fix to suggest. {@code fix} is one
 * line of plain text telling the user what to do when the gate fails; parts in backquotes (e.g.
 * {@code `mvn dbdevops:snapshot`}) are shown as code. Reports hold no timestamp, so nothing here is time-dependent.
 */
public record ReportContext(String goal, String fix) {

  public ReportContext {
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
}
