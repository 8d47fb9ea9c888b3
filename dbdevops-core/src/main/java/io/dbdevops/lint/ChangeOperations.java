package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeInfo.ColumnInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Operation.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Operation}s of pending changesets, in changelog order: Liquibase change objects by their type and
 * attributes, {@code sql} and {@code sqlFile} changes (and formatted-SQL changesets) through {@link SqlOperations}.
 */
public final class ChangeOperations {

  private ChangeOperations() {
  }

  public static List<Operation> of(List<ChangeSetInfo> changeSets) {
    List<Operation> ops = new ArrayList<>();
    for (ChangeSetInfo cs : changeSets) {
      for (ChangeInfo change : cs.changes()) {
        change(cs, change, ops);
      }
    }
    return List.copyOf(ops);
  }

  private static void change(ChangeSetInfo cs, ChangeInfo c, List<Operation> ops) {
    String type = c.type();
    String table = Identifiers.name(c.attribute("tableName").orElse(""));
    switch (type) {
      case "sql", "sqlFile" -> c.sql().ifPresent(sql -> ops.addAll(SqlOperations.of(cs, type, sql,
          c.attribute("endDelimiter").orElse(null))));
      case "createTable" -> ops.add(new Operation.CreateTable(cs, type, table, c.columns().stream()
          .map(ChangeOperations::def).toList()));
      case "dropTable" -> ops.add(new Operation.DropTable(cs, type, table));
      case "renameTable" -> ops.add(new Operation.RenameTable(cs, type, name(c, "oldTableName"), name(c, "newTableName")));
      case "addColumn" -> c.columns().forEach(col -> ops.add(new Operation.AddColumn(cs, type, table, def(col))));
      case "dropColumn" -> {
        c.attribute("columnName").ifPresent(col -> ops.add(new Operation.DropColumn(cs, type, table, Identifiers.name(col))));
        c.columns().forEach(col -> ops.add(new Operation.DropColumn(cs, type, table, Identifiers.name(col.name()))));
      }
      case "renameColumn" -> ops.add(new Operation.RenameColumn(cs, type, table, name(c, "oldColumnName"),
          name(c, "newColumnName")));
      case "mergeColumns" -> {
        ops.add(new Operation.DropColumn(cs, type, table, name(c, "column1Name")));
        ops.add(new Operation.DropColumn(cs, type, table, name(c, "column2Name")));
        ops.add(new Operation.AddColumn(cs, type, table, new ColumnDef(name(c, "finalColumnName"),
            c.attribute("finalColumnType"), Optional.empty(), Optional.empty(), false)));
      }
      case "modifyDataType" -> ops.add(new Operation.ChangeType(cs, type, table, name(c, "columnName"),
          c.attribute("newDataType").orElse(""), Optional.empty(), Optional.empty()));
      case "addNotNullConstraint" -> ops.add(new Operation.SetNotNull(cs, type, table, name(c, "columnName")));
      case "dropNotNullConstraint" -> ops.add(new Operation.DropNotNull(cs, type, table, name(c, "columnName")));
      case "addForeignKeyConstraint" -> ops.add(new Operation.AddForeignKey(cs, type, name(c, "baseTableName"),
          optional(c, "constraintName"), Identifiers.list(c.attribute("baseColumnNames").orElse("")),
          name(c, "referencedTableName"), isFalse(c, "validate")));
      case "dropForeignKeyConstraint" -> ops.add(new Operation.DropForeignKey(cs, type, name(c, "baseTableName"),
          name(c, "constraintName")));
      case "dropAllForeignKeyConstraints" -> ops.add(new Operation.DropForeignKey(cs, type, name(c, "baseTableName"), "*"));
      case "addUniqueConstraint" -> ops.add(new Operation.AddUnique(cs, type, table, optional(c, "constraintName"),
          Identifiers.list(c.attribute("columnNames").orElse(""))));
      case "addCheckConstraint" -> ops.add(new Operation.AddCheck(cs, type, table, optional(c, "constraintName"),
          isFalse(c, "validate")));
      case "createIndex" -> ops.add(new Operation.CreateIndex(cs, type, table, name(c, "indexName"),
          c.columns().stream().map(col -> Identifiers.name(col.name())).toList(),
          c.attribute("unique").map(Boolean::parseBoolean).orElse(false), false));
      case "dropIndex" -> ops.add(new Operation.DropIndex(cs, type, table, name(c, "indexName"), false));
      case "addPrimaryKey" -> ops.add(new Operation.PrimaryKeyChange(cs, type, table, true, Optional.empty()));
      case "dropPrimaryKey" -> ops.add(new Operation.PrimaryKeyChange(cs, type, table, false, Optional.empty()));
      case "update" -> ops.add(new Operation.ModifyRows(cs, type, table, "UPDATE", hasText(c, "where")));
      case "delete" -> ops.add(new Operation.ModifyRows(cs, type, table, "DELETE", hasText(c, "where")));
      default -> {
      }
    }
  }

  private static ColumnDef def(ColumnInfo col) {
    Optional<String> defaultValue = col.defaultValue().filter(v -> !v.isBlank());
    return new ColumnDef(Identifiers.name(col.name()), col.type(), col.nullable(), defaultValue, col.autoIncrement());
  }

  private static String name(ChangeInfo c, String attribute) {
    return Identifiers.name(c.attribute(attribute).orElse(""));
  }

  private static Optional<String> optional(ChangeInfo c, String attribute) {
    return c.attribute(attribute).filter(v -> !v.isBlank()).map(Identifiers::name);
  }

  private static boolean isFalse(ChangeInfo c, String attribute) {
    return c.attribute(attribute).map(v -> v.trim().equalsIgnoreCase("false")).orElse(false);
  }

  private static boolean hasText(ChangeInfo c, String attribute) {
    return c.attribute(attribute).map(v -> !v.isBlank()).orElse(false);
  }
}
