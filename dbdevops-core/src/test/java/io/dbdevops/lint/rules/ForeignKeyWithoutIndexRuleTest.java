package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyWithoutIndexRuleTest {

  private final ForeignKeyWithoutIndexRule rule = new ForeignKeyWithoutIndexRule();

  @Test
  void firesOnANewForeignKeyWithoutIndex() {
    var after = withForeignKey(orders(), foreignKey("fk_orders_customer", "customer_id", "customers"));
    List<Finding> f = rule.check(context(Dialect.POSTGRESQL, model(orders(), customers()), model(after, customers()),
        changeSet("100", change("addForeignKeyConstraint", "baseTableName", "orders", "baseColumnNames", "customer_id",
            "referencedTableName", "customers", "constraintName", "fk_orders_customer"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.fk_orders_customer");
    assertThat(f.get(0).site().changeSetId()).contains("100");
    assertThat(f.get(0).fix()).contains("Create an index on orders (customer_id)");
  }

  @Test
  void aForeignKeyAddedByALaterChangesetInAnotherFileToANewTableIsLocatedThere() {
    // nothing released: orders is created by 100 (its own file), its foreign key by 200 (another file)
    var after = withForeignKey(orders(), foreignKey("fk_orders_customer", "customer_id", "customers"));
    List<Finding> f = rule.check(context(Dialect.POSTGRESQL, model(), model(after, customers()),
        changeSet("100-create-orders", change("createTable", List.of(col("id"), col("customer_id"), col("status"),
            col("note")), "tableName", "orders")),
        changeSet("150-create-customers", change("createTable", List.of(col("id"), col("name")), "tableName",
            "customers")),
        changeSet("200-orders-customer-fk", change("addForeignKeyConstraint", "baseTableName", "orders",
            "baseColumnNames", "customer_id", "referencedTableName", "customers", "constraintName",
            "fk_orders_customer")),
        changeSet("300-orders-comment", change("setTableRemarks", "tableName", "orders", "remarks", "orders"))));

    assertThat(f).singleElement().satisfies(d -> {
      assertThat(d.object()).isEqualTo("orders.fk_orders_customer");
      assertThat(d.site().changeSetId()).contains("200-orders-customer-fk");
      assertThat(d.site().location()).isEqualTo("db/changelog/changes/200-orders-customer-fk.xml:8");
    });
  }

  @Test
  void anUnnamedForeignKeyAddedInRawSqlToANewTableIsLocatedAtThatChangeset() {
    var after = withForeignKey(orders(), foreignKey(null, "customer_id", "customers"));
    List<Finding> f = rule.check(context(Dialect.POSTGRESQL, model(), model(after, customers()),
        changeSet("100-create-orders", change("createTable", List.of(col("id"), col("customer_id"), col("status"),
            col("note")), "tableName", "orders")),
        changeSet("150-create-customers", change("createTable", List.of(col("id"), col("name")), "tableName",
            "customers")),
        changeSet("200-fk", sql("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)")),
        changeSet("300-index-status", change("createIndex", List.of(col("status")), "tableName", "orders",
            "indexName", "ix_orders_status"))));

    assertThat(f).singleElement().satisfies(d -> {
      assertThat(d.object()).isEqualTo("orders(customer_id)");
      assertThat(d.site().changeSetId()).contains("200-fk");
    });
  }

  @Test
  void aForeignKeyDeclaredInTheCreateTableIsLocatedThere() {
    var after = withForeignKey(orders(), foreignKey(null, "customer_id", "customers"));
    List<Finding> f = rule.check(context(Dialect.POSTGRESQL, model(), model(after, customers()),
        changeSet("100-create-orders", change("createTable", List.of(col("id"), col("customer_id"), col("status"),
            col("note")), "tableName", "orders")),
        changeSet("300-index-status", change("createIndex", List.of(col("status")), "tableName", "orders",
            "indexName", "ix_orders_status"))));

    assertThat(f).singleElement().satisfies(d -> assertThat(d.site().changeSetId()).contains("100-create-orders"));
  }

  @Test
  void doesNotFireWhenAnIndexLeadsWithTheColumnsOrOnMariaDb() {
    var after = withIndex(withForeignKey(orders(), foreignKey("fk_orders_customer", "customer_id", "customers")),
        io.dbdevops.model.Index.of("ix_customer_status", false, "customer_id", "status"));
    assertThat(rule.check(context(Dialect.POSTGRESQL, model(orders(), customers()), model(after, customers())))).isEmpty();
    assertThat(rule.appliesTo(Dialect.MARIADB)).isFalse();
  }
}
