package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;

/**
 * DBD303: a unique constraint or unique index is added on columns of an existing table. Tables created in the same
 * pending part are exempt.
 */
@RuleMeta(code = "DBD303", name = "add-unique", severity = Severity.WARN, bump = Bump.MAJOR,
    summary = "A unique constraint or unique index is added on columns of an existing table.")
public final class AddUniqueRule implements Rule {

  static final String WHY = "fails if existing rows hold duplicates";
  static final String FIX = "Check for duplicates first (SELECT cols, count(*) … GROUP BY cols HAVING count(*) > 1) and "
      + "clean them up; on PostgreSQL build the unique index CONCURRENTLY, then add the constraint USING INDEX";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.AddUnique u && !context.isNew(u.table()) && !u.columns().isEmpty()) {
        add(context, out, op, null, Names.columns(u.table(), u.columns()));
      } else if (op instanceof Operation.CreateIndex i && i.unique() && !context.isNew(i.table())
          && !i.columns().isEmpty()) {
        add(context, out, op, null, Names.columns(i.table(), i.columns()));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.UniqueConstraintAdded u && !context.isNew(u.tableName())) {
        add(context, out, null, change, Names.columns(u.tableName(), u.constraint().columns()));
      } else if (change instanceof SchemaChange.IndexAdded i && i.index().unique() && !context.isNew(i.tableName())) {
        add(context, out, null, change, Names.columns(i.tableName(), i.index().columns()));
      }
    }
    return out;
  }

  private void add(LintContext context, List<Finding> out, Operation op, SchemaChange change, String object) {
    String message = "unique " + object + " is added on existing rows";
    out.add(op != null ? context.finding(this, op, object, message, WHY, FIX)
        : context.finding(this, change, object, message, WHY, FIX));
  }
}
