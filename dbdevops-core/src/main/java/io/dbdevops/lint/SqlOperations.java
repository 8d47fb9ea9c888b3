package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Operation.ColumnDef;
import io.dbdevops.lint.SqlLexer.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Raw SQL → {@link Operation}s. Each statement is parsed with JSqlParser; the few PostgreSQL forms it does not know
 * ({@code NOT VALID}, {@code SET LOCAL}, {@code REINDEX … CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}) are read
 * from the statement's words, and so is any statement it cannot parse, by its leading keywords, so that a
 * {@code DROP} is never missed. Bodies of functions, procedures, triggers and {@code DO} blocks are not judged.
 */
final class SqlOperations {

  private static final List<String> ROLE_RIGHTS = List.of("SUPERUSER", "CREATEROLE", "CREATEDB", "BYPASSRLS",
      "REPLICATION");

  private SqlOperations() {
  }

  static List<Operation> of(ChangeSetInfo cs, String source, String script, String endDelimiter) {
    List<Operation> ops = new ArrayList<>();
    for (String statement : SqlLexer.statements(script, endDelimiter)) {
      statement(cs, source, statement, ops);
    }
    return ops;
  }

  private static void statement(ChangeSetInfo cs, String src, String sql, List<Operation> ops) {
    List<Word> w = SqlLexer.words(sql);
    if (w.isEmpty()) {
      return;
    }
    String first = w.get(0).upper();
    if (first.equals("SET") || first.equals("RESET")) {
      int at = SqlLexer.startsWith(w, "SET", "LOCAL") || SqlLexer.startsWith(w, "SET", "SESSION") ? 2 : 1;
      if (first.equals("SET") && w.size() > at && w.get(at).is("LOCK_TIMEOUT")) {
        ops.add(new Operation.SetLockTimeout(cs, src, w.get(1).is("LOCAL")));
      }
      return;
    }
    if (first.equals("REINDEX") || SqlLexer.startsWith(w, "REFRESH", "MATERIALIZED", "VIEW")) {
      if (SqlLexer.indexOf(w, "CONCURRENTLY", 1) > 0) {
        ops.add(new Operation.Concurrent(cs, src, Identifiers.name(w.get(w.size() - 1).text()),
            first.equals("REINDEX") ? "REINDEX CONCURRENTLY" : "REFRESH MATERIALIZED VIEW CONCURRENTLY"));
      }
      return;
    }
    if (SqlLexer.startsWith(w, "DROP", "INDEX")) {
      dropIndex(cs, src, w, ops);
      return;
    }
    if (first.equals("REVOKE")) {
      int from = SqlLexer.indexOf(w, "FROM", 1);
      List<String> grantees = new ArrayList<>();
      StringBuilder what = new StringBuilder();
      for (int i = 1; i < (from > 0 ? from : w.size()); i++) {
        what.append(what.length() == 0 ? "" : " ").append(w.get(i).text());
      }
      for (int i = from + 1; from > 0 && i < w.size() && !w.get(i).is("CASCADE") && !w.get(i).is("RESTRICT"); i++) {
        if (!w.get(i).is(",")) {
          grantees.add(w.get(i).text());
        }
      }
      ops.add(new Operation.Revoke(cs, src, what.toString(), grantees));
      return;
    }
    if (isRoutine(w)) {
      return;
    }
    boolean notValid = SqlLexer.containsPair(w, "NOT", "VALID");
    Statement parsed;
    try {
      parsed = CCJSqlParserUtil.parse(notValid ? SqlLexer.withoutNotValid(sql) : sql);
    } catch (JSQLParserException | RuntimeException e) {
      byKeywords(cs, src, w, notValid, ops);
      return;
    }
    int before = ops.size();
    parsed(cs, src, parsed, w, notValid, ops);
    if (ops.size() == before && parsed instanceof Alter) {
      byKeywords(cs, src, w, notValid, ops);
    }
  }

  private static boolean isRoutine(List<Word> w) {
    if (w.get(0).is("DO")) {
      return true;
    }
    if (!w.get(0).is("CREATE")) {
      return false;
    }
    int i = 1;
    if (SqlLexer.startsWith(w.subList(1, w.size()), "OR", "REPLACE")) {
      i = 3;
    }
    while (i < w.size() && (w.get(i).is("DEFINER") || w.get(i).is("=") || w.get(i).upper().contains("@"))) {
      i++;
    }
    return i < w.size() && List.of("FUNCTION", "PROCEDURE", "TRIGGER", "PACKAGE", "EVENT").contains(w.get(i).upper());
  }

