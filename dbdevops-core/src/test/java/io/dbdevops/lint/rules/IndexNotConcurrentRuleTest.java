package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexNotConcurrentRuleTest {

  private final IndexNotConcurrentRule rule = new IndexNotConcurrentRule();

  @Test
  void firesOnCreateIndexOnAnExistingPostgresTable() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("createIndex", List.of(col("status")), "tableName", "orders", "indexName", "ix_status")),
        changeSet("101", sql("CREATE INDEX ix_note ON orders (note)"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.ix_status", "orders.ix_note");
    assertThat(f.get(0).message()).isEqualTo("index orders.ix_status is created without CONCURRENTLY");
  }

  @Test
  void doesNotFireConcurrentlyOnANewTableOrOnOtherDatabases() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", false, false, sql("CREATE INDEX CONCURRENTLY ix_note ON orders (note)")),
        changeSet("101", change("createTable", List.of(col("id")), "tableName", "codes"),
            change("createIndex", List.of(col("id")), "tableName", "codes", "indexName", "ix_codes"))))).isEmpty();
    // the state diff sees the concurrently built index too; it is explained by its change
    var after = withIndex(orders(), io.dbdevops.model.Index.of("ix_note", false, "note"));
    assertThat(rule.check(context(Dialect.POSTGRESQL, model(orders()), model(after),
        changeSet("100", false, false, sql("CREATE INDEX CONCURRENTLY ix_note ON orders (note)"))))).isEmpty();
    assertThat(rule.appliesTo(Dialect.H2)).isFalse();
    assertThat(rule.appliesTo(Dialect.MARIADB)).isFalse();
  }
}
