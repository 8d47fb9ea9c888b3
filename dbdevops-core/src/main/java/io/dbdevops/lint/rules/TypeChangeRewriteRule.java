package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DBD407 (PostgreSQL): a column's type changes in a way that rewrites the table. Not reported: varchar growing or
 * becoming text, numeric gaining precision at the same scale (PostgreSQL only updates the catalog).
 */
@RuleMeta(code = "DBD407", name = "type-change-rewrite", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: a column type change that rewrites the table (anything but widening varchar/numeric).")
public final class TypeChangeRewriteRule implements Rule {

  static final String WHY = "PostgreSQL rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock";
  static final String FIX = "Add a new column of the new type, backfill it in batches, switch readers and writers, and "
      + "drop the old column in a later release";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.ChangeType c && !context.isNew(c.table())) {
        String object = Identifiers.column(c.table(), c.column());
        Optional<ColumnType> from = context.releasedColumnOf(op).map(Column::type);
        Optional<ColumnType> to = Types.parse(c.newType());
        if (from.isEmpty() || to.isEmpty()) {
          continue;
        }
        written.add(object);
        if (Types.postgresRewrites(from.get(), to.get())) {
          out.add(context.finding(this, op, object, object + " changes type from " + from.get() + " to " + to.get(),
              WHY, FIX));
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnModified m && m.kinds().contains(SchemaChange.ColumnChangeKind.TYPE)) {
        String object = Identifiers.column(m.tableName(), m.from().name());
        if (!written.contains(object) && Types.postgresRewrites(m.from().type(), m.to().type())) {
          out.add(context.finding(this, change, object, object + " changes type from " + m.from().type() + " to "
              + m.to().type(), WHY, FIX));
        }
      }
    }
    return out;
  }
}
