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

/** DBD402 (PostgreSQL): an index is dropped without CONCURRENTLY. Liquibase's dropIndex never uses it. */
@RuleMeta(code = "DBD402", name = "drop-index-not-concurrent", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: an index is dropped without CONCURRENTLY (including dropIndex).")
public final class DropIndexNotConcurrentRule implements Rule {

  static final String WHY = Guidance.LOCK_WHY + " on the table: reads and writes wait until the drop is done";
  static final String FIX = "Use a sql change: DROP INDEX CONCURRENTLY …, in a changeset with runInTransaction=\"false\"";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropIndex d) {
        written.add(d.name());
        String table = d.table().isEmpty() ? Names.tableOfIndex(context, d.name()) : d.table();
        if (!d.concurrently() && !context.isNew(table)) {
          String object = Names.index(context, d.table(), d.name());
          out.add(context.finding(this, op, object, "index " + object + " is dropped without CONCURRENTLY", WHY, FIX));
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.IndexDropped d && !written.contains(d.index().name())) {
        String object = d.tableName() + "." + d.index().name();
        out.add(context.finding(this, change, object, "index " + object + " is dropped without CONCURRENTLY", WHY,
            FIX));
      }
    }
    return out;
  }
}
