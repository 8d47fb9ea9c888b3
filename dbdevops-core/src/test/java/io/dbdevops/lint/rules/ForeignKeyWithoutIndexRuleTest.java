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
  void doesNotFireWhenAnIndexLeadsWithTheColumnsOrOnMariaDb() {
    var after = withIndex(withForeignKey(orders(), foreignKey("fk_orders_customer", "customer_id", "customers")),
        io.dbdevops.model.Index.of("ix_customer_status", false, "customer_id", "status"));
    assertThat(rule.check(context(Dialect.POSTGRESQL, model(orders(), customers()), model(after, customers())))).isEmpty();
    assertThat(rule.appliesTo(Dialect.MARIADB)).isFalse();
  }
}
