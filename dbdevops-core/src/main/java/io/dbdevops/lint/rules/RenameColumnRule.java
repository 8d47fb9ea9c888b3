package io.dbdevops.lint.rules;

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
 * DBD202: a column of the released state is renamed (renameColumn, RENAME COLUMN, MySQL CHANGE COLUMN a b). Renaming a
 * column the pending part added breaks nothing that runs.
 */
@RuleMeta(code = "DBD202", name = "rename-column", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A column is renamed: every running version that reads or writes the old name breaks.")
public final class RenameColumnRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.RenameColumn r && context.existedAtRelease(op)) {
        String object = Identifiers.column(r.table(), r.column());
        out.add(context.finding(this, op, object, object + " is renamed to " + r.newName(),
            "running app versions still read and write the old name and break (use expand/contract)",
            Guidance.RENAME_COLUMN));
      }
    }
    return out;
  }
}
