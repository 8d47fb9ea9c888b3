package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddRequiredColumnRuleTest {

  private final AddRequiredColumnRule rule = new AddRequiredColumnRule();

  @Test
  void firesOnANotNullColumnWithoutDefaultOnAnExistingTable() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addColumn", List.of(col("coupon", "varchar(30)", false, null)), "tableName", "orders")),
        changeSet("101", sql("ALTER TABLE orders ADD COLUMN channel varchar(10) NOT NULL"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.coupon", "orders.channel");
    assertThat(f.get(0).message()).isEqualTo("NOT NULL column orders.coupon is added without a default");
  }

  @Test
  void doesNotFireWithADefaultNullableOrOnANewTable() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addColumn", List.of(col("coupon", "varchar(30)", false, "none"),
            col("memo", "varchar(30)", true, null)), "tableName", "orders"),
            sql("ALTER TABLE orders ADD COLUMN channel varchar(10) DEFAULT 'web' NOT NULL")),
        changeSet("101", change("createTable", List.of(col("id", "int", false, null)), "tableName", "codes"),
            change("addColumn", List.of(col("label", "varchar(10)", false, null)), "tableName", "codes"))))).isEmpty();
  }

  @Test
  void doesNotFireOnAReleasedNotNullColumnThatIsRenamed() {
    // the state diff sees the rename as status dropped and state added (NOT NULL, no default): a rename, not an add
    var after = table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("state", "varchar(20)", false), column("note", "varchar(500)", true));
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(after),
        changeSet("100", change("renameColumn", "tableName", "orders", "oldColumnName", "status", "newColumnName",
            "state"))))).isEmpty();
  }
}
