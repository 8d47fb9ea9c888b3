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
 * DBD404 (PostgreSQL): a foreign key is added to an existing table without NOT VALID (Liquibase: validate="false").
 * Tables created in the same pending part are exempt.
 */
@RuleMeta(code = "DBD404", name = "fk-not-valid", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: a foreign key is added to an existing table without NOT VALID.")
public final class ForeignKeyNotValidRule implements Rule {

  static final String WHY = "validating it scans the whole table while holding locks on both tables";
  static final String FIX = "Add it NOT VALID (addForeignKeyConstraint validate=\"false\"), then run ALTER TABLE … "
      + "VALIDATE CONSTRAINT … in a later changeset: validation does not block writes";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.AddForeignKey f) {
        written.add(f.table());
        if (!f.notValid() && !context.isNew(f.table())) {
          String object = Names.foreignKey(f.table(), f.name(), f.columns());
          out.add(context.finding(this, op, object, "foreign key " + object + " is added without NOT VALID", WHY, FIX));
        }
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ForeignKeyAdded a && !context.isNew(a.tableName())
          && !written.contains(a.tableName())) {
        String object = Names.foreignKey(a.tableName(), a.foreignKey());
        out.add(context.finding(this, change, object, "foreign key " + object + " is added without NOT VALID", WHY,
            FIX));
      }
    }
    return out;
  }
}
