package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantOptionRuleTest {

  private final GrantOptionRule rule = new GrantOptionRule();

  @Test
  void firesOnGrantOptionAdminOptionAndSuperuserRoles() {
    List<Finding> f = rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("GRANT SELECT ON orders TO app WITH GRANT OPTION; GRANT admin TO bob WITH ADMIN OPTION")),
        changeSet("101", sql("CREATE ROLE ops WITH LOGIN SUPERUSER; ALTER ROLE app CREATEROLE"))));

    assertThat(f).extracting(Finding::object).containsExactly("app", "bob", "ops", "app");
    assertThat(f.get(2).message()).isEqualTo("role ops gets SUPERUSER");
  }

  @Test
  void doesNotFireOnAPlainGrantOrRole() {
    assertThat(rule.check(changes(Dialect.POSTGRESQL, model(orders()),
        changeSet("100", sql("GRANT SELECT ON orders TO app; CREATE ROLE reader LOGIN"))))).isEmpty();
  }
}
