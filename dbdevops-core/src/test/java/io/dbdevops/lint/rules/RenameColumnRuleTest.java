package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameColumnRuleTest {

  private final RenameColumnRule rule = new RenameColumnRule();

  @Test
  void firesOnRenameColumnChangeAndSqlAndMysqlChange() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("renameColumn", "tableName", "orders", "oldColumnName", "note", "newColumnName", "remark")),
        changeSet("101", sql("ALTER TABLE orders RENAME COLUMN status TO state")),
        changeSet("102", sql("ALTER TABLE orders CHANGE COLUMN customer_id client_id BIGINT NOT NULL"))));

    assertThat(f).extracting(Finding::message).containsExactly("orders.note is renamed to remark",
        "orders.status is renamed to state", "orders.customer_id is renamed to client_id");
    assertThat(f.get(0).fix()).contains("add the new column, backfill it", "switch readers", "drop the old one");
  }

  @Test
  void doesNotFireOnAColumnThePendingPartAddedOrWithNothingReleased() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addColumn", List.of(col("coupon", "varchar(20)", true, null)), "tableName", "orders")),
        changeSet("101", change("renameColumn", "tableName", "orders", "oldColumnName", "coupon", "newColumnName",
            "coupon_code"))))).isEmpty();
    assertThat(rule.check(context(Dialect.H2, model(), model(orders()),
        changeSet("001", change("createTable", List.of(col("id"), col("remark")), "tableName", "orders")),
        changeSet("002", sql("ALTER TABLE orders RENAME COLUMN remark TO note"))))).isEmpty();
  }

  @Test
  void aReleasedColumnRenamedTwiceFiresTwice() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("renameColumn", "tableName", "orders", "oldColumnName", "note", "newColumnName",
            "remark")),
        changeSet("101", change("renameColumn", "tableName", "orders", "oldColumnName", "remark", "newColumnName",
            "comment"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.note", "orders.remark");
  }

  @Test
  void doesNotFireOnModifyWithoutRename() {
    assertThat(rule.check(changes(Dialect.MARIADB, model(orders()),
        changeSet("100", sql("ALTER TABLE orders MODIFY COLUMN status varchar(40) NOT NULL"))))).isEmpty();
  }
}
