package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DBD205: a foreign key of the released state is dropped, so the database no longer enforces the reference. One the
 * pending part made (or of a table it created) is not judged.
 */
@RuleMeta(code = "DBD205", name = "drop-foreign-key", severity = Severity.WARN, bump = Bump.MINOR,
    summary = "A foreign key is dropped (dropForeignKeyConstraint, DROP CONSTRAINT / DROP FOREIGN KEY).")
public final class DropForeignKeyRule implements Rule {

  static final String WHY = "referential integrity is no longer enforced: orphan rows can appear";
  static final String FIX = "Keep the foreign key unless the relation itself goes away; to change it, add the new "
      + "constraint first (NOT VALID, then VALIDATE on PostgreSQL) and drop the old one afterwards";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> tablesWithDrops = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropForeignKey d) {
        tablesWithDrops.add(d.table());
        if (!context.existedAtRelease(op)) {
          continue; // a foreign key the pending part made, or of a table it created: nothing released relies on it
        }
        String object = d.name().equals("*") ? d.table() + "(all foreign keys)" : d.table() + "." + d.name();
        out.add(context.finding(this, op, object, (d.name().equals("*") ? "every foreign key of " + d.table()
            : "foreign key " + object) + " is dropped", WHY, FIX));
      } else if (op instanceof Operation.DropConstraint d) {
        Optional<ForeignKey> fk = context.releasedTableOf(op).flatMap(t -> t.foreignKeys().stream()
            .filter(f -> f.name().map(n -> n.equals(d.name())).orElse(false)).findFirst());
        if (fk.isPresent() && context.existedAtRelease(op)) {
          tablesWithDrops.add(d.table());
          String object = Names.foreignKey(d.table(), fk.get());
          out.add(context.finding(this, op, object, "foreign key " + object + " is dropped", WHY, FIX));
        } else if (context.operations().stream().anyMatch(o -> o instanceof Operation.AddForeignKey a
            && a.name().map(n -> n.equals(d.name())).orElse(false))) {
          tablesWithDrops.add(d.table()); // one the pending part made: not judged
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ForeignKeyDropped d && !tablesWithDrops.contains(d.tableName())) {
        String object = Names.foreignKey(d.tableName(), d.foreignKey());
        out.add(context.finding(this, change, object, "foreign key " + object + " is dropped", WHY, FIX));
      }
    }
    return out;
  }
}
