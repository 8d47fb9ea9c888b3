package io.dbdevops.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.dbdevops.testdb.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** State-first: edit the state, generate, and the gate passes again. */
class ChangesetGeneratorTest {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  @Test
  void generatedChangesetTakesTheChangelogToTheEditedState() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    SchemaModel state = new StateReader().read(settings.stateDirectory());
    Table orders = state.table("orders").orElseThrow();
    List<Column> columns = new ArrayList<>(orders.columns());
    columns.add(Column.of("coupon_code", ColumnType.of("varchar", 30), true));
    columns.add(Column.of("priority", ColumnType.of("integer"), false).withDefault("0"));
    columns.replaceAll(c -> c.name().equals("note") ? Column.of("note", ColumnType.of("varchar", 1000), true) : c);
    List<Index> indexes = new ArrayList<>(orders.indexes());
    indexes.add(Index.of("idx_orders_coupon", false, "coupon_code"));
    Table editedOrders = new Table("orders", columns, orders.primaryKey(), orders.foreignKeys(), orders.uniqueConstraints(),
        indexes, orders.checks(), orders.comment());
    Table coupons = new Table("coupons", List.of(Column.of("code", ColumnType.of("varchar", 30), false),
        Column.of("percent_off", ColumnType.of("decimal", 5, 2), false), Column.of("customer_id", ColumnType.of("bigint"), true)),
        Optional.of(new PrimaryKey(List.of("code"))),
        List.of(new ForeignKey(Optional.of("fk_coupons_customer"), List.of("customer_id"), "customers", List.of("id"), "cascade", null)),
        List.of(new UniqueConstraint(Optional.empty(), List.of("customer_id", "percent_off"))), List.of(), List.of(), Optional.empty());
    List<Table> tables = new ArrayList<>(state.tables());
    tables.replaceAll(t -> t.name().equals("orders") ? editedOrders : t);
    tables.add(coupons);
    SchemaModel edited = new SchemaModel(tables, state.views(), state.sequences());
    new StateWriter().write(edited, settings.stateDirectory());

    assertThat(gate.verify(settings).passed()).isFalse();
    ChangesetGenerator.Generated generated = new ChangesetGenerator().generate(settings.changelog(),
        gate.build(settings).model(), edited, new ChangesetGenerator.Request("100-generated", "test", "changes"));

    assertThat(generated.file()).contains(Path.of("db/changelog/changes/100-generated.xml"));
    assertThat(generated.masterUpdated()).isTrue();
    String xml = Files.readString(dir.resolve("resources/db/changelog/changes/100-generated.xml"));
    assertThat(xml).contains("<createTable tableName=\"coupons\">", "<addColumn tableName=\"orders\">",
        "<modifyDataType tableName=\"orders\" columnName=\"note\" newDataType=\"VARCHAR(1000)\"/>",
        "<createIndex tableName=\"orders\" indexName=\"idx_orders_coupon\">", "constraintName=\"fk_coupons_customer\"");
    assertThat(Files.readString(dir.resolve("resources").resolve(Fixtures.MASTER)))
        .contains("<include file=\"changes/100-generated.xml\" relativeToChangelogFile=\"true\"/>");
    VerifyResult after = gate.verify(settings);
    assertThat(after.differences()).isEmpty();
    assertThat(after.changesetsApplied()).isEqualTo(8);
  }

  @Test
  void droppingAColumnAndAViewIsGeneratedToo() throws Exception {
    GateSettings settings = Fixtures.example(dir);
    SchemaModel state = new StateReader().read(settings.stateDirectory());
    Table orders = state.table("orders").orElseThrow();
    Table withoutNote = new Table("orders", orders.columns().stream().filter(c -> !c.name().equals("note")).toList(),
        orders.primaryKey(), orders.foreignKeys(), orders.uniqueConstraints(), orders.indexes(), orders.checks(), orders.comment());
    List<Table> tables = new ArrayList<>(state.tables());
    tables.replaceAll(t -> t.name().equals("orders") ? withoutNote : t);
    SchemaModel edited = new SchemaModel(tables, List.of(), state.sequences());
    new StateWriter().write(edited, settings.stateDirectory());
    new ChangesetGenerator().generate(settings.changelog(), gate.build(settings).model(), edited,
        new ChangesetGenerator.Request("100-drop", "test", "changes"));
    assertThat(gate.verify(settings).differences()).isEmpty();
  }

  /**
   * A wider type for a NOT NULL column with a default: Liquibase's modifyDataType redefines the column on H2 (its
   * default goes) and on MariaDB (MODIFY: default and NOT NULL go), so the generated changeset states both again.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aWiderTypeKeepsTheColumnsNotNullAndDefault(Engine engine) throws Exception {
    GateSettings settings = Fixtures.settings(dir, engine.shadow());
    Fixtures.example(dir);
    // first a NOT NULL column with a default (products has no foreign key pointing at it, which MariaDB would
    // refuse to modify), then the same column wider
    withProductsLabel(settings, "100-label", 20);
    withProductsLabel(settings, "101-wider-label", 40);
    String xml = Files.readString(dir.resolve("resources/db/changelog/changes/101-wider-label.xml"));
    assertThat(xml).contains("<modifyDataType tableName=\"products\" columnName=\"label\" newDataType=\"VARCHAR(40)\"/>",
        "<addNotNullConstraint tableName=\"products\" columnName=\"label\"", "<addDefaultValue tableName=\"products\" "
            + "columnName=\"label\" columnDataType=\"VARCHAR(40)\" defaultValue=\"none\"/>");
  }

  private void withProductsLabel(GateSettings settings, String id, int length) throws Exception {
    SchemaModel state = new StateReader().read(settings.stateDirectory());
    Table products = state.table("products").orElseThrow();
    List<Column> columns = new ArrayList<>(products.columns());
    columns.removeIf(c -> c.name().equals("label"));
    columns.add(Column.of("label", ColumnType.of("varchar", length), false).withDefault("'none'"));
    Table edited = new Table("products", columns, products.primaryKey(), products.foreignKeys(),
        products.uniqueConstraints(), products.indexes(), products.checks(), products.comment());
    List<Table> tables = new ArrayList<>(state.tables());
    tables.replaceAll(t -> t.name().equals("products") ? edited : t);
    SchemaModel wanted = new SchemaModel(tables, state.views(), state.sequences());
    new StateWriter().write(wanted, settings.stateDirectory());
    new ChangesetGenerator().generate(settings.changelog(), gate.build(settings).model(), wanted,
        new ChangesetGenerator.Request(id, "test", "changes"));
    assertThat(gate.verify(settings).differences()).as("%s on %s", id, settings.shadow().provider()).isEmpty();
  }

  @Test
  void nothingToGenerateWhenTheStateMatches() {
    GateSettings settings = Fixtures.example(dir);
    ChangesetGenerator.Generated generated = new ChangesetGenerator().generate(settings.changelog(),
        gate.build(settings).model(), new StateReader().read(settings.stateDirectory()),
        new ChangesetGenerator.Request("100-none", "test", "changes"));
    assertThat(generated.file()).isEmpty();
    assertThat(dir.resolve("resources/db/changelog/changes/100-none.xml")).doesNotExist();
  }
}
