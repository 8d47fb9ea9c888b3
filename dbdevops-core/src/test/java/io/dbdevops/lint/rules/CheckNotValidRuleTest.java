package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckNotValidRuleTest {

  private final CheckNotValidRule rule = new CheckNotValidRule();

  @Test
  void firesOnACheckAddedWithoutNotValid() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ADD CONSTRAINT ck_status CHECK (status <> '')"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.ck_status");
    assertThat(f.get(0).fix()).contains("NOT VALID", "VALIDATE CONSTRAINT");
  }

  @Test
  void doesNotFireWithNotValid() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ADD CONSTRAINT ck_status CHECK (status <> '') NOT VALID"))))).isEmpty();
  }
}
