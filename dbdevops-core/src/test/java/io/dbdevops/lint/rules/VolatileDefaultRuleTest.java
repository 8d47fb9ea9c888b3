package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolatileDefaultRuleTest {

  private final VolatileDefaultRule rule = new VolatileDefaultRule();

  @Test
  void firesOnVolatileDefaultsAndIdentityColumns() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()")),
        changeSet("101", change("addColumn", List.of(col("seq", "bigserial", false, null)), "tableName", "orders"))));

    assertThat(f).extracting(Finding::message).containsExactly(
        "orders.token is added with the volatile default gen_random_uuid()",
        "orders.seq is added as an identity/serial column");
  }

  @Test
  void doesNotFireOnStableOrConstantDefaults() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now()"),
            change("addColumn", List.of(col("channel", "varchar(10)", false, "web")), "tableName", "orders"))))).isEmpty();
  }
}
