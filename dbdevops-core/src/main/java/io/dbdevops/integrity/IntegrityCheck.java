package io.dbdevops.integrity;

import io.dbdevops.integrity.SumFile.Entry;
import io.dbdevops.liquibase.ChangeSetInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the changelog with the integrity file: which changesets are released and which pending, and whether the
 * released history still holds — DBD801 a released changeset was edited; DBD802 a new changeset was placed before
 * released ones, a released one is missing or moved, or a changeset identity appears twice. Returns a result; never
 * throws for a policy finding.
 */
public final class IntegrityCheck {

  static final String NEVER_EDIT = "never edit a released changeset: restore it and add a new changeset that makes the "
      + "change; if the edit is intended and harmless (a comment, formatting), declare the released checksum in the "
      + "changeset: <validCheckSum>%s</validCheckSum>";

  /**
   * Checks {@code changesets} against {@code sum}: the changesets the update selects, in execution order, as
   * {@link io.dbdevops.liquibase.ChangelogReader#read(io.dbdevops.config.ChangelogSource,
   * io.dbdevops.liquibase.Selection)} gives them. Changesets reusing an id in mutually exclusive contexts, labels or
   * dbms are then not both there; two that are both selected are a duplicate.
   */
  public IntegrityResult check(SumFile sum, List<ChangeSetInfo> changesets) {
    Map<String, Entry> releasedEntries = new LinkedHashMap<>();
    for (Entry entry : sum.entries()) {
      releasedEntries.putIfAbsent(entry.key(), entry);
    }
    int lastReleased = -1;
    for (int i = 0; i < changesets.size(); i++) {
      if (releasedEntries.containsKey(changesets.get(i).key())) {
        lastReleased = i;
      }
    }

    List<ChangeSetInfo> released = new ArrayList<>();
    List<ChangeSetInfo> pending = new ArrayList<>();
    List<IntegrityViolation> violations = new ArrayList<>();
    Map<String, ChangeSetInfo> seen = new HashMap<>();
    for (int i = 0; i < changesets.size(); i++) {
      ChangeSetInfo cs = changesets.get(i);
      ChangeSetInfo first = seen.putIfAbsent(cs.key(), cs);
      if (first != null) {
        violations.add(duplicate(cs, first));
        continue;
      }
      Entry entry = releasedEntries.get(cs.key());
      if (entry != null) {
        released.add(cs);
        if (!cs.acceptsChecksum(entry.checksum())) {
          violations.add(edited(cs, entry));
        }
      } else {
        pending.add(cs);
        if (i < lastReleased) {
          violations.add(beforeReleased(cs, nextReleased(changesets, i, releasedEntries)));
        }
      }
    }
    for (Entry entry : releasedEntries.values()) {
      if (!seen.containsKey(entry.key())) {
        violations.add(missing(entry));
      }
    }
    releasedOrderChanged(sum, released).ifPresent(violations::add);
    return new IntegrityResult(released, pending, violations, sum.problem());
  }

  private static IntegrityViolation edited(ChangeSetInfo cs, Entry entry) {
    return new IntegrityViolation(IntegrityRule.EDITED_RELEASED_CHANGESET, label(cs), cs.location(),
        "released changeset was edited: checksum " + entry.checksum() + " when released, " + cs.checksum() + " now; "
            + "environments that already ran it keep the old version, new ones get the new one, and Liquibase "
            + "refuses to update the old ones",
        NEVER_EDIT.formatted(entry.checksum()));
  }

  private static IntegrityViolation beforeReleased(ChangeSetInfo cs, ChangeSetInfo next) {
    return new IntegrityViolation(IntegrityRule.OUT_OF_ORDER, label(cs), cs.location(),
        "new changeset placed before released " + label(next) + " (" + next.location() + "); environments "
            + "that already ran the release apply it after, new environments before",
        "move it after the last released changeset, so every environment applies it in the same order");
  }

  private static IntegrityViolation duplicate(ChangeSetInfo cs, ChangeSetInfo first) {
    return new IntegrityViolation(IntegrityRule.OUT_OF_ORDER, label(cs), cs.location(),
        "duplicate changeset: " + cs.key() + " is also at " + first.location() + "; Liquibase identifies a changeset "
            + "by file (its logicalFilePath when set), id and author, and refuses an update that selects both "
            + "(duplicate identifiers)",
        "give the later one an id of its own; if the two are variants for different databases or environments, make "
            + "their dbms, context or labels mutually exclusive (dbdevops checks the changesets the configured "
            + "contexts and labels select for the target database, as the update does)");
  }

  private static IntegrityViolation missing(Entry entry) {
    return new IntegrityViolation(IntegrityRule.OUT_OF_ORDER, "changeset " + entry.id() + " by " + entry.author(),
        entry.file(), "released changeset is missing from the changelog: removed, renamed, or moved to another file "
            + "(file, id and author are its identity); environments that ran it keep what it made, new ones would not",
        "restore it as released (same file, id and author); to undo what it did, add a new changeset");
  }

  /** DBD802 when the released changesets no longer appear in the order they were released. */
  private static Optional<IntegrityViolation> releasedOrderChanged(SumFile sum, List<ChangeSetInfo> released) {
    Map<String, Integer> releaseOrder = new HashMap<>();
    for (Entry entry : sum.entries()) {
      releaseOrder.putIfAbsent(entry.key(), releaseOrder.size());
    }
    for (int i = 1; i < released.size(); i++) {
      ChangeSetInfo before = released.get(i - 1);
      ChangeSetInfo cs = released.get(i);
      if (releaseOrder.get(cs.key()) < releaseOrder.get(before.key())) {
        return Optional.of(new IntegrityViolation(IntegrityRule.OUT_OF_ORDER, label(cs), cs.location(),
            "released changesets were reordered: it now runs after " + label(before) + " (" + before.location()
                + "), released after it; new environments would apply them in another order than the released ones",
            "restore the released order in the changelog"));
      }
    }
    return Optional.empty();
  }

  private static ChangeSetInfo nextReleased(List<ChangeSetInfo> changesets, int from, Map<String, Entry> released) {
    for (int j = from + 1; j < changesets.size(); j++) {
      if (released.containsKey(changesets.get(j).key())) {
        return changesets.get(j);
      }
    }
    throw new IllegalStateException("no released changeset after " + from);
  }

  private static String label(ChangeSetInfo cs) {
    return "changeset " + cs.id() + " by " + cs.author();
  }
}
