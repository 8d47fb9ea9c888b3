package io.dbdevops.lint.rules;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;

/** DBD104: a table of the released state is truncated (one the pending part created holds only what it put there). */
@RuleMeta(code = "DBD104", name = "truncate", severity = Severity.ERROR, bump = Bump.NONE,
    summary = "A table is truncated (TRUNCATE, with or without CASCADE): every row is deleted.")
public final class TruncateRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.Truncate t && context.existedAtRelease(op)) {
        out.add(context.finding(this, op, t.table(), t.table() + " is truncated" + (t.cascade()
            ? " with CASCADE (every table referencing it is emptied too)" : ""),
            "data loss: every row is deleted, in every environment the release reaches",
            "Delete only the rows you mean, with a WHERE clause, in a data changeset; emptying a table is an "
                + "operation for one environment, not for the changelog"));
      }
    }
    return out;
  }
}
