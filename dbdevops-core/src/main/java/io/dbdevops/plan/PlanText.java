package io.dbdevops.plan;

/** Wording shared by the plan files and the console. */
public final class PlanText {

  private PlanText() {
  }

  /** {@code 3 changesets, 5 statements; 1 lossy, 1 irreversible; 2 lint findings (1 accepted)}. */
  public static String summary(Plan plan) {
    long lossy = plan.changeSets().stream().filter(Plan.PlannedChangeSet::lossy).count();
    long accepted = plan.lint().stream().filter(Plan.PlannedFinding::accepted).count();
    return count(plan.changeSets().size(), "changeset") + ", " + count(plan.statements(), "statement") + "; "
        + lossy + " lossy, " + plan.irreversible() + " irreversible; " + count(plan.lint().size(), "lint finding")
        + (accepted > 0 ? " (" + accepted + " accepted)" : "") + (plan.drift().isEmpty() ? "; no drift"
        : "; drift in " + count((int) plan.drift().stream().filter(l -> !l.startsWith(" ")).count(), "object"));
  }

  static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
