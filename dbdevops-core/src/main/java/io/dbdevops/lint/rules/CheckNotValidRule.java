package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DBD405 (PostgreSQL): a CHECK constraint is added to an existing table without NOT VALID. */
@RuleMeta(code = "DBD405", name = "check-not-valid", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: a CHECK constraint is added to an existing table without NOT VALID.")
public final class CheckNotValidRule implements Rule {

  static final String WHY = "every row is checked while PostgreSQL holds an ACCESS EXCLUSIVE lock on the table";
  static final String FIX = "Add it NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT … in a later changeset: "
      + "validation does not block writes";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.AddCheck c) {
        written.add(c.table());
        if (!c.notValid() && !context.isNew(c.table())) {
          String object = c.name().map(n -> c.table() + "." + n).orElse(c.table());
          out.add(context.finding(this, op, object, "check " + object + " is added without NOT VALID", WHY, FIX));
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.CheckAdded a && !context.isNew(a.tableName())
          && !written.contains(a.tableName())) {
        String object = a.check().name().map(n -> a.tableName() + "." + n).orElse(a.tableName());
        out.add(context.finding(this, change, object, "check " + object + " is added without NOT VALID", WHY, FIX));
      }
    }
    return out;
  }
}
