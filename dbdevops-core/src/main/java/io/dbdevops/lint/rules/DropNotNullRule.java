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

/**
 * DBD204: a column that is NOT NULL in the released state becomes nullable, so readers may now meet NULL. Columns the
 * pending part added are not judged.
 */
@RuleMeta(code = "DBD204", name = "drop-not-null", severity = Severity.WARN, bump = Bump.MINOR,
    summary = "A column's NOT NULL constraint is removed (dropNotNullConstraint, DROP NOT NULL, MODIFY … NULL).")
public final class DropNotNullRule implements Rule {

  static final String WHY = "readers written for a NOT NULL column may fail on NULL";
  static final String FIX = "Release readers that handle NULL first; then drop the constraint in a later release";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropNotNull d
          && context.releasedColumnOf(op).map(col -> !col.nullable()).orElse(false)) {
        String object = Identifiers.column(d.table(), d.column());
        out.add(context.finding(this, op, object, object + " becomes nullable", WHY, FIX));
      } else if (op instanceof Operation.ChangeType c && c.nullable().orElse(false)
          && context.releasedColumnOf(op).map(col -> !col.nullable()).orElse(false)) {
        String object = Identifiers.column(c.table(), c.column());
        out.add(context.finding(this, op, object, object + " becomes nullable (its new definition has no NOT NULL)",
            WHY, FIX));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnModified m && !m.from().nullable() && m.to().nullable()) {
        String object = Identifiers.column(m.tableName(), m.from().name());
        out.add(context.finding(this, change, object, object + " becomes nullable", WHY, FIX));
      }
    }
    return out;
  }
}
