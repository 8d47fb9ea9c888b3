package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentInTransactionRuleTest {

  private final ConcurrentInTransactionRule rule = new ConcurrentInTransactionRule();

  @Test
  void firesOnConcurrentlyInATransactionalChangeset() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("CREATE INDEX CONCURRENTLY ix_note ON orders (note)")),
        changeSet("101", sql("DROP INDEX CONCURRENTLY ix_old; REINDEX INDEX CONCURRENTLY ix_status"))));

    assertThat(f).extracting(Finding::message).containsExactly(
        "CREATE INDEX CONCURRENTLY (orders.ix_note) runs inside a transaction",
        "DROP INDEX CONCURRENTLY (ix_old) runs inside a transaction",
        "REINDEX CONCURRENTLY (ix_status) runs inside a transaction");
    assertThat(f.get(0).severity()).isEqualTo(io.dbdevops.lint.Severity.ERROR);
  }

  @Test
  void doesNotFireWithRunInTransactionFalse() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", false, false, sql("CREATE INDEX CONCURRENTLY ix_note ON orders (note)"))))).isEmpty();
  }
}
