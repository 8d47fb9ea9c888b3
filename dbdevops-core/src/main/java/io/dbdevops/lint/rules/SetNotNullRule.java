package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;

/** DBD302: an existing column is made NOT NULL. Tables created in the same pending part are exempt. */
@RuleMeta(code = "DBD302", name = "set-not-null", severity = Severity.WARN, bump = Bump.MAJOR,
    summary = "An existing column is made NOT NULL (addNotNullConstraint, SET NOT NULL, MODIFY … NOT NULL).")
public final class SetNotNullRule implements Rule {

  static final String WHY = "fails if a row holds NULL, and checks every row while holding a lock that blocks writes";
  static final String FIX = "Backfill the NULLs first; on PostgreSQL add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, "
      + "then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan)";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.SetNotNull s && !context.isNew(s.table())) {
        String object = Identifiers.column(s.table(), s.column());
        out.add(context.finding(this, op, object, object + " is made NOT NULL", WHY, FIX));
      } else if (op instanceof Operation.ChangeType c && c.nullable().map(n -> !n).orElse(false)
          && context.releasedColumnOf(op).map(col -> col.nullable()).orElse(false)) {
        String object = Identifiers.column(c.table(), c.column());
        out.add(context.finding(this, op, object, object + " is made NOT NULL", WHY, FIX));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnModified m && m.from().nullable() && !m.to().nullable()) {
        String object = Identifiers.column(m.tableName(), m.from().name());
        out.add(context.finding(this, change, object, object + " is made NOT NULL", WHY, FIX));
      }
    }
    return out;
  }
}
