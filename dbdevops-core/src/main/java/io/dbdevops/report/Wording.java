package io.dbdevops.report;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.VerifyResult;
import java.time.Duration;
import java.util.Locale;

/** Words and numbers the human-readable reports share, so Markdown and HTML say the same thing. */
final class Wording {

  static final String LEGEND_ADDED = "the changelog makes it, the state lacks it";
  static final String LEGEND_REMOVED = "the state has it, the changelog does not make it";
  static final String LEGEND_CHANGED = "both have it, but it differs";

  private Wording() {
  }

  static String result(boolean passed) {
    return passed ? "PASSED" : "FAILED";
  }

  /** {@code 1 changeset}, {@code 3 changesets}. */
  static String count(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }

  /** {@code 850 ms}, {@code 1.3 s}, {@code 12.0 s}: fixed format, whatever the default locale. */
  static String duration(Duration d) {
    long millis = d.toMillis();
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String legend(SchemaChange.Sign sign) {
    return switch (sign) {
      case ADDED -> LEGEND_ADDED;
      case REMOVED -> LEGEND_REMOVED;
      case CHANGED -> LEGEND_CHANGED;
    };
  }

  /** The one-line summary: what was applied where, what was compared, what differs. */
  static String summary(VerifyResult result) {
    int objects = DiffRendering.group(result.differences()).size();
    return count(result.changesetsApplied(), "changeset") + " applied on " + result.shadow() + "; compared "
        + count(result.objectsInState(), "object") + " in the state with " + result.objectsInShadow()
        + " from the changelog: "
        + (result.passed() ? "no differences." : count(result.differences().size(), "difference") + " in "
            + count(objects, "object") + ".");
  }

  /** The change type as a machine-stable name: {@code ColumnAdded}, {@code ViewModified}. */
  static String changeType(SchemaChange change) {
    return change.getClass().getSimpleName();
  }
}