  private static void parsed(ChangeSetInfo cs, String src, Statement st, List<Word> w, boolean notValid,
      List<Operation> ops) {
    if (st instanceof Alter alter) {
      alter(cs, src, alter, notValid, ops);
    } else if (st instanceof Drop drop) {
      String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
      List<net.sf.jsqlparser.schema.Table> names = drop.getNames() != null ? drop.getNames() : List.of(drop.getName());
      for (net.sf.jsqlparser.schema.Table t : names) {
        switch (type) {
          case "TABLE" -> ops.add(new Operation.DropTable(cs, src, Identifiers.name(t.getName())));
          case "SCHEMA" -> ops.add(new Operation.DropSchema(cs, src, "schema", Identifiers.name(t.getName())));
          case "DATABASE" -> ops.add(new Operation.DropSchema(cs, src, "database", Identifiers.name(t.getName())));
          default -> {
          }
        }
      }
    } else if (st instanceof RenameTableStatement rename) {
      rename.getTableNames().forEach(e -> ops.add(new Operation.RenameTable(cs, src,
          Identifiers.name(e.getKey().getName()), Identifiers.name(e.getValue().getName()))));
    } else if (st instanceof CreateIndex ci) {
      Index index = ci.getIndex();
      boolean unique = index.getType() != null && index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE");
      ops.add(new Operation.CreateIndex(cs, src, Identifiers.name(ci.getTable().getName()),
          Identifiers.name(index.getName()), names(index.getColumnsNames()), unique, ci.isConcurrently()));
    } else if (st instanceof CreateTable ct) {
      List<ColumnDef> columns = new ArrayList<>();
      if (ct.getColumnDefinitions() != null) {
        for (ColumnDefinition d : ct.getColumnDefinitions()) {
          columns.add(columnDef(d));
        }
      }
      ops.add(new Operation.CreateTable(cs, src, Identifiers.name(ct.getTable().getName()), columns));
    } else if (st instanceof Truncate t) {
      List<net.sf.jsqlparser.schema.Table> tables = t.getTables() != null && !t.getTables().isEmpty() ? t.getTables()
          : List.of(t.getTable());
      tables.forEach(table -> ops.add(new Operation.Truncate(cs, src, Identifiers.name(table.getName()), t.getCascade())));
    } else if (st instanceof Update u) {
      ops.add(new Operation.ModifyRows(cs, src, Identifiers.name(u.getTable().getName()), "UPDATE", u.getWhere() != null));
    } else if (st instanceof Delete d) {
      ops.add(new Operation.ModifyRows(cs, src, Identifiers.name(d.getTable().getName()), "DELETE", d.getWhere() != null));
    } else if (st instanceof Grant g) {
      List<String> grantees = g.getUsers() == null ? List.of() : g.getUsers();
      String option = g.getOption() == null ? "" : g.getOption().toString().toUpperCase(Locale.ROOT);
      String what = g.getRole() != null ? "role " + g.getRole()
          : String.join(", ", g.getPrivileges() == null ? List.of() : g.getPrivileges())
              + (g.getObjectName() == null ? "" : " on " + g.getObjectName());
      ops.add(new Operation.Grant(cs, src, what, grantees, option.contains("GRANT"), option.contains("ADMIN")));
    } else if (SqlLexer.startsWith(w, "CREATE", "ROLE") || SqlLexer.startsWith(w, "ALTER", "ROLE")
        || SqlLexer.startsWith(w, "CREATE", "USER") || SqlLexer.startsWith(w, "ALTER", "USER")) {
      role(cs, src, w, ops);
    }
  }

