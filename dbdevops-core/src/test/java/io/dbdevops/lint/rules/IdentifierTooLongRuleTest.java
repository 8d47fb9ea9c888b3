package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTooLongRuleTest {

  private final IdentifierTooLongRule rule = new IdentifierTooLongRule();
  private static final String LONG = "order_line_discount_adjustment_reason_code_for_regional_campaigns"; // 65

  @Test
  void firesOnANameLongerThanTheTargetAllows() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("addColumn", List.of(col(LONG, "int", true, null)), "tableName", "orders")),
        changeSet("101", sql("CREATE INDEX " + LONG.substring(0, 64) + " ON orders (note)"))));

    assertThat(f).extracting(Finding::object).containsExactly(LONG, LONG.substring(0, 64));
    assertThat(f.get(0).message()).isEqualTo("name " + LONG + " is 65 characters long (limit 63)");
  }

  @Test
  void doesNotFireWithinTheLimitOfTheTarget() {
    assertThat(rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", sql("CREATE INDEX " + LONG.substring(0, 64) + " ON orders (note)"))))).isEmpty();
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("addColumn", List.of(col("short_name")), "tableName", "orders"))))).isEmpty();
  }
}
