package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWithoutPrimaryKeyRuleTest {

  private final TableWithoutPrimaryKeyRule rule = new TableWithoutPrimaryKeyRule();

  @Test
  void firesOnANewTableWithoutPrimaryKeyAttributedToItsCreation() {
    var log = withoutPrimaryKey(table("audit_log", column("entry", "text", true)));
    List<Finding> f = rule.check(context(Dialect.H2, model(orders()), model(orders(), log),
        changeSet("100", change("createTable", List.of(col("entry", "text", true, null)), "tableName", "audit_log"))));

    assertThat(f).extracting(Finding::object).containsExactly("audit_log");
    assertThat(f.get(0).site().changeSetId()).contains("100");
  }

  @Test
  void doesNotFireOnTablesWithPrimaryKeyOrUntouchedLegacyTables() {
    var legacy = withoutPrimaryKey(table("legacy", column("x", "int", true)));
    assertThat(rule.check(context(Dialect.H2, model(legacy), model(legacy, customers())))).isEmpty();
  }
}
