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

/** DBD105: an UPDATE or DELETE without a WHERE clause. Tables created in the same pending part are exempt. */
@RuleMeta(code = "DBD105", name = "dml-without-where", severity = Severity.WARN, bump = Bump.NONE,
    summary = "An UPDATE or DELETE without a WHERE clause (sql, update, delete) touches every row of the table.")
public final class DmlWithoutWhereRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.ModifyRows m && !m.hasWhere() && !context.isNew(m.table())) {
        out.add(context.finding(this, op, m.table(), m.verb() + " of every row of " + m.table() + " (no WHERE)",
            "touches every row: a long transaction holding row locks, and on the wrong table it is data loss",
            "Add a WHERE clause naming the rows you mean; for a large table, update in batches"));
      }
    }
    return out;
  }
}
