package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameTableRuleTest {

  private final RenameTableRule rule = new RenameTableRule();

  @Test
  void firesOnRenameTableChangeAndSql() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders(), customers()),
        changeSet("100", change("renameTable", "oldTableName", "orders", "newTableName", "purchases")),
        changeSet("101", sql("ALTER TABLE customers RENAME TO clients"))));

    assertThat(f).extracting(Finding::message)
        .containsExactly("orders is renamed to purchases", "customers is renamed to clients");
    assertThat(f.get(0).fix()).contains("Expand/contract", "backfill", "switch readers", "later release");
  }

  @Test
  void firesOnATableThatReappearsUnderAnotherName() {
    var purchases = table("purchases", orders().columns().toArray(new io.dbdevops.model.Column[0]));
    List<Finding> f = rule.check(context(Dialect.H2, model(orders()), model(purchases)));

    assertThat(f).extracting(Finding::message).containsExactly("orders is renamed to purchases");
  }

  @Test
  void doesNotFireOnRenamingATableThePendingPartCreated() {
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(orders(), customers()),
        changeSet("100", change("createTable", List.of(col("id")), "tableName", "clients")),
        changeSet("101", change("renameTable", "oldTableName", "clients", "newTableName", "customers"))))).isEmpty();
    assertThat(rule.check(context(Dialect.H2, model(), model(customers()),
        changeSet("001", sql("CREATE TABLE clients (id bigint primary key, name varchar(100) not null)")),
        changeSet("002", sql("ALTER TABLE clients RENAME TO customers"))))).isEmpty();
  }

  @Test
  void doesNotFireOnANewTable() {
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(orders(), customers()),
        changeSet("100", change("createTable", List.of(col("id")), "tableName", "customers"))))).isEmpty();
  }
}
