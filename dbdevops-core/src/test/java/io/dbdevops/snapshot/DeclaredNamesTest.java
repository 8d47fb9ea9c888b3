package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredNamesTest {

  @Test
  void readsTheNamesThatStatementsGive() {
    DeclaredNames names = DeclaredNames.fromStatements(List.of(
        "CREATE INDEX FK_ORDER_CUSTOMER ON orders(customer_id)",
        "CREATE UNIQUE INDEX IF NOT EXISTS `ux_a` ON `shop`.`a` (`x`)",
        "CREATE INDEX CONCURRENTLY ix_c ON c (y)",
        "create index on d (z)",
        "ALTER TABLE orders ADD CONSTRAINT orders_ibfk_1 FOREIGN KEY (customer_id) REFERENCES customer (id)",
        "ALTER TABLE e ADD INDEX ix_e (a), ADD KEY k_e (b)",
        "CREATE TABLE f (id BIGINT, g_id BIGINT, PRIMARY KEY (id), KEY ix_f_g (g_id), "
            + "CONSTRAINT fk_f_g FOREIGN KEY fk_idx (g_id) REFERENCES g (id))"));
    assertThat(names.known()).isTrue();
    assertThat(names.indexes()).containsExactlyInAnyOrder("fk_order_customer", "ux_a", "ix_c", "ix_e", "k_e", "ix_f_g");
    assertThat(names.constraints()).containsExactlyInAnyOrder("orders_ibfk_1", "fk_f_g");
    assertThat(names.declaresIndex("FK_ORDER_CUSTOMER")).isTrue();
    assertThat(names.declaresIndex("fk_idx")).as("FOREIGN KEY fk_idx names the index InnoDB makes, not one of ours").isFalse();
    assertThat(DeclaredNames.UNKNOWN.known()).isFalse();
  }
}
