package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropTableRuleTest {

  private final DropTableRule rule = new DropTableRule();

  @Test
  void firesOnDropTableChangeAndOnRawSql() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders(), customers()),
        changeSet("100", change("dropTable", "tableName", "orders")),
        changeSet("101", sql("DROP TABLE IF EXISTS public.customers CASCADE;"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders", "customers");
    assertThat(f.get(0).code()).isEqualTo("DBD101");
    assertThat(f.get(0).site().location()).isEqualTo("db/changelog/changes/100.xml:8");
    assertThat(f.get(0).message()).isEqualTo("orders is dropped");
    assertThat(f.get(0).fix()).contains("add the new table, backfill it, switch readers", "later release");
  }

  @Test
  void firesOnATableMissingFromTheResultingState() {
    List<Finding> f = rule.check(context(Dialect.H2, model(orders(), customers()), model(customers())));

    assertThat(f).extracting(Finding::object).containsExactly("orders");
    assertThat(f.get(0).site().origin()).isEqualTo(Finding.Origin.STATE);
  }

  @Test
  void doesNotFireOnATableThePendingPartCreatedEvenUnderANameItRenamedItTo() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("createTable", List.of(col("id")), "tableName", "tmp_import")),
        changeSet("101", change("renameTable", "oldTableName", "tmp_import", "newTableName", "import_old")),
        changeSet("102", sql("DROP TABLE import_old"))))).isEmpty();
  }

  @Test
  void aReleasedTableDroppedUnderItsNewNameStillFires() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("renameTable", "oldTableName", "orders", "newTableName", "orders_old")),
        changeSet("101", change("dropTable", "tableName", "orders_old"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders_old");
  }

  @Test
  void doesNotFireOnOtherChangesOrARename() {
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addColumn", List.of(col("x", "int", true, null)), "tableName", "orders"),
            sql("DROP VIEW order_totals"))))).isEmpty();
    // renamed: a drop and an add of the same columns
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(table("purchases", orders().columns()
        .toArray(new io.dbdevops.model.Column[0])))))).isEmpty();
  }
}
