package io.dbdevops.lint.rules;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.RollbackRoundTrip;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DBD602: the pending changesets' update → rollback → update on the shadow does not give back the same states (the
 * rollback leaves or removes something, fails, or the update after it fails or builds something else). Judges the
 * round trip the gate ran ({@link LintContext#rollbackRoundTrip()}); a changeset Liquibase cannot roll back at all is
 * DBD601's finding, so an untestable round trip is not reported here. With nothing released the gate rolls back only
 * the last changesets ({@link io.dbdevops.gate.RoundTripScope}); the findings say how many.
 */
@RuleMeta(code = "DBD602", name = "rollback-not-roundtrip", severity = Severity.ERROR, bump = Bump.NONE,
    summary = "Update, rollback and update of the pending changesets on the shadow database do not give back the same "
        + "state.")
public final class RollbackRoundTripRule implements Rule {

  private static final String WHY = "the rollback does not undo the release: rolling back leaves the database in a "
      + "state no release had";
  private static final String FIX = "Make the changeset's <rollback> the exact inverse of its changes (or remove it "
      + "when Liquibase can derive the inverse itself)";

  @Override
  public List<Finding> check(LintContext context) {
    Optional<RollbackRoundTrip> trip = context.rollbackRoundTrip();
    if (trip.isEmpty() || !trip.get().failed() || context.pending().isEmpty()) {
      return List.of();
    }
    RollbackRoundTrip t = trip.get();
    List<Finding> out = new ArrayList<>();
    // per changeset (<rollbackTest>EACH</rollbackTest>) the differences are that changeset's own
    Optional<ChangeSetInfo> own = t.each() ? t.changeSet().flatMap(c -> named(context, c)) : Optional.empty();
    out.addAll(leg(context, t.afterRollback(), "after rolling back " + t.covered() + ", ", "still has", "has lost", own));
    out.addAll(leg(context, t.afterReapply(), "after rolling back " + (t.each() ? t.covered() + " " : "")
        + "and updating again, ", "has an extra", "lacks", own));
    if (!t.message().isEmpty() && t.afterRollback().isEmpty()) {
      ChangeSetInfo cs = t.changeSet().flatMap(c -> named(context, c))
          .or(() -> mentioned(context, t.message()))
          .orElse(last(context));
      out.add(context.finding(this, cs, cs.id(), "update → rollback → update of " + t.covered() + " fails: "
          + t.message(), WHY, FIX));
    }
    return out;
  }

  /** One finding per changeset responsible, listing the differences it left, as {@link DiffRendering} groups them. */
  private List<Finding> leg(LintContext context, List<SchemaChange> changes, String prefix, String added,
      String removed, Optional<ChangeSetInfo> own) {
    Map<ChangeSetInfo, List<String>> byChangeSet = new LinkedHashMap<>();
    for (DiffRendering.ObjectChanges group : DiffRendering.group(changes)) {
      for (SchemaChange c : group.changes()) {
        ChangeSetInfo cs = own.orElseGet(() -> context.attribute(c).orElse(last(context)));
        byChangeSet.computeIfAbsent(cs, k -> new ArrayList<>()).add(phrase(group, c, added, removed));
      }
    }
    List<Finding> out = new ArrayList<>();
    byChangeSet.forEach((cs, phrases) -> out.add(context.finding(this, cs, cs.id(), prefix + String.join("; ", phrases),
        WHY, FIX)));
    return out;
  }

  /** {@code table orders still has column coupon_code varchar(20) null}. */
  static String phrase(DiffRendering.ObjectChanges group, SchemaChange c, String added, String removed) {
    if (c instanceof SchemaChange.TableAdded) {
      return group.title() + (added.equals("still has") ? " still exists" : " exists but should not");
    }
    if (c instanceof SchemaChange.TableDropped) {
      return group.title() + " is missing";
    }
    return switch (c.sign()) {
      case ADDED -> group.title() + " " + added + " " + c.describe();
      case REMOVED -> group.title() + " " + removed + " " + c.describe();
      case CHANGED -> group.title() + " differs: " + c.describe();
    };
  }

  private static Optional<ChangeSetInfo> named(LintContext context, AppliedChangeSet c) {
    return context.pending().stream().filter(cs -> cs.id().equals(c.id()) && cs.author().equals(c.author())).reduce(
        (a, b) -> a.file().equals(c.file()) ? a : b);
  }

  /** The pending changeset an error message names ({@code changeset 100 (author x)}). */
  private static Optional<ChangeSetInfo> mentioned(LintContext context, String message) {
    return context.pending().stream()
        .filter(cs -> message.contains("changeset " + cs.id() + " (author " + cs.author() + ")")).findFirst();
  }

  private static ChangeSetInfo last(LintContext context) {
    return context.pending().get(context.pending().size() - 1);
  }
}
