package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Table;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DBD702 (PostgreSQL): a foreign key added by the pending part whose columns do not lead any index, unique constraint
 * or the primary key of their table. MariaDB/MySQL (InnoDB) and H2 create such an index by themselves.
 */
@RuleMeta(code = "DBD702", name = "fk-without-index", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: a new foreign key's columns are not the leading columns of an index.")
public final class ForeignKeyWithoutIndexRule implements Rule {

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (SchemaChange change : context.pendingChanges()) {
      List<ForeignKey> added = new ArrayList<>();
      String tableName = change.objectName();
      if (change instanceof SchemaChange.TableAdded a) {
        added.addAll(a.table().foreignKeys());
      } else if (change instanceof SchemaChange.ForeignKeyAdded f) {
        added.add(f.foreignKey());
      } else if (change instanceof SchemaChange.ForeignKeyModified f) {
        added.add(f.to());
      }
      Table table = context.result().table(tableName).orElse(null);
      if (table == null) {
        continue;
      }
      for (ForeignKey fk : added) {
        if (!covered(table, fk.columns())) {
          String object = Names.foreignKey(tableName, fk);
          // located at the changeset that added the foreign key, not at the one that created its (new) table
          SchemaChange made = change instanceof SchemaChange.TableAdded ? new SchemaChange.ForeignKeyAdded(tableName, fk)
              : change;
          out.add(context.finding(this, made, object, "foreign key " + object + " (" + String.join(", ", fk.columns())
              + ") has no index", "joins on it and every DELETE/UPDATE of a " + fk.referencedTable()
              + " row scan " + tableName + " (PostgreSQL does not index foreign keys by itself)",
              "Create an index on " + tableName + " (" + String.join(", ", fk.columns()) + ") — CONCURRENTLY if the "
                  + "table exists"));
        }
      }
    }
    return out;
  }

  /** True when some index, unique constraint or the primary key starts with exactly the foreign key's columns. */
  static boolean covered(Table table, List<String> columns) {
    List<List<String>> leading = new ArrayList<>();
    table.primaryKey().ifPresent(pk -> leading.add(pk.columns()));
    table.uniqueConstraints().forEach(u -> leading.add(u.columns()));
    table.indexes().forEach(i -> leading.add(i.columns()));
    Set<String> wanted = new HashSet<>(columns);
    for (List<String> cols : leading) {
      if (cols.size() >= columns.size() && new HashSet<>(cols.subList(0, columns.size())).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
