package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.ColumnType;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DBD203: a column's type becomes smaller (length, precision, scale) or of another family. The old type comes from the
 * released state; widening (varchar(20) → varchar(50), integer → bigint, varchar → text) is fine.
 */
@RuleMeta(code = "DBD203", name = "narrow-type", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A column's type is changed to a smaller or incompatible one (length, precision, scale, type family).")
public final class NarrowTypeRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.ChangeType c) {
        Optional<ColumnType> to = Types.parse(c.newType());
        Optional<ColumnType> from = context.releasedColumnOf(op).map(io.dbdevops.model.Column::type);
        if (to.isPresent() && from.isPresent()) {
          judge(context, out, Identifiers.column(c.table(), c.column()), from.get(), to.get(), op, null);
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnModified m && m.kinds().contains(SchemaChange.ColumnChangeKind.TYPE)) {
        judge(context, out, Identifiers.column(m.tableName(), m.from().name()), m.from().type(), m.to().type(), null,
            change);
      }
    }
    return out;
  }

  private void judge(LintContext context, List<Finding> out, String object, ColumnType from, ColumnType to,
      Operation op, SchemaChange change) {
    Types.Change kind = Types.compare(from, to);
    if (kind != Types.Change.NARROWER && kind != Types.Change.INCOMPATIBLE) {
      return;
    }
    String message = object + " changes type from " + from + " to " + to + (kind == Types.Change.NARROWER
        ? " (narrower)" : " (another type)");
    String why = kind == Types.Change.NARROWER ? "values that do not fit are truncated or make the change fail; "
        + "running versions may still write them" : "a contract change: running versions read and write the old type";
    String fix = "Expand/contract: add a column of the new type, backfill it (checking every value converts), switch "
        + "readers and writers, and drop the old column in a later release";
    out.add(op != null ? context.finding(this, op, object, message, why, fix)
        : context.finding(this, change, object, message, why, fix));
  }
}
