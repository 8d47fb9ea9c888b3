package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropNotNullRuleTest {

  private final DropNotNullRule rule = new DropNotNullRule();

  @Test
  void firesOnDropNotNullChangeSqlAndModifyWithoutNotNull() {
    List<Finding> f = rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", change("dropNotNullConstraint", "tableName", "orders", "columnName", "status")),
        changeSet("101", sql("ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL")),
        changeSet("102", sql("ALTER TABLE orders MODIFY id bigint"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.status", "orders.customer_id", "orders.id");
    assertThat(f).allMatch(x -> x.severity() == io.dbdevops.lint.Severity.WARN);
  }

  @Test
  void doesNotFireOnAColumnThePendingPartAddedOrMadeNotNull() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("addColumn", List.of(col("coupon", "varchar(20)", false, "x")), "tableName", "orders")),
        changeSet("101", change("dropNotNullConstraint", "tableName", "orders", "columnName", "coupon")),
        changeSet("102", change("addNotNullConstraint", "tableName", "orders", "columnName", "note")),
        changeSet("103", change("dropNotNullConstraint", "tableName", "orders", "columnName", "note"))))).isEmpty();
  }

  @Test
  void doesNotFireOnANullableColumnRestatedNullable() {
    assertThat(rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", sql("ALTER TABLE orders MODIFY note varchar(600) NULL"),
            sql("ALTER TABLE orders MODIFY status varchar(30) NOT NULL"))))).isEmpty();
  }
}
