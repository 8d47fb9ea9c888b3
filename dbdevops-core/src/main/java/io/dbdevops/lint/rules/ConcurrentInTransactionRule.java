package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
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
 * DBD403 (PostgreSQL): a CONCURRENTLY statement in a changeset that runs in a transaction (Liquibase's default). It
 * fails at deploy time: "cannot run inside a transaction block".
 */
@RuleMeta(code = "DBD403", name = "concurrent-in-transaction", severity = Severity.ERROR, bump = Bump.NONE,
    summary = "PostgreSQL: CREATE/DROP INDEX CONCURRENTLY (or REINDEX/REFRESH … CONCURRENTLY) in a changeset whose "
        + "runInTransaction is not false.")
public final class ConcurrentInTransactionRule implements Rule {

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (!op.changeSet().runInTransaction()) {
        continue;
      }
      String what = null;
      String object = op.table();
      if (op instanceof Operation.CreateIndex i && i.concurrently()) {
        what = "CREATE INDEX CONCURRENTLY";
        object = Names.index(context, i.table(), i.name());
      } else if (op instanceof Operation.DropIndex d && d.concurrently()) {
        what = "DROP INDEX CONCURRENTLY";
        object = Names.index(context, d.table(), d.name());
      } else if (op instanceof Operation.Concurrent c) {
        what = c.statement();
      }
      if (what != null) {
        out.add(context.finding(this, op, object, what + " (" + object + ") runs inside a transaction",
            "PostgreSQL refuses it: \"cannot run inside a transaction block\"; the deploy fails",
            "Set runInTransaction=\"false\" on the changeset (formatted SQL: --changeset a:b runInTransaction:false) and "
                + "keep the statement alone in it"));
      }
    }
    return out;
  }
}
