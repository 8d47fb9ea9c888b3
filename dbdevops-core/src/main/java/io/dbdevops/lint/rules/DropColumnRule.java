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
 * DBD103: a column of the released state is dropped (also under the name a pending rename gave it). A column the
 * pending part added (with nothing released: every column) is not judged: no running version reads it.
 */
@RuleMeta(code = "DBD103", name = "drop-column", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A column is dropped (DROP COLUMN, dropColumn, mergeColumns): its data is lost and running versions break.")
public final class DropColumnRule implements Rule {

  static final String WHY = "data loss; older app versions still read it";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropColumn d && context.existedAtRelease(op)) {
        String object = Identifiers.column(d.table(), d.column());
        out.add(context.finding(this, op, object, object + " is dropped", WHY, Guidance.COLUMN_EXPAND_CONTRACT));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnDropped d
          && !context.isRenamedColumn(d.tableName(), d.column().name())) {
        String object = Identifiers.column(d.tableName(), d.column().name());
        out.add(context.finding(this, change, object, object + " is dropped", WHY, Guidance.COLUMN_EXPAND_CONTRACT));
      }
    }
    return out;
  }
}
