package io.dbdevops.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {

  @TempDir
  Path dir;

  static SchemaModel sample() {
    Table customers = new Table("customers", List.of(
        Column.of("id", ColumnType.of("bigint"), false).asIdentity(),
        Column.of("email", ColumnType.of("varchar", 255), false).withComment("login: o'brien@example.com"),
        Column.of("balance", ColumnType.of("decimal", 12, 2), false).withDefault("0"),
        Column.of("status", ColumnType.of("varchar", 10), false).withDefault("'NEW'")),
        Optional.of(new PrimaryKey(List.of("id"))), List.of(),
        List.of(new UniqueConstraint(Optional.empty(), List.of("email"))),
        List.of(new Index("idx_customers_status", List.of("status"), false, Optional.of("status <> 'GONE'"))),
        List.of(new CheckConstraint(Optional.of("ck_balance"), "balance >= 0")), Optional.of("People who order"));
    Table orders = new Table("orders", List.of(Column.of("id", ColumnType.of("bigint"), false),
        Column.of("customer_id", ColumnType.of("bigint"), true)), Optional.of(new PrimaryKey(List.of("id"))),
        List.of(new ForeignKey(Optional.of("fk_orders_customer"), List.of("customer_id"), "customers", List.of("id"), "set null", null)),
        List.of(), List.of(), List.of(), Optional.empty());
    return new SchemaModel(List.of(orders, customers),
        List.of(new View("rich_customers", List.of("id", "email"), "select id, email from customers where balance > 100", Optional.empty())),
        List.of(new Sequence("invoice_seq", BigInteger.valueOf(1000), 5, true)));
  }

  @Test
  void readerGivesBackWhatTheWriterWrote() {
    new StateWriter().write(sample(), dir);
    assertThat(new StateReader().read(dir)).isEqualTo(sample());
  }

  @Test
  void oneFilePerObjectInItsFolder() {
    new StateWriter().write(sample(), dir);
    assertThat(dir.resolve("tables/customers.yaml")).exists();
    assertThat(dir.resolve("tables/orders.yaml")).exists();
    assertThat(dir.resolve("views/rich_customers.yaml")).exists();
    assertThat(dir.resolve("sequences/invoice_seq.yaml")).exists();
  }

  @Test
  void writingTwiceIsByteIdenticalAndTouchesNothing() throws Exception {
    new StateWriter().write(sample(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("tables/customers.yaml"));
    StateWriter.WriteSummary second = new StateWriter().write(sample(), dir);
    assertThat(second.written()).isZero();
    assertThat(second.unchanged()).isEqualTo(4);
    assertThat(Files.readAllBytes(dir.resolve("tables/customers.yaml"))).isEqualTo(first);
  }

  @Test
  void canonicalLayoutOfATableFile() throws Exception {
    new StateWriter().write(sample(), dir);
    assertThat(Files.readString(dir.resolve("tables/orders.yaml"))).isEqualTo("""
        table: orders
        columns:
          - name: id
            type: bigint
            nullable: false
          - name: customer_id
            type: bigint
            nullable: true
        primaryKey:
          - id
        foreignKeys:
          - name: fk_orders_customer
            columns:
              - customer_id
            references: customers
            referencedColumns:
              - id
            onDelete: set null
        """);
  }

  @Test
  void partialIndexKeepsItsPredicateMarkedDialectSpecific() throws Exception {
    new StateWriter().write(sample(), dir);
    assertThat(Files.readString(dir.resolve("tables/customers.yaml"))).contains("""
        indexes:
          - name: idx_customers_status
            columns:
              - status
            where: status <> 'GONE'
            dialectSpecific: true
        """);
  }

  @Test
  void filesOfRemovedObjectsAreDeleted() {
    new StateWriter().write(sample(), dir);
    StateWriter.WriteSummary summary = new StateWriter().write(new SchemaModel(List.of(sample().tables().get(0)), List.of(), List.of()), dir);
    assertThat(summary.removed()).isEqualTo(3);
    assertThat(dir.resolve("views/rich_customers.yaml")).doesNotExist();
  }

  @Test
  void unknownKeyNamesFileAndKey() throws Exception {
    write("tables/t.yaml", "table: t\ncolumns:\n  - name: a\n    type: integer\n    nulable: true\n");
    assertThatThrownBy(() -> new StateReader().read(dir)).isInstanceOf(StateFileException.class)
        .hasMessageContaining("tables/t.yaml").hasMessageContaining("columns[0].nulable").hasMessageContaining("unknown key");
  }

  @Test
  void badValueNamesFileAndKey() throws Exception {
    write("tables/t.yaml", "table: t\ncolumns:\n  - name: a\n    type: integer\n    nullable: maybe\n");
    assertThatThrownBy(() -> new StateReader().read(dir)).isInstanceOf(StateFileException.class)
        .hasMessageContaining("tables/t.yaml").hasMessageContaining("columns[0].nullable").hasMessageContaining("true or false");
  }

  @Test
  void badTypeNamesFileAndKey() throws Exception {
    write("tables/t.yaml", "table: t\ncolumns:\n  - name: a\n    type: varchar(\n");
    assertThatThrownBy(() -> new StateReader().read(dir)).hasMessageContaining("columns[0].type").hasMessageContaining("not a type");
  }

  @Test
  void objectNameMustMatchFileName() throws Exception {
    write("tables/t.yaml", "table: other\ncolumns:\n  - name: a\n    type: integer\n");
    assertThatThrownBy(() -> new StateReader().read(dir)).hasMessageContaining("tables/t.yaml").hasMessageContaining("'table'");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws Exception {
    write("tables/t.yaml", "table: t\ncolumns:\n  - name: a\n   type: [integer\n");
    assertThatThrownBy(() -> new StateReader().read(dir)).isInstanceOf(StateFileException.class)
        .hasMessageContaining("tables/t.yaml").hasMessageMatching("(?s).*line \\d+.*");
  }

  @Test
  void missingStateDirectoryIsAnEmptyModel() {
    assertThat(new StateReader().read(dir.resolve("none"))).isEqualTo(SchemaModel.EMPTY);
  }

  private void write(String file, String content) throws Exception {
    Files.createDirectories(dir.resolve(file).getParent());
    Files.writeString(dir.resolve(file), content);
  }
}
