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
 * DBD409 (MariaDB/MySQL): an ALTER that the server can only do by copying the table — a column type change other than
 * a VARCHAR growing within its length-prefix size, dropping the primary key, or an explicit ALGORITHM=COPY. A
 * statement with ALGORITHM=INPLACE/INSTANT/NOCOPY is not reported: the server refuses it rather than copying.
 */
@RuleMeta(code = "DBD409", name = "mysql-table-copy", severity = Severity.WARN, bump = Bump.NONE,
    summary = "MariaDB/MySQL: an ALTER that copies the table (type change, primary key drop, ALGORITHM=COPY).")
public final class MysqlTableCopyRule implements Rule {

  static final String WHY = "MariaDB/MySQL copies the whole table; writes are blocked for the duration (a long outage "
      + "on a large table)";
  static final String FIX = "Add a new column and backfill it in batches instead of changing the type, or run the change "
      + "with an online schema-change tool (pt-online-schema-change, gh-ost); write ALGORITHM=INPLACE to make the "
      + "server refuse a copy";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.MARIADB;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (context.isNew(op.table())) {
        continue;
      }
      if (op instanceof Operation.ChangeType c) {
        String object = Identifiers.column(c.table(), c.column());
        written.add(object);
        Optional<String> algorithm = c.algorithm();
        if (algorithm.isPresent() && !algorithm.get().equals("COPY")) {
          continue;
        }
        Optional<ColumnType> from = context.releasedColumnOf(op).map(Column::type);
        Optional<ColumnType> to = Types.parse(c.newType());
        boolean copies = algorithm.isPresent()
            || from.isPresent() && to.isPresent() && Types.mariaDbCopies(from.get(), to.get());
        if (copies) {
          out.add(context.finding(this, op, object, object + " changes type" + from.map(f -> " from " + f).orElse("")
              + " to " + to.map(Object::toString).orElse(c.newType()) + ", copying " + c.table(), WHY, FIX));
        }
      } else if (op instanceof Operation.PrimaryKeyChange p && !p.added()
          && !p.algorithm().map(a -> !a.equals("COPY")).orElse(false)) {
        out.add(context.finding(this, op, p.table(), "the primary key of " + p.table() + " is dropped, copying the table",
            WHY, FIX));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnModified m && m.kinds().contains(SchemaChange.ColumnChangeKind.TYPE)) {
        String object = Identifiers.column(m.tableName(), m.from().name());
        if (!written.contains(object) && Types.mariaDbCopies(m.from().type(), m.to().type())) {
          out.add(context.finding(this, change, object, object + " changes type from " + m.from().type() + " to "
              + m.to().type() + ", copying " + m.tableName(), WHY, FIX));
        }
      }
    }
    return out;
  }
}
