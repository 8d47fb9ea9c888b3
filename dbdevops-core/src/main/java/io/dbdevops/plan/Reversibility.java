package io.dbdevops.plan;

import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.rules.NoRollbackRule;
import java.util.Locale;

/**
 * How a planned changeset can be undone: {@code auto} (Liquibase makes the inverse of every change), {@code scripted}
 * (the changeset has its own {@code <rollback>}, or formatted SQL {@code --rollback} lines), {@code irreversible}
 * (neither: a roll-forward only change). Decided as DBD601 decides it.
 */
public enum Reversibility {
  AUTO, SCRIPTED, IRREVERSIBLE;

  public static Reversibility of(ChangeSetInfo changeSet) {
    if (changeSet.hasRollback()) {
      return SCRIPTED;
    }
    for (ChangeInfo c : changeSet.changes()) {
      if (!NoRollbackRule.invertible(c.type())) {
        return IRREVERSIBLE;
      }
    }
    return AUTO;
  }

  /** {@code auto}, {@code scripted}, {@code irreversible}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
