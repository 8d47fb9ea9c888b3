package io.dbdevops.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.diff.SchemaChange.ColumnChangeKind;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.View;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  static Table orders(Column... extra) {
    List<Column> cols = new java.util.ArrayList<>(List.of(
        Column.of("id", ColumnType.of("bigint"), false).asIdentity(),
        Column.of("customer_id", ColumnType.of("bigint"), false),
        Column.of("status", ColumnType.of("varchar", 20), false).withDefault("'NEW'")));
    cols.addAll(List.of(extra));
    return new Table("orders", cols, Optional.of(new PrimaryKey(List.of("id"))),
        List.of(new ForeignKey(Optional.of("fk_orders_customer"), List.of("customer_id"), "customers", List.of("id"), "cascade", null)),
        List.of(), List.of(Index.of("idx_orders_status", false, "status")), List.of(), Optional.empty());
  }

  static SchemaModel model(Table... tables) {
    return new SchemaModel(List.of(tables), List.of(), List.of());
  }

  @Test
  void identicalModelsHaveNoDifferences() {
    assertThat(SchemaDiff.between(model(orders()), model(orders()))).isEmpty();
  }

  @Test
  void addedColumnIsOnePlusLineNamingTableAndColumn() {
    List<SchemaChange> changes = SchemaDiff.between(model(orders()),
        model(orders(Column.of("note", ColumnType.of("varchar", 200), true))));
    assertThat(changes).containsExactly(new SchemaChange.ColumnAdded("orders", Column.of("note", ColumnType.of("varchar", 200), true)));
    assertThat(DiffRendering.lines(changes)).containsExactly("table orders", "  + column note varchar(200) null");
  }

  @Test
  void droppedColumnIsMinusLine() {
    List<SchemaChange> changes = SchemaDiff.between(model(orders(Column.of("note", ColumnType.of("text"), true))), model(orders()));
    assertThat(DiffRendering.lines(changes)).containsExactly("table orders", "  - column note text null");
  }

  @Test
  void modifiedColumnReportsEveryKindOfChange() {
    Table from = orders();
    Table to = new Table("orders", List.of(from.columns().get(0), from.columns().get(1),
        Column.of("status", ColumnType.of("varchar", 30), true)), from.primaryKey(), from.foreignKeys(),
        from.uniqueConstraints(), from.indexes(), from.checks(), from.comment());
    List<SchemaChange> changes = SchemaDiff.between(model(from), model(to));
    assertThat(changes).hasSize(1);
    SchemaChange.ColumnModified m = (SchemaChange.ColumnModified) changes.get(0);
    assertThat(m.kinds()).containsExactlyInAnyOrder(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY, ColumnChangeKind.DEFAULT);
    assertThat(m.describe()).isEqualTo("column status: type varchar(20) -> varchar(30), not null -> null, default 'NEW' -> none");
    assertThat(m.sign().symbol()).isEqualTo("~");
  }

  @Test
  void tablesViewsAndSequencesAddedAndRemovedInNameOrder() {
    Table a = new Table("a", List.of(Column.of("x", ColumnType.of("integer"), true)), Optional.empty(), List.of(),
        List.of(), List.of(), List.of(), Optional.empty());
    SchemaModel from = new SchemaModel(List.of(orders()), List.of(new View("v", List.of("x"), "select 1 as x", Optional.empty())),
        List.of(new Sequence("s", BigInteger.ONE, 1, false)));
    SchemaModel to = new SchemaModel(List.of(a), List.of(), List.of(new Sequence("s", BigInteger.TEN, 1, false)));
    List<SchemaChange> changes = SchemaDiff.between(from, to);
    assertThat(changes).extracting(c -> c.getClass().getSimpleName())
        .containsExactly("TableAdded", "TableDropped", "ViewDropped", "SequenceModified");
    assertThat(DiffRendering.lines(changes)).containsExactly("table a", "  + table a (1 column)", "table orders",
        "  - table orders", "view v", "  - view v", "sequence s",
        "  ~ sequence s start 1 increment 1 -> sequence s start 10 increment 1");
  }

  @Test
  void droppingOneOfTwinForeignKeysIsReported() {
    Table from = orders();
    ForeignKey first = from.foreignKeys().get(0);
    ForeignKey twin = new ForeignKey(Optional.of("fk_orders_customer2"), List.of("customer_id"), "customers", List.of("id"), null, null);
    Table both = new Table("orders", from.columns(), from.primaryKey(), List.of(twin, first), List.of(), from.indexes(),
        List.of(), Optional.empty());
    assertThat(SchemaDiff.between(model(both), model(from))).singleElement()
        .isEqualTo(new SchemaChange.ForeignKeyDropped("orders", twin));
    assertThat(SchemaDiff.between(model(from), model(both))).singleElement()
        .isEqualTo(new SchemaChange.ForeignKeyAdded("orders", twin));
  }

  @Test
  void unnamedTwinForeignKeysArePairedNotCollapsed() {
    Table from = orders();
    ForeignKey unnamed = new ForeignKey(Optional.empty(), List.of("customer_id"), "customers", List.of("id"), null, null);
    Table two = new Table("orders", from.columns(), from.primaryKey(), List.of(unnamed, unnamed), List.of(), from.indexes(),
        List.of(), Optional.empty());
    Table one = new Table("orders", from.columns(), from.primaryKey(), List.of(unnamed), List.of(), from.indexes(),
        List.of(), Optional.empty());
    assertThat(SchemaDiff.between(model(two), model(one))).singleElement()
        .isEqualTo(new SchemaChange.ForeignKeyDropped("orders", unnamed));
  }

  @Test
  void foreignKeyRuleChangeIsAModification() {
    Table from = orders();
    Table to = new Table("orders", from.columns(), from.primaryKey(),
        List.of(new ForeignKey(Optional.of("fk_orders_customer"), List.of("customer_id"), "customers", List.of("id"), null, null)),
        List.of(), from.indexes(), List.of(), Optional.empty());
    assertThat(SchemaDiff.between(model(from), model(to))).singleElement()
        .isInstanceOf(SchemaChange.ForeignKeyModified.class)
        .extracting(SchemaChange::describe).asString().contains("on delete cascade -> foreign key fk_orders_customer");
  }

  @Test
  void indexChangesAreTyped() {
    Table from = orders();
    Table to = new Table("orders", from.columns(), from.primaryKey(), from.foreignKeys(), List.of(),
        List.of(Index.of("idx_orders_status", true, "status"), Index.of("idx_orders_customer", false, "customer_id")),
        List.of(), Optional.empty());
    assertThat(SchemaDiff.between(model(from), model(to))).extracting(c -> c.getClass().getSimpleName())
        .containsExactly("IndexAdded", "IndexModified");
  }
}
