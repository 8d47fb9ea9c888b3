package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlTableCopyRuleTest {

  private final MysqlTableCopyRule rule = new MysqlTableCopyRule();

  @Test
  void firesOnATypeChangeOrPrimaryKeyDropThatCopiesTheTable() {
    List<Finding> f = rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", change("modifyDataType", "tableName", "orders", "columnName", "customer_id", "newDataType",
            "varchar(36)")),
        changeSet("101", sql("ALTER TABLE orders MODIFY status varchar(100) NOT NULL")),
        changeSet("102", sql("ALTER TABLE orders DROP PRIMARY KEY"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.customer_id", "orders.status", "orders");
    assertThat(f.get(1).message()).isEqualTo("orders.status changes type from varchar(20) to varchar(100), copying orders");
  }

  @Test
  void doesNotFireOnInplaceWideningOrExplicitAlgorithm() {
    assertThat(rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", sql("ALTER TABLE orders MODIFY status varchar(40) NOT NULL"),
            sql("ALTER TABLE orders MODIFY customer_id varchar(36) NOT NULL, ALGORITHM=INPLACE"))))).isEmpty();
    assertThat(rule.appliesTo(Dialect.POSTGRESQL)).isFalse();
  }
}
