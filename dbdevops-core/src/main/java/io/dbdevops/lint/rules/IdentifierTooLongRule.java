package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.Table;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DBD703: a new name is longer than the target allows: PostgreSQL 63 bytes (longer names are silently truncated),
 * MariaDB/MySQL 64 characters (the statement fails). For H2 targets the strictest, 63, applies, since a portable
 * changelog is meant for the production databases too.
 */
@RuleMeta(code = "DBD703", name = "identifier-too-long", severity = Severity.ERROR, bump = Bump.NONE,
    summary = "A new table, column, index, constraint, sequence or view name is longer than the target allows "
        + "(PostgreSQL 63, MariaDB/MySQL 64).")
public final class IdentifierTooLongRule implements Rule {

  /** Liquibase attributes that name a new object. */
  private static final List<String> NAMING_ATTRIBUTES = List.of("tableName", "newTableName", "columnName",
      "newColumnName", "indexName", "constraintName", "sequenceName", "newSequenceName", "viewName", "newViewName",
      "finalColumnName", "primaryKeyName");
  private static final List<String> CREATING_TYPES = List.of("createTable", "renameTable", "addColumn", "renameColumn",
      "createIndex", "addForeignKeyConstraint", "addUniqueConstraint", "addPrimaryKey", "addCheckConstraint",
      "createSequence", "renameSequence", "createView", "renameView", "mergeColumns");

  static int limit(Dialect dialect) {
    return dialect == Dialect.MARIADB ? 64 : 63;
  }

  @Override
  public List<Finding> check(LintContext context) {
    int limit = limit(context.dialect());
    List<Finding> out = new ArrayList<>();
    for (ChangeSetInfo cs : context.pending()) {
      for (ChangeInfo c : cs.changes()) {
        if (!CREATING_TYPES.contains(c.type())) {
          continue;
        }
        for (Map.Entry<String, String> a : c.attributes().entrySet()) {
          if (NAMING_ATTRIBUTES.contains(a.getKey()) && !(c.type().startsWith("rename") && a.getKey().startsWith("old"))) {
            check(context, out, cs, Identifiers.name(a.getValue()), limit);
          }
        }
        for (ChangeInfo.ColumnInfo col : c.columns()) {
          if (c.type().equals("createTable") || c.type().equals("addColumn")) {
            check(context, out, cs, Identifiers.name(col.name()), limit);
          }
        }
      }
    }
    for (Operation op : context.operations()) {
      if (!op.source().equals("sql") && !op.source().equals("sqlFile")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (op instanceof Operation.CreateTable t) {
        names.add(t.table());
        t.columns().forEach(col -> names.add(col.name()));
      } else if (op instanceof Operation.AddColumn a) {
        names.add(a.column().name());
      } else if (op instanceof Operation.RenameTable r) {
        names.add(r.newName());
      } else if (op instanceof Operation.RenameColumn r) {
        names.add(r.newName());
      } else if (op instanceof Operation.CreateIndex i) {
        names.add(i.name());
      } else if (op instanceof Operation.AddForeignKey f) {
        f.name().ifPresent(names::add);
      } else if (op instanceof Operation.AddUnique u) {
        u.name().ifPresent(names::add);
      } else if (op instanceof Operation.AddCheck k) {
        k.name().ifPresent(names::add);
      }
      names.forEach(n -> check(context, out, op.changeSet(), n, limit));
    }
    for (SchemaChange change : context.pendingChanges()) {
      for (Map.Entry<String, SchemaChange> n : newNames(change)) {
        if (n.getKey().length() > limit) {
          out.add(finding(context, n.getValue(), n.getKey(), limit));
        }
      }
    }
    return out;
  }

  private void check(LintContext context, List<Finding> out, ChangeSetInfo cs, String name, int limit) {
    if (name.length() > limit) {
      out.add(context.finding(this, cs, name, message(name, limit), why(context.dialect()), fix(limit)));
    }
  }

  private Finding finding(LintContext context, SchemaChange change, String name, int limit) {
    return context.finding(this, change, name, message(name, limit), why(context.dialect()), fix(limit));
  }

  private static String message(String name, int limit) {
    return "name " + name + " is " + name.length() + " characters long (limit " + limit + ")";
  }

  private static String why(Dialect dialect) {
    return dialect == Dialect.MARIADB ? "MariaDB/MySQL refuses names longer than 64 characters"
        : "PostgreSQL silently truncates names to 63 bytes, so the object gets another name than the changelog says";
  }

  private static String fix(int limit) {
    return "Use a name of at most " + limit + " characters";
  }

  /**
   * The names a change introduces, each with the change that made it: a column, index or foreign key of a new table
   * as its own change, so the finding points at the changeset that added it (maybe a later one than the createTable).
   */
  private static List<Map.Entry<String, SchemaChange>> newNames(SchemaChange change) {
    List<Map.Entry<String, SchemaChange>> names = new ArrayList<>();
    if (change instanceof SchemaChange.TableAdded a) {
      Table t = a.table();
      names.add(Map.entry(t.name(), change));
      t.columns().forEach(c -> names.add(Map.entry(c.name(), new SchemaChange.ColumnAdded(t.name(), c))));
      t.indexes().forEach(i -> names.add(Map.entry(i.name(), new SchemaChange.IndexAdded(t.name(), i))));
      t.foreignKeys().forEach(f -> f.name().ifPresent(n -> names.add(Map.entry(n,
          new SchemaChange.ForeignKeyAdded(t.name(), f)))));
    } else if (change instanceof SchemaChange.ColumnAdded a) {
      names.add(Map.entry(a.column().name(), change));
    } else if (change instanceof SchemaChange.IndexAdded a) {
      names.add(Map.entry(a.index().name(), change));
    } else if (change instanceof SchemaChange.ForeignKeyAdded a) {
      a.foreignKey().name().ifPresent(n -> names.add(Map.entry(n, change)));
    } else if (change instanceof SchemaChange.ViewAdded a) {
      names.add(Map.entry(a.view().name(), change));
    } else if (change instanceof SchemaChange.SequenceAdded a) {
      names.add(Map.entry(a.sequence().name(), change));
    }
    return names;
  }

}