  private static void alter(ChangeSetInfo cs, String src, Alter alter, boolean notValid, List<Operation> ops) {
    String table = Identifiers.name(alter.getTable().getName());
    Optional<String> algorithm = Optional.empty();
    for (AlterExpression e : alter.getAlterExpressions()) {
      if (e.getAlgorithmOption() != null) {
        algorithm = Optional.of(e.getAlgorithmOption().toUpperCase(Locale.ROOT));
      }
    }
    for (AlterExpression e : alter.getAlterExpressions()) {
      AlterOperation op = e.getOperation();
      if (op == null) {
        continue;
      }
      switch (op) {
        case DROP -> {
          if (e.getColumnName() != null) {
            ops.add(new Operation.DropColumn(cs, src, table, Identifiers.name(e.getColumnName())));
          } else if (e.getConstraintName() != null) {
            ops.add(new Operation.DropConstraint(cs, src, table, Identifiers.name(e.getConstraintName())));
          } else if (e.getPkColumns() != null || "PRIMARY KEY".equalsIgnoreCase(e.getOptionalSpecifier())) {
            ops.add(new Operation.PrimaryKeyChange(cs, src, table, false, algorithm));
          } else if (e.getIndex() != null && e.getIndex().getName() != null) {
            ops.add(new Operation.DropIndex(cs, src, table, Identifiers.name(e.getIndex().getName()), false));
          }
        }
        case ADD -> add(cs, src, table, e, notValid, algorithm, ops);
        case ALTER, MODIFY, CHANGE -> {
          if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
              String column = Identifiers.name(c.getColumnName());
              if (op == AlterOperation.CHANGE && e.getColumnOldName() != null
                  && !Identifiers.name(e.getColumnOldName()).equals(column)) {
                ops.add(new Operation.RenameColumn(cs, src, table, Identifiers.name(e.getColumnOldName()), column));
              }
              if (c.getColDataType() != null && (op != AlterOperation.ALTER || c.isWithType())) {
                Optional<Boolean> nullable = op == AlterOperation.ALTER ? Optional.empty()
                    : Optional.of(!specs(c).contains("NOT NULL"));
                ops.add(new Operation.ChangeType(cs, src, table, column, c.getColDataType().toString(), nullable,
                    algorithm));
              }
            }
          }
          if (e.getColumnSetNotNullList() != null) {
            e.getColumnSetNotNullList().forEach(c -> ops.add(new Operation.SetNotNull(cs, src, table,
                Identifiers.name(c.getColumnName()))));
          }
          if (e.getColumnDropNotNullList() != null) {
            e.getColumnDropNotNullList().forEach(c -> ops.add(new Operation.DropNotNull(cs, src, table,
                Identifiers.name(c.getColumnName()))));
          }
        }
        case RENAME -> {
          if (e.getColumnOldName() != null && e.getColumnName() != null) {
            ops.add(new Operation.RenameColumn(cs, src, table, Identifiers.name(e.getColumnOldName()),
                Identifiers.name(e.getColumnName())));
          }
        }
        case RENAME_TABLE -> ops.add(new Operation.RenameTable(cs, src, table, Identifiers.name(e.getNewTableName())));
        default -> {
        }
      }
    }
  }

  private static void add(ChangeSetInfo cs, String src, String table, AlterExpression e, boolean notValid,
      Optional<String> algorithm, List<Operation> ops) {
    if (e.getColDataTypeList() != null) {
      for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
        ColumnDef def = columnDef(c);
        ops.add(new Operation.AddColumn(cs, src, table, def));
        String specs = specs(c);
        if (specs.contains("REFERENCES")) {
          ops.add(new Operation.AddForeignKey(cs, src, table, Optional.empty(), List.of(def.name()),
              referencedTable(c.getColumnSpecs()), notValid));
        }
        if (specs.contains("UNIQUE")) {
          ops.add(new Operation.AddUnique(cs, src, table, Optional.empty(), List.of(def.name())));
        }
      }
    }
    Index index = e.getIndex();
    if (index instanceof ForeignKeyIndex fk) {
      ops.add(new Operation.AddForeignKey(cs, src, table, optionalName(fk.getName()), names(fk.getColumnsNames()),
          fk.getTable() == null ? "" : Identifiers.name(fk.getTable().getName()), notValid));
    } else if (index instanceof CheckConstraint check) {
      ops.add(new Operation.AddCheck(cs, src, table, optionalName(check.getName()), notValid));
    } else if (index != null && index.getType() != null) {
      String type = index.getType().toUpperCase(Locale.ROOT);
      if (type.contains("PRIMARY")) {
        ops.add(new Operation.PrimaryKeyChange(cs, src, table, true, algorithm));
      } else if (type.contains("UNIQUE")) {
        ops.add(new Operation.AddUnique(cs, src, table, optionalName(index.getName()), names(index.getColumnsNames())));
      } else if (type.contains("INDEX") || type.contains("KEY")) {
        ops.add(new Operation.CreateIndex(cs, src, table, Identifiers.name(index.getName()),
            names(index.getColumnsNames()), false, false));
      }
    }
    if (e.getUkColumns() != null) {
      ops.add(new Operation.AddUnique(cs, src, table, optionalName(e.getUkName()), names(e.getUkColumns())));
    }
    if (e.getPkColumns() != null) {
      ops.add(new Operation.PrimaryKeyChange(cs, src, table, true, algorithm));
    }
    if (e.getFkColumns() != null) {
      ops.add(new Operation.AddForeignKey(cs, src, table, optionalName(e.getConstraintName()), names(e.getFkColumns()),
          Identifiers.name(e.getFkSourceTable()), notValid));
    }
  }

  private static ColumnDef columnDef(ColumnDefinition d) {
    String specs = specs(d);
    String type = d.getColDataType() == null ? "" : d.getColDataType().toString();
    boolean identity = specs.contains("AUTO_INCREMENT") || specs.contains("AUTOINCREMENT") || specs.contains("IDENTITY")
        || type.toLowerCase(Locale.ROOT).contains("serial");
    Optional<Boolean> nullable = specs.contains("NOT NULL") || specs.contains("PRIMARY KEY") ? Optional.of(false)
        : specs.matches("(^|.* )NULL( .*|$)") ? Optional.of(true) : Optional.empty();
    return new ColumnDef(Identifiers.name(d.getColumnName()), type.isEmpty() ? Optional.empty() : Optional.of(type),
        nullable, defaultOf(d.getColumnSpecs()), identity);
  }

  /** The DEFAULT expression among a column's specs: the tokens after DEFAULT up to the next constraint keyword. */
  private static Optional<String> defaultOf(List<String> specs) {
    if (specs == null) {
      return Optional.empty();
    }
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).equalsIgnoreCase("DEFAULT") && i + 1 < specs.size()) {
        StringBuilder b = new StringBuilder();
        for (int j = i + 1; j < specs.size(); j++) {
          String s = specs.get(j).toUpperCase(Locale.ROOT);
          if (List.of("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "CONSTRAINT", "COLLATE", "GENERATED",
              "ON").contains(s)) {
            break;
          }
          b.append(b.isEmpty() ? "" : " ").append(specs.get(j));
        }
        return b.isEmpty() ? Optional.empty() : Optional.of(b.toString());
      }
    }
    return Optional.empty();
  }

  private static String referencedTable(List<String> specs) {
    for (int i = 0; i + 1 < specs.size(); i++) {
      if (specs.get(i).equalsIgnoreCase("REFERENCES")) {
        String t = specs.get(i + 1);
        int paren = t.indexOf('(');
        return Identifiers.name(paren > 0 ? t.substring(0, paren) : t);
      }
    }
    return "";
  }

  private static String specs(ColumnDefinition d) {
    return d.getColumnSpecs() == null ? "" : String.join(" ", d.getColumnSpecs()).toUpperCase(Locale.ROOT);
  }

  private static List<String> names(List<String> raw) {
    return raw == null ? List.of() : raw.stream().map(Identifiers::name).toList();
  }

  private static Optional<String> optionalName(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(Identifiers.name(raw));
  }

  private static void dropIndex(ChangeSetInfo cs, String src, List<Word> w, List<Operation> ops) {
    int i = 2;
    boolean concurrently = false;
    while (i < w.size() && (w.get(i).is("CONCURRENTLY") || w.get(i).is("IF") || w.get(i).is("EXISTS"))) {
      concurrently |= w.get(i).is("CONCURRENTLY");
      i++;
    }
    if (i >= w.size()) {
      return;
    }
    String name = Identifiers.name(w.get(i).text());
    int on = SqlLexer.indexOf(w, "ON", i + 1);
    String table = on > 0 && on + 1 < w.size() ? Identifiers.name(w.get(on + 1).text()) : "";
    ops.add(new Operation.DropIndex(cs, src, table, name, concurrently));
  }

  private static void role(ChangeSetInfo cs, String src, List<Word> w, List<Operation> ops) {
    List<String> rights = new ArrayList<>();
    for (Word word : w) {
      if (ROLE_RIGHTS.contains(word.upper())) {
        rights.add(word.upper());
      }
    }
    if (!rights.isEmpty() && w.size() > 2) {
      ops.add(new Operation.RolePrivileges(cs, src, Identifiers.name(w.get(2).text()), rights));
    }
  }

  /** What a statement JSqlParser cannot parse does, read from its leading keywords. */
  private static void byKeywords(ChangeSetInfo cs, String src, List<Word> w, boolean notValid, List<Operation> ops) {
    if (SqlLexer.startsWith(w, "DROP", "TABLE")) {
      int i = 2;
      while (i < w.size() && (w.get(i).is("IF") || w.get(i).is("EXISTS"))) {
        i++;
      }
      for (; i < w.size() && !w.get(i).is("CASCADE") && !w.get(i).is("RESTRICT"); i++) {
        if (!w.get(i).is(",")) {
          ops.add(new Operation.DropTable(cs, src, Identifiers.name(w.get(i).text())));
        }
      }
    } else if (SqlLexer.startsWith(w, "DROP", "SCHEMA") || SqlLexer.startsWith(w, "DROP", "DATABASE")) {
      int i = SqlLexer.indexOf(w, "EXISTS", 2) > 0 ? SqlLexer.indexOf(w, "EXISTS", 2) + 1 : 2;
      if (i < w.size()) {
        ops.add(new Operation.DropSchema(cs, src, w.get(1).upper().toLowerCase(Locale.ROOT), Identifiers.name(w.get(i).text())));
      }
    } else if (w.get(0).is("TRUNCATE")) {
      int i = w.size() > 1 && w.get(1).is("TABLE") ? 2 : 1;
      if (i < w.size() && w.get(i).is("ONLY")) {
        i++;
      }
      if (i < w.size()) {
        ops.add(new Operation.Truncate(cs, src, Identifiers.name(w.get(i).text()), SqlLexer.indexOf(w, "CASCADE", i) > 0));
      }
    } else if (SqlLexer.startsWith(w, "ALTER", "TABLE")) {
      alterByKeywords(cs, src, w, notValid, ops);
    } else if (SqlLexer.startsWith(w, "CREATE", "ROLE") || SqlLexer.startsWith(w, "ALTER", "ROLE")
        || SqlLexer.startsWith(w, "CREATE", "USER") || SqlLexer.startsWith(w, "ALTER", "USER")) {
      role(cs, src, w, ops);
    } else if (w.get(0).is("GRANT")) {
      int to = SqlLexer.indexOf(w, "TO", 1);
      List<String> grantees = new ArrayList<>();
      for (int i = to + 1; to > 0 && i < w.size() && !w.get(i).is("WITH"); i++) {
        if (!w.get(i).is(",")) {
          grantees.add(w.get(i).text());
        }
      }
      ops.add(new Operation.Grant(cs, src, "privileges", grantees, SqlLexer.containsPair(w, "GRANT", "OPTION"),
          SqlLexer.containsPair(w, "ADMIN", "OPTION")));
    } else if (SqlLexer.startsWith(w, "CREATE", "INDEX") || SqlLexer.startsWith(w, "CREATE", "UNIQUE", "INDEX")) {
      boolean unique = w.get(1).is("UNIQUE");
      int on = SqlLexer.indexOf(w, "ON", 2);
      if (on > 0 && on + 1 < w.size()) {
        int t = on + 1 < w.size() && w.get(on + 1).is("ONLY") ? on + 2 : on + 1;
        String name = on - 1 >= 2 && !w.get(on - 1).is("CONCURRENTLY") && !w.get(on - 1).is("EXISTS")
            ? Identifiers.name(w.get(on - 1).text()) : "";
        ops.add(new Operation.CreateIndex(cs, src, t < w.size() ? Identifiers.name(w.get(t).text()) : "", name,
            List.of(), unique, SqlLexer.indexOf(w, "CONCURRENTLY", 2) > 0 && SqlLexer.indexOf(w, "CONCURRENTLY", 2) < on));
      }
    } else if (w.get(0).is("UPDATE") && w.size() > 1) {
      ops.add(new Operation.ModifyRows(cs, src, Identifiers.name(w.get(1).text()), "UPDATE",
          SqlLexer.indexOf(w, "WHERE", 2) > 0));
    } else if (SqlLexer.startsWith(w, "DELETE", "FROM") && w.size() > 2) {
      ops.add(new Operation.ModifyRows(cs, src, Identifiers.name(w.get(2).text()), "DELETE",
          SqlLexer.indexOf(w, "WHERE", 3) > 0));
    }
  }

  /** ALTER TABLE t … by keywords: the clauses that matter to the rules, each clause split on commas. */
  private static void alterByKeywords(ChangeSetInfo cs, String src, List<Word> w, boolean notValid, List<Operation> ops) {
    int i = 2;
    while (i < w.size() && (w.get(i).is("IF") || w.get(i).is("EXISTS") || w.get(i).is("ONLY"))) {
      i++;
    }
    if (i >= w.size()) {
      return;
    }
    String table = Identifiers.name(w.get(i).text());
    List<List<Word>> clauses = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    int depth = 0;
    for (int j = i + 1; j < w.size(); j++) {
      Word word = w.get(j);
      depth += word.is("(") ? 1 : word.is(")") ? -1 : 0;
      if (word.is(",") && depth == 0) {
        clauses.add(current);
        current = new ArrayList<>();
      } else {
        current.add(word);
      }
    }
    clauses.add(current);
    for (List<Word> c : clauses) {
      if (c.isEmpty()) {
        continue;
      }
      if (c.get(0).is("DROP")) {
        if (c.size() > 2 && (c.get(1).is("FOREIGN") && c.get(2).is("KEY"))) {
          ops.add(new Operation.DropForeignKey(cs, src, table, Identifiers.name(c.get(c.size() - 1).text())));
        } else if (c.size() > 1 && c.get(1).is("CONSTRAINT")) {
          int n = c.size() > 3 && c.get(2).is("IF") ? 4 : 2;
          if (n < c.size()) {
            ops.add(new Operation.DropConstraint(cs, src, table, Identifiers.name(c.get(n).text())));
          }
        } else if (c.size() > 2 && c.get(1).is("PRIMARY")) {
          ops.add(new Operation.PrimaryKeyChange(cs, src, table, false, Optional.empty()));
        } else if (c.size() > 1 && !c.get(1).is("INDEX") && !c.get(1).is("KEY") && !c.get(1).is("DEFAULT")) {
          int n = c.get(1).is("COLUMN") ? 2 : 1;
          if (n < c.size() && c.get(n).is("IF")) {
            n += 2;
          }
          if (n < c.size()) {
            ops.add(new Operation.DropColumn(cs, src, table, Identifiers.name(c.get(n).text())));
          }
        }
      } else if (c.get(0).is("ADD")) {
        boolean fk = SqlLexer.containsPair(c, "FOREIGN", "KEY") || SqlLexer.indexOf(c, "REFERENCES", 0) > 0;
        Optional<String> name = c.size() > 1 && c.get(1).is("CONSTRAINT") ? Optional.of(Identifiers.name(c.get(2).text()))
            : Optional.empty();
        if (fk) {
          int ref = SqlLexer.indexOf(c, "REFERENCES", 0);
          ops.add(new Operation.AddForeignKey(cs, src, table, name, List.of(),
              ref > 0 && ref + 1 < c.size() ? Identifiers.name(c.get(ref + 1).text()) : "", notValid));
        } else if (SqlLexer.indexOf(c, "CHECK", 0) > 0) {
          ops.add(new Operation.AddCheck(cs, src, table, name, notValid));
        }
      } else if (c.get(0).is("RENAME")) {
        int to = SqlLexer.indexOf(c, "TO", 1);
        if (to > 0 && to + 1 < c.size()) {
          if (to == 1) {
            ops.add(new Operation.RenameTable(cs, src, table, Identifiers.name(c.get(2).text())));
          } else if (!c.get(1).is("CONSTRAINT") && !c.get(1).is("INDEX")) {
            ops.add(new Operation.RenameColumn(cs, src, table, Identifiers.name(c.get(to - 1).text()),
                Identifiers.name(c.get(to + 1).text())));
          }
        }
      }
    }
  }
}
