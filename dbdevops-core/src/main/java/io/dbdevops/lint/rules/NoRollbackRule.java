package io.dbdevops.lint.rules;

import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * DBD601: a changeset Liquibase cannot reverse on its own (raw SQL, sqlFile, loadData, dropTable, modifyDataType, …)
 * that has no {@code rollback}. The reversible change types are those whose Liquibase class creates its inverse
 * (liquibase-core 4.33: {@code createInverses()}). A changeset with a non-empty {@code rollback} (or formatted-SQL
 * {@code --rollback} lines) is not reported: whether that rollback works is DBD602's round trip.
 */
@RuleMeta(code = "DBD601", name = "no-rollback", severity = Severity.WARN, bump = Bump.NONE,
    summary = "A changeset Liquibase cannot reverse by itself (sql, sqlFile, loadData, drops, modifyDataType, …) has no "
        + "rollback.")
public final class NoRollbackRule implements Rule {

  static final Set<String> REVERSIBLE = Set.of("addColumn", "addDefaultValue", "addForeignKeyConstraint",
      "addLookupTable", "addNotNullConstraint", "addPrimaryKey", "addUniqueConstraint", "createIndex", "createSequence",
      "createTable", "createView", "dropNotNullConstraint", "empty", "output", "renameColumn", "renameSequence",
      "renameTable", "renameView", "tagDatabase");

  /** True when Liquibase makes the inverse of a change of this type by itself (what a rollback of it runs). */
  public static boolean invertible(String changeType) {
    return REVERSIBLE.contains(changeType);
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (ChangeSetInfo cs : context.pending()) {
      if (cs.hasRollback()) {
        continue;
      }
      Set<String> irreversible = new TreeSet<>();
      for (ChangeInfo c : cs.changes()) {
        if (!REVERSIBLE.contains(c.type())) {
          irreversible.add(c.type());
        }
      }
      if (!irreversible.isEmpty()) {
        out.add(context.finding(this, cs, cs.id(), "a change Liquibase cannot reverse (" + String.join(", ", irreversible)
            + ") is made without a rollback",
            "a rollback of the release fails when it is needed most",
            "Add a <rollback> with the inverse changes (formatted SQL: --rollback lines); when the change cannot be "
                + "undone, accept this finding with the reason (the release is then roll-forward only)"));
      }
    }
    return out;
  }
}
