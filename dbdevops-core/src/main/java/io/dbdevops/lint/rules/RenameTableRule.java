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
 * DBD201: a table is renamed — by renameTable / ALTER TABLE … RENAME TO / RENAME TABLE, or seen in the state as a
 * table that disappears while one with exactly its columns appears. Only tables of the released state: renaming one
 * the pending part created breaks nothing that runs.
 */
@RuleMeta(code = "DBD201", name = "rename-table", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A table is renamed: every running version that uses the old name breaks.")
public final class RenameTableRule implements Rule {

  static final String WHY = "running app versions still use the old name and break (use expand/contract)";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.RenameTable r && context.existedAtRelease(op)) {
        out.add(context.finding(this, op, r.table(), r.table() + " is renamed to " + r.newName(), WHY,
            Guidance.RENAME_TABLE));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.TableDropped d && context.renamedTables().containsKey(d.table().name())) {
        String from = d.table().name();
        out.add(context.finding(this, change, from, from + " is renamed to " + context.renamedTables().get(from), WHY,
            Guidance.RENAME_TABLE));
      }
    }
    return out;
  }
}
