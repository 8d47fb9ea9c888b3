package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetNotNullRuleTest {

  private final SetNotNullRule rule = new SetNotNullRule();

  @Test
  void firesOnAddNotNullConstraintAndSetNotNull() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("addNotNullConstraint", "tableName", "orders", "columnName", "note")),
        changeSet("101", sql("ALTER TABLE ONLY orders ALTER COLUMN note SET NOT NULL"))));

    assertThat(f).hasSize(2).allMatch(x -> x.object().equals("orders.note") && x.code().equals("DBD302"));
  }

  @Test
  void firesFromTheStateDiff() {
    var after = table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false), column("note", "varchar(500)", false));
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(after)))).extracting(Finding::object)
        .containsExactly("orders.note");
  }

  @Test
  void doesNotFireOnANewTable() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", change("createTable", List.of(col("id")), "tableName", "codes"),
            change("addNotNullConstraint", "tableName", "codes", "columnName", "id"))))).isEmpty();
  }
}
