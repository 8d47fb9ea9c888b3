package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeChangeRewriteRuleTest {

  private final TypeChangeRewriteRule rule = new TypeChangeRewriteRule();

  @Test
  void firesOnATypeChangeThatRewritesTheTable() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("modifyDataType", "tableName", "orders", "columnName", "customer_id", "newDataType",
            "numeric(20,0)"))));

    assertThat(f).extracting(Finding::message).containsExactly("orders.customer_id changes type from bigint to decimal(20,0)");
  }

  @Test
  void doesNotFireOnVarcharWidening() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ALTER COLUMN status TYPE varchar(40)"),
            sql("ALTER TABLE orders ALTER COLUMN note TYPE text"))))).isEmpty();
  }
}
