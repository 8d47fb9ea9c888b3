package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropSchemaRuleTest {

  private final DropSchemaRule rule = new DropSchemaRule();

  @Test
  void firesOnDropSchemaAndDropDatabase() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(),
        changeSet("100", sql("DROP SCHEMA sales CASCADE; DROP DATABASE reporting"))));

    assertThat(f).extracting(Finding::message).containsExactly("schema sales is dropped", "database reporting is dropped");
    assertThat(f).allMatch(x -> x.code().equals("DBD102"));
  }

  @Test
  void doesNotFireOnCreateSchemaOrDropTable() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("CREATE SCHEMA sales; DROP TABLE orders"))))).isEmpty();
  }
}
