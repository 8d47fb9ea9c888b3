package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropIndexNotConcurrentRuleTest {

  private final DropIndexNotConcurrentRule rule = new DropIndexNotConcurrentRule();

  @Test
  void firesOnDropIndexWithoutConcurrently() {
    var released = model(withIndex(orders(), io.dbdevops.model.Index.of("ix_note", false, "note")));
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, released,
        changeSet("100", change("dropIndex", "tableName", "orders", "indexName", "ix_status")),
        changeSet("101", sql("DROP INDEX IF EXISTS ix_note"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.ix_status", "orders.ix_note");
  }

  @Test
  void doesNotFireWithConcurrentlyOrOnMariaDb() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", false, false, sql("DROP INDEX CONCURRENTLY IF EXISTS ix_note"))))).isEmpty();
    assertThat(rule.appliesTo(Dialect.MARIADB)).isFalse();
  }
}
