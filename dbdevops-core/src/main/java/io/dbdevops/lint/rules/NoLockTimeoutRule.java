package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DBD408 (PostgreSQL): DDL on an existing table with no {@code SET lock_timeout} before it — in the same changeset, or
 * (without LOCAL) in an earlier pending changeset, since Liquibase runs them on one connection. One finding per
 * changeset. Tables created in the same pending part are exempt.
 */
@RuleMeta(code = "DBD408", name = "no-lock-timeout", severity = Severity.INFO, bump = Bump.NONE,
    summary = "PostgreSQL: DDL on an existing table without a lock_timeout set before it.")
public final class NoLockTimeoutRule implements Rule {

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    Map<String, Operation> firstDdl = new LinkedHashMap<>();
    boolean sessionTimeout = false;
    ChangeSetInfo current = null;
    boolean localTimeout = false;
    for (Operation op : context.operations()) {
      if (op.changeSet() != current) {
        current = op.changeSet();
        localTimeout = false;
      }
      if (op instanceof Operation.SetLockTimeout s) {
        if (s.local()) {
          localTimeout = true;
        } else {
          sessionTimeout = true;
        }
      } else if (!sessionTimeout && !localTimeout && locks(op) && !context.isNew(op.table())) {
        firstDdl.putIfAbsent(op.changeSet().key(), op);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Operation op : firstDdl.values()) {
      out.add(context.finding(this, op, op.table(), op.table() + " is altered (" + op.source() + ") with no lock_timeout",
          "the ALTER waits in the lock queue behind long transactions, and every query on the table waits behind it",
          "Start the changeset with a sql change SET lock_timeout = '5s' (and retry the deploy when it times out)"));
    }
    return out;
  }

  /** Whether the operation takes a table lock that queues other traffic. */
  private static boolean locks(Operation op) {
    if (op.table().isEmpty() || op instanceof Operation.ModifyRows || op instanceof Operation.CreateTable
        || op instanceof Operation.Concurrent) {
      return false;
    }
    if (op instanceof Operation.CreateIndex i) {
      return !i.concurrently();
    }
    if (op instanceof Operation.DropIndex d) {
      return !d.concurrently();
    }
    return true;
  }
}
