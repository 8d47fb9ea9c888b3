package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrowTypeRuleTest {

  private final NarrowTypeRule rule = new NarrowTypeRule();

  @Test
  void firesOnAShorterVarcharAndAnotherTypeFamily() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("modifyDataType", "tableName", "orders", "columnName", "status", "newDataType",
            "VARCHAR(10)")),
        changeSet("101", sql("ALTER TABLE orders ALTER COLUMN note TYPE integer USING 0"))));

    assertThat(f).extracting(Finding::message).containsExactly(
        "orders.status changes type from varchar(20) to varchar(10) (narrower)",
        "orders.note changes type from varchar(500) to integer (another type)");
  }

  @Test
  void firesFromTheStateDiff() {
    var after = table("orders", column("id", "integer", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false), column("note", "varchar(500)", true));
    List<Finding> f = rule.check(context(Dialect.H2, model(orders()), model(after)));

    assertThat(f).extracting(Finding::object).containsExactly("orders.id");
  }

  @Test
  void judgesAgainstTheReleasedTypeOfARenamedColumnAndNotAColumnThePendingPartAdded() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("renameColumn", "tableName", "orders", "oldColumnName", "status", "newColumnName",
            "state")),
        changeSet("101", change("modifyDataType", "tableName", "orders", "columnName", "state", "newDataType",
            "varchar(5)")),
        changeSet("102", change("addColumn", List.of(col("coupon", "varchar(40)", true, null)), "tableName", "orders")),
        changeSet("103", change("modifyDataType", "tableName", "orders", "columnName", "coupon", "newDataType",
            "varchar(10)"))));

    assertThat(f).extracting(Finding::message)
        .containsExactly("orders.state changes type from varchar(20) to varchar(5) (narrower)");
  }

  @Test
  void doesNotFireOnWidening() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("modifyDataType", "tableName", "orders", "columnName", "status", "newDataType",
            "varchar(50)"), sql("ALTER TABLE orders ALTER COLUMN note TYPE text"),
            sql("ALTER TABLE orders ALTER COLUMN customer_id TYPE numeric(20,0)"))))).isEmpty();
  }
}
