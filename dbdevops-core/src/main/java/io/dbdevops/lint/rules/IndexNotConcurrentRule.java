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

/**
 * DBD401 (PostgreSQL): an index is created on an existing table without CONCURRENTLY. Liquibase's createIndex never
 * uses CONCURRENTLY. Tables created in the same pending part are exempt.
 */
@RuleMeta(code = "DBD401", name = "index-not-concurrent", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: an index is created on an existing table without CONCURRENTLY (including createIndex).")
public final class IndexNotConcurrentRule implements Rule {

  static final String WHY = "blocks writes to the table (SHARE lock) until the index is built";
  static final String FIX = "Use a sql change: CREATE INDEX CONCURRENTLY …, in a changeset with runInTransaction=\"false\" "
      + "(one statement per changeset)";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.CreateIndex i) {
        written.add(i.name());
        if (!i.concurrently() && !context.isNew(i.table())) {
          String object = Names.index(context, i.table(), i.name());
          out.add(context.finding(this, op, object, "index " + object + " is created without CONCURRENTLY", WHY, FIX));
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.IndexAdded a && !context.isNew(a.tableName())
          && !written.contains(a.index().name())) {
        String object = a.tableName() + "." + a.index().name();
        out.add(context.finding(this, change, object, "index " + object + " is created without CONCURRENTLY", WHY,
            FIX));
      }
    }
    return out;
  }
}
