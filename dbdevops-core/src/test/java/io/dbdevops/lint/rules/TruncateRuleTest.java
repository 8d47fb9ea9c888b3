package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncateRuleTest {

  private final TruncateRule rule = new TruncateRule();

  @Test
  void firesOnTruncateWithAndWithoutCascade() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders(), customers()),
        changeSet("100", sql("TRUNCATE TABLE orders CASCADE"), sql("truncate customers"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders", "customers");
    assertThat(f.get(0).message()).contains("CASCADE");
    assertThat(f.get(1).message()).isEqualTo("customers is truncated");
  }

  @Test
  void doesNotFireOnATableThePendingPartCreated() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("createTable", List.of(col("id")), "tableName", "import_batch")),
        changeSet("101", sql("TRUNCATE TABLE import_batch"))))).isEmpty();
  }

  @Test
  void doesNotFireOnDeleteWithWhere() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("DELETE FROM orders WHERE status = 'X'"))))).isEmpty();
  }
}
