package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddUniqueRuleTest {

  private final AddUniqueRule rule = new AddUniqueRule();

  @Test
  void firesOnUniqueConstraintAndUniqueIndexOnAnExistingTable() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addUniqueConstraint", "tableName", "orders", "columnNames", "customer_id, status")),
        changeSet("101", sql("CREATE UNIQUE INDEX ux_orders_note ON orders (note)"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders(customer_id,status)", "orders(note)");
    assertThat(f.get(0).message()).isEqualTo("unique orders(customer_id,status) is added on existing rows");
  }

  @Test
  void doesNotFireOnAPlainIndexOrANewTable() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("CREATE INDEX ix_orders_note ON orders (note)"),
            change("createTable", List.of(col("code")), "tableName", "codes"),
            change("addUniqueConstraint", "tableName", "codes", "columnNames", "code"))))).isEmpty();
  }
}
