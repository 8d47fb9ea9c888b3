package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoLockTimeoutRuleTest {

  private final NoLockTimeoutRule rule = new NoLockTimeoutRule();

  @Test
  void firesOncePerChangesetAlteringAnExistingTable() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("addColumn", List.of(col("x", "int", true, null)), "tableName", "orders"),
            change("addColumn", List.of(col("y", "int", true, null)), "tableName", "orders"))));

    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(io.dbdevops.lint.Severity.INFO);
    assertThat(f.get(0).message()).isEqualTo("orders is altered (addColumn) with no lock_timeout");
  }

  @Test
  void doesNotFireAfterSetLockTimeoutOrOnNewTables() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("SET LOCAL lock_timeout TO '2s'"),
            change("addColumn", List.of(col("x", "int", true, null)), "tableName", "orders")),
        changeSet("101", change("createTable", List.of(col("id")), "tableName", "codes"),
            change("addColumn", List.of(col("y")), "tableName", "codes"))))).isEmpty();
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("SET lock_timeout = '2s'")),
        changeSet("101", sql("ALTER TABLE orders ADD COLUMN z int"))))).isEmpty();
  }
}
