package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantToPublicRuleTest {

  private final GrantToPublicRule rule = new GrantToPublicRule();

  @Test
  void firesOnGrantToPublic() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("GRANT SELECT, UPDATE ON orders TO app_reader, PUBLIC"))));

    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("SELECT, UPDATE on orders is granted to PUBLIC");
    assertThat(f.get(0).severity()).isEqualTo(io.dbdevops.lint.Severity.ERROR);
  }

  @Test
  void doesNotFireOnAGrantToARole() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("GRANT SELECT ON orders TO app_reader"))))).isEmpty();
  }
}
