package io.dbdevops.lint.rules;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * DBD202: a column of the released state is renamed (renameColumn, RENAME COLUMN, MySQL CHANGE COLUMN a b). Renaming a
 * column the pending part added breaks nothing that runs.
 */
public final class RenameColumnRule implements Rule {

  @Override
  public String code() {
    return "DBD202";
  }

  @Override
  public String name() {
    return "rename-column";
  }

  @Override
  public String summary() {
    return "A column is renamed: every running version that reads or writes the old name breaks.";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

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
