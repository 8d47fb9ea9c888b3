package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.Column;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;

/**
 * DBD301: a NOT NULL column without a default is added to an existing table. Tables created in the same pending part
 * are exempt (they are empty).
 */
@RuleMeta(code = "DBD301", name = "add-required-column", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A NOT NULL column without a default is added to an existing table.")
public final class AddRequiredColumnRule implements Rule {

  static final String WHY = "fails on a table that has rows: existing rows have no value for it";
  static final String FIX = "Add it with a DEFAULT, or add it nullable, backfill it, then add NOT NULL in a later "
      + "changeset";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.AddColumn a && !context.isNew(a.table()) && a.column().notNull()
          && a.column().defaultValue().isEmpty() && !a.column().identity()) {
        String object = Identifiers.column(a.table(), a.column().name());
        out.add(context.finding(this, op, object, "NOT NULL column " + object + " is added without a default", WHY,
            FIX));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnAdded a && !context.isNew(a.tableName())
          && !context.isRenamedColumnTarget(a.tableName(), a.column().name())) {
        Column c = a.column();
        if (!c.nullable() && c.defaultValue().isEmpty() && !c.identity()) {
          String object = Identifiers.column(a.tableName(), c.name());
          out.add(context.finding(this, change, object, "NOT NULL column " + object + " is added without a default",
              WHY, FIX));
        }
      }
    }
    return out;
  }
}
