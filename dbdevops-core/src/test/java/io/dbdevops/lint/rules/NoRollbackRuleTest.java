package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoRollbackRuleTest {

  private final NoRollbackRule rule = new NoRollbackRule();

  @Test
  void firesOnRawSqlAndDropsWithoutRollback() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("UPDATE orders SET note = ''"), change("dropColumn", "tableName", "orders", "columnName", "x"))));

    assertThat(f).hasSize(1);
    assertThat(f.get(0).object()).isEqualTo("100");
    assertThat(f.get(0).message()).isEqualTo("a change Liquibase cannot reverse (dropColumn, sql) is made without a rollback");
  }

  @Test
  void doesNotFireWithARollbackOrOnReversibleChanges() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", true, true, sql("UPDATE orders SET note = ''")),
        changeSet("101", change("createTable", List.of(col("id")), "tableName", "codes"),
            change("addColumn", List.of(col("x")), "tableName", "orders"),
            change("createIndex", List.of(col("x")), "tableName", "orders", "indexName", "ix_x"))))).isEmpty();
  }
}
