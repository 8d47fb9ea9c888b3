package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmlWithoutWhereRuleTest {

  private final DmlWithoutWhereRule rule = new DmlWithoutWhereRule();

  @Test
  void firesOnUpdateAndDeleteWithoutWhere() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("UPDATE orders SET status = 'NEW'")),
        changeSet("101", change("delete", "tableName", "customers"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders", "customers");
    assertThat(f.get(0).severity()).isEqualTo(io.dbdevops.lint.Severity.WARN);
    assertThat(f.get(0).message()).isEqualTo("UPDATE of every row of orders (no WHERE)");
  }

  @Test
  void doesNotFireWithWhereOrOnATableCreatedInThePendingPart() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("UPDATE orders SET status = 'NEW' WHERE status IS NULL"),
            change("update", "tableName", "orders", "where", "id = 1")),
        changeSet("101", change("createTable", List.of(col("id", "int", false, null)), "tableName", "codes"),
            sql("update codes set id = id + 1"))))).isEmpty();
  }
}
