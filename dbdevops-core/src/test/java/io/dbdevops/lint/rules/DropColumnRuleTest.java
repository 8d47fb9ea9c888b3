package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropColumnRuleTest {

  private final DropColumnRule rule = new DropColumnRule();

  @Test
  void firesOnDropColumnChangeWithExpandContractGuidance() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100-drop-note", change("dropColumn", "tableName", "orders", "columnName", "note"))));

    assertThat(f).hasSize(1);
    Finding d = f.get(0);
    assertThat(d.code()).isEqualTo("DBD103");
    assertThat(d.name()).isEqualTo("drop-column");
    assertThat(d.object()).isEqualTo("orders.note");
    assertThat(d.site().changeSetId()).contains("100-drop-note");
    assertThat(d.describe()).startsWith("DBD103 drop-column: orders.note is dropped by changeset 100-drop-note "
        + "(db/changelog/changes/100-drop-note.xml:8) — data loss; older app versions still read it. Expand/contract: "
        + "add the new column, backfill it, switch readers").endsWith("see docs/rules/DBD103.md");
  }

  @Test
  void firesOnRawSqlLikeOnTheChangeType() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("ALTER TABLE orders DROP COLUMN note"), sql("alter table ORDERS drop status;"))));

    assertThat(f).extracting(Finding::object).containsExactly("orders.note", "orders.status");
  }

  @Test
  void firesOnColumnsListAndMergeColumns() {
    var customers = table("customers", column("id", "bigint", false), column("first", "varchar(50)", true),
        column("last", "varchar(50)", true));
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders(), customers),
        changeSet("100", change("dropColumn", List.of(col("note"), col("status")), "tableName", "orders")),
        changeSet("101", change("mergeColumns", "tableName", "customers", "column1Name", "first", "column2Name", "last",
            "finalColumnName", "name"))));

    assertThat(f).extracting(Finding::object)
        .containsExactly("orders.note", "orders.status", "customers.first", "customers.last");
  }

  @Test
  void firesOnAColumnMissingFromTheResultingState() {
    var after = table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false));
    List<Finding> f = rule.check(context(Dialect.H2, model(orders()), model(after)));

    assertThat(f).extracting(Finding::object).containsExactly("orders.note");
    assertThat(f.get(0).site().changeSetId()).isEmpty();
    assertThat(f.get(0).site().file()).isEqualTo("db/changelog/db.changelog-master.xml");
  }

  @Test
  void doesNotFireOnAColumnThePendingPartAddedOrOnAColumnOfATableItCreated() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("addColumn", List.of(col("coupon", "varchar(20)", true, null)), "tableName", "orders")),
        changeSet("101", change("dropColumn", "tableName", "orders", "columnName", "coupon")),
        changeSet("102", change("createTable", List.of(col("id"), col("legacy")), "tableName", "imports")),
        changeSet("103", sql("ALTER TABLE imports DROP COLUMN legacy"))));

    assertThat(f).isEmpty();
  }

  @Test
  void withNothingReleasedNoDropIsJudged() {
    // adoption: no dbdevops.sum, so the released state is empty and the whole history is pending
    List<Finding> f = rule.check(context(Dialect.H2, model(), model(orders()),
        changeSet("001", change("createTable", List.of(col("id"), col("legacy_flag")), "tableName", "orders")),
        changeSet("002", change("dropColumn", "tableName", "orders", "columnName", "legacy_flag"))));

    assertThat(f).isEmpty();
  }

  @Test
  void aReleasedColumnDroppedUnderTheNameAPendingRenameGaveItStillFires() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("renameTable", "oldTableName", "orders", "newTableName", "purchases")),
        changeSet("101", change("renameColumn", "tableName", "purchases", "oldColumnName", "note", "newColumnName",
            "remark")),
        changeSet("102", sql("ALTER TABLE purchases DROP COLUMN remark"))));

    assertThat(f).extracting(Finding::object).containsExactly("purchases.remark");
    assertThat(f.get(0).site().changeSetId()).contains("102");
  }

  @Test
  void aColumnAddedUnderTheNameOfADroppedReleasedOneIsNew() {
    List<Finding> f = rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", change("dropColumn", "tableName", "orders", "columnName", "note")),
        changeSet("101", change("addColumn", List.of(col("note", "text", true, null)), "tableName", "orders")),
        changeSet("102", change("dropColumn", "tableName", "orders", "columnName", "note"))));

    assertThat(f).extracting(f1 -> f1.site().changeSetId().orElseThrow()).containsExactly("100");
  }

  @Test
  void doesNotFireOnAddOrRenameColumn() {
    var renamed = table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false), column("remark", "varchar(500)", true));
    assertThat(rule.check(context(Dialect.H2, model(orders()), model(renamed),
        changeSet("100", change("renameColumn", "tableName", "orders", "oldColumnName", "note", "newColumnName",
            "remark"))))).isEmpty();
    assertThat(rule.check(changes(Dialect.H2, model(orders()),
        changeSet("100", sql("ALTER TABLE orders ADD COLUMN x int; ALTER TABLE orders DROP CONSTRAINT fk_x"))))).isEmpty();
  }
}
