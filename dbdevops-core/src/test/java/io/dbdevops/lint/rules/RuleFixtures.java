package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeInfo.ColumnInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changesets and states for the rule tests, written as a reader of the changelog would give them: changeset
 * {@code id} lives in {@code db/changelog/changes/<id>.xml} at line 8.
 */
public final class RuleFixtures {

  public static final String FILE_PREFIX = "db/changelog/changes/";

  private RuleFixtures() {
  }

  public static ChangeSetInfo changeSet(String id, ChangeInfo... changes) {
    return changeSet(id, true, false, changes);
  }

  public static ChangeSetInfo changeSet(String id, boolean runInTransaction, boolean hasRollback, ChangeInfo... changes) {
    return new ChangeSetInfo(FILE_PREFIX + id + ".xml", id, "dev", "9:0", 8, runInTransaction, hasRollback,
        Optional.empty(), List.of(changes));
  }

  public static ChangeSetInfo withComment(ChangeSetInfo cs, String comment) {
    return new ChangeSetInfo(cs.file(), cs.id(), cs.author(), cs.checksum(), cs.line(), cs.runInTransaction(),
        cs.hasRollback(), Optional.of(comment), cs.changes());
  }

  /** A change with attributes given as name/value pairs. */
  public static ChangeInfo change(String type, String... attributes) {
    return change(type, List.of(), attributes);
  }

  public static ChangeInfo change(String type, List<ColumnInfo> columns, String... attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      map.put(attributes[i], attributes[i + 1]);
    }
    return new ChangeInfo(type, map, columns, Optional.empty());
  }

  public static ChangeInfo sql(String text) {
    return new ChangeInfo("sql", Map.of(), List.of(), Optional.of(text));
  }

  public static ColumnInfo col(String name, String type, Boolean nullable, String defaultValue) {
    return new ColumnInfo(name, Optional.ofNullable(type), Optional.ofNullable(nullable), Optional.ofNullable(defaultValue),
        false, false);
  }

  public static ColumnInfo col(String name) {
    return col(name, null, null, null);
  }

  public static Column column(String name, String type, boolean nullable) {
    return Column.of(name, ColumnType.parse(type), nullable);
  }

  /** A table whose first column is its primary key. */
  public static Table table(String name, Column... columns) {
    return new Table(name, List.of(columns), Optional.of(new PrimaryKey(List.of(columns[0].name()))), List.of(),
        List.of(), List.of(), List.of(), Optional.empty());
  }

  public static Table withoutPrimaryKey(Table t) {
    return new Table(t.name(), t.columns(), Optional.empty(), t.foreignKeys(), t.uniqueConstraints(), t.indexes(),
        t.checks(), t.comment());
  }

  public static Table withForeignKey(Table t, ForeignKey fk) {
    List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
    fks.add(fk);
    return new Table(t.name(), t.columns(), t.primaryKey(), fks, t.uniqueConstraints(), t.indexes(), t.checks(),
        t.comment());
  }

  public static Table withIndex(Table t, Index index) {
    List<Index> indexes = new ArrayList<>(t.indexes());
    indexes.add(index);
    return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), indexes, t.checks(),
        t.comment());
  }

  public static ForeignKey foreignKey(String name, String column, String referencedTable) {
    return new ForeignKey(Optional.ofNullable(name), List.of(column), referencedTable, List.of("id"), null, null);
  }

  public static SchemaModel model(Table... tables) {
    return new SchemaModel(List.of(tables), List.of(), List.of());
  }

  /** The orders table as released: id, customer_id, status varchar(20) not null, note varchar(500) null. */
  public static Table orders() {
    return table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false), column("note", "varchar(500)", true));
  }

  public static Table customers() {
    return table("customers", column("id", "bigint", false), column("name", "varchar(100)", false));
  }

  public static LintContext context(Dialect dialect, SchemaModel released, SchemaModel result, ChangeSetInfo... pending) {
    return LintContext.builder().dialect(dialect).released(released).result(result).pending(List.of(pending))
        .changelog("db/changelog/db.changelog-master.xml").build();
  }

  /** Only the changes: the released and resulting states both hold {@code tables}. */
  public static LintContext changes(Dialect dialect, SchemaModel state, ChangeSetInfo... pending) {
    return context(dialect, state, state, pending);
  }

  public static List<Finding> check(Rule rule, LintContext context) {
    return rule.check(context);
  }
}
