package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyNotValidRuleTest {

  private final ForeignKeyNotValidRule rule = new ForeignKeyNotValidRule();

  @Test
  void firesOnAForeignKeyAddedToAnExistingTable() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders(), customers()),
        changeSet("100", change("addForeignKeyConstraint", "baseTableName", "orders", "baseColumnNames", "customer_id",
            "referencedTableName", "customers", "referencedColumnNames", "id", "constraintName", "fk_orders_customer")),
        changeSet("101", sql("ALTER TABLE orders ADD CONSTRAINT fk_x FOREIGN KEY (status) REFERENCES statuses (code)"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.fk_orders_customer", "orders.fk_x");
  }

  @Test
  void doesNotFireWithNotValidValidateFalseOrANewTable() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders(), customers()),
        changeSet("100", sql("ALTER TABLE orders ADD CONSTRAINT fk_x FOREIGN KEY (customer_id) REFERENCES customers (id) "
            + "NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT fk_x")),
        changeSet("101", change("addForeignKeyConstraint", "baseTableName", "orders", "baseColumnNames", "customer_id",
            "referencedTableName", "customers", "constraintName", "fk_y", "validate", "false")),
        changeSet("102", change("createTable", List.of(col("id"), col("order_id")), "tableName", "order_notes"),
            change("addForeignKeyConstraint", "baseTableName", "order_notes", "baseColumnNames", "order_id",
                "referencedTableName", "orders", "constraintName", "fk_z"))))).isEmpty();
  }
}
