package io.dbdevops.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which executed statements can lose data, and of which table, as Liquibase renders them on each engine. */
class LossyStatementsTest {

  private static Optional<LossyStatements.Loss> loss(String sql) {
    return LossyStatements.of(sql);
  }

  @Test
  void dropsTruncatesDeletesAndTypeChangesAreLossy() {
    assertThat(loss("DROP TABLE public.orders")).contains(new LossyStatements.Loss("orders", "drop table"));
    assertThat(loss("DROP TABLE IF EXISTS `shop`.`Orders`")).contains(new LossyStatements.Loss("orders", "drop table"));
    assertThat(loss("ALTER TABLE public.orders DROP COLUMN note")).contains(new LossyStatements.Loss("orders",
        "drop column"));
    assertThat(loss("ALTER TABLE orders DROP note")).contains(new LossyStatements.Loss("orders", "drop column"));
    assertThat(loss("TRUNCATE TABLE audit.events CASCADE")).contains(new LossyStatements.Loss("events", "truncate"));
    assertThat(loss("DELETE FROM orders WHERE status = 'X'")).contains(new LossyStatements.Loss("orders", "delete"));
    assertThat(loss("ALTER TABLE public.orders ALTER COLUMN note TYPE VARCHAR(10) USING (note::VARCHAR(10))"))
        .contains(new LossyStatements.Loss("orders", "type change"));
    assertThat(loss("ALTER TABLE shop.orders MODIFY note VARCHAR(10)")).contains(new LossyStatements.Loss("orders",
        "type change"));
  }

  @Test
  void constraintsIndexesAndAdditionsAreNot() {
    for (String sql : List.of("ALTER TABLE public.orders DROP CONSTRAINT fk_orders_customer",
        "ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer", "ALTER TABLE orders DROP INDEX idx_status",
        "ALTER TABLE orders DROP PRIMARY KEY", "ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT",
        "ALTER TABLE public.orders ALTER COLUMN status DROP NOT NULL", "ALTER TABLE orders ADD coupon VARCHAR(20)",
        "CREATE TABLE orders (id INT)", "DROP INDEX public.idx_status", "INSERT INTO orders (id) VALUES (1)",
        "UPDATE orders SET coupon = 'X'", "DROP VIEW active_orders")) {
      assertThat(loss(sql)).as(sql).isEmpty();
    }
  }

  @Test
  void touchedNamesTheTableEachStatementActsOn() {
    assertThat(LossyStatements.touched("ALTER TABLE public.orders ADD coupon VARCHAR(20)")).contains("orders");
    assertThat(LossyStatements.touched("INSERT INTO shop.customers (id) VALUES (1)")).contains("customers");
    assertThat(LossyStatements.touched("UPDATE orders SET coupon = 'X'")).contains("orders");
    assertThat(LossyStatements.touched("CREATE INDEX idx_status ON public.orders(status)")).contains("orders");
    assertThat(LossyStatements.touched("CREATE TABLE coupons (id INT)")).isEmpty();
  }
}
