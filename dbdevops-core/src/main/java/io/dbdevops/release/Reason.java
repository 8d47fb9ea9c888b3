package io.dbdevops.release;

import io.dbdevops.lint.Finding;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of the pending part and the version class it needs: what it does, to which object, and the changeset
 * (file:line) responsible.
 *
 * @param object the object concerned: {@code orders.note}, {@code orders}
 * @param change what the change does: {@code orders.note is dropped}
 * @param rule the rule that judged it ({@code DBD103 drop-column}), empty when the typed diff classified it alone
 * @param site where it is written: the changeset, its file and line; no changeset when none could be named
 */
public record Reason(Bump bump, String object, String change, Optional<String> rule, Finding.Site site) {

  public Reason {
    Objects.requireNonNull(bump, "bump");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(change, "change");
    rule = Objects.requireNonNullElse(rule, Optional.empty());
    Objects.requireNonNull(site, "site");
  }

  /** {@code changeset 100-drop-note (db/changelog/changes/100.xml:8)}, or {@code a pending change (…)}. */
  public String where() {
    return site.changeSetId().map(id -> "changeset " + id).orElse("a pending change") + " (" + site.location() + ")";
  }

  /** {@code MAJOR orders.note is dropped by changeset 100 (db/…/100.xml:8) [DBD103 drop-column]}. */
  public String describe() {
    return bump + " " + change + " by " + where() + rule.map(r -> " [" + r + "]").orElse("");
  }
}
