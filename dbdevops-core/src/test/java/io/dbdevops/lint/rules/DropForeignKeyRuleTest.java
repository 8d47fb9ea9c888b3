package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropForeignKeyRuleTest {

  private final DropForeignKeyRule rule = new DropForeignKeyRule();

  @Test
  void firesOnDropForeignKeyChangeAndOnDropConstraintOfAReleasedForeignKey() {
    var released = model(withForeignKey(orders(), foreignKey("fk_orders_customer", "customer_id", "customers")),
        customers());
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, released,
        changeSet("100", change("dropForeignKeyConstraint", "baseTableName", "orders", "constraintName", "fk_x")),
        changeSet("101", sql("ALTER TABLE orders DROP CONSTRAINT fk_orders_customer"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.fk_x", "orders.fk_orders_customer");
  }

  @Test
  void firesOnAForeignKeyMissingFromTheResultingState() {
    var before = model(withForeignKey(orders(), foreignKey(null, "customer_id", "customers")), customers());
    List<Finding> f = rule.check(context(Dialect.H2, before, model(orders(), customers())));

    assertThat(f).extracting(Finding::object).containsExactly("orders(customer_id)");
  }

  @Test
  void doesNotFireOnAForeignKeyThePendingPartMadeOrWithNothingReleased() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders(), customers()),
        changeSet("100", change("addForeignKeyConstraint", "baseTableName", "orders", "baseColumnNames", "customer_id",
            "referencedTableName", "customers", "constraintName", "fk_orders_customer")),
        changeSet("101", sql("ALTER TABLE orders DROP CONSTRAINT fk_orders_customer")),
        changeSet("102", change("addForeignKeyConstraint", "baseTableName", "orders", "baseColumnNames", "customer_id",
            "referencedTableName", "customers", "constraintName", "fk_again")),
        changeSet("103", change("dropForeignKeyConstraint", "baseTableName", "orders", "constraintName",
            "fk_again"))))).isEmpty();
    assertThat(rule.check(context(Dialect.POSTGRESQL, model(), model(orders(), customers()),
        changeSet("001", change("createTable", List.of(col("id"), col("customer_id")), "tableName", "orders")),
        changeSet("002", change("dropForeignKeyConstraint", "baseTableName", "orders", "constraintName",
            "fk_old"))))).isEmpty();
  }

  @Test
  void doesNotFireOnDroppingAnotherConstraint() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders DROP CONSTRAINT ck_orders_total"))))).isEmpty();
  }
}
