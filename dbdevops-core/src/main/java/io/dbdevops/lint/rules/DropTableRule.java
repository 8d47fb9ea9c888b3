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
 * DBD101: a table of the released state is dropped. A table the pending part created (with nothing released: every
 * table) is not judged: no running version uses it.
 */
@RuleMeta(code = "DBD101", name = "drop-table", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A table is dropped (DROP TABLE, dropTable): its data is lost.")
public final class DropTableRule implements Rule {

  static final String WHY = "data loss; running app versions still read and write it";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropTable d && context.existedAtRelease(op)) {
        out.add(context.finding(this, op, d.table(), d.table() + " is dropped", WHY, Guidance.TABLE_EXPAND_CONTRACT));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.TableDropped d && !context.renamedTables().containsKey(d.table().name())) {
        out.add(context.finding(this, change, d.table().name(), d.table().name() + " is dropped", WHY,
            Guidance.TABLE_EXPAND_CONTRACT));
      }
    }
    return out;
  }
}
