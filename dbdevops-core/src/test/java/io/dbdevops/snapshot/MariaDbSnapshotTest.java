package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.testdb.TestDatabases;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MariaDB's spellings (auto_increment, tinyint(1), b'1', JSON as text, sequences as tables) read portably. */
class MariaDbSnapshotTest {

  private static SchemaModel model;

  @BeforeAll
  static void snapshot() throws Exception {
    try (TestDatabases.TempDatabase db = TestDatabases.mariadb().createDatabase(); Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE customers (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL, "
          + "CONSTRAINT uq_customers_email UNIQUE (email))");
      st.execute("""
          CREATE TABLE orders (
            id BIGINT AUTO_INCREMENT PRIMARY KEY,
            customer_id BIGINT NOT NULL,
            active BOOLEAN DEFAULT TRUE NOT NULL,
            archived TINYINT(1) DEFAULT 0 NOT NULL,
            flagged BIT(1) DEFAULT b'1',
            attributes JSON,
            status ENUM('NEW', 'PAID') DEFAULT 'NEW',
            ordered_at DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) NOT NULL,
            quantity INT UNSIGNED,
            CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
            CONSTRAINT ck_orders_quantity CHECK (quantity > 0))""");
      st.execute("CREATE VIEW active_orders AS SELECT id, customer_id FROM orders WHERE active = TRUE");
      st.execute("CREATE SEQUENCE invoice_seq START WITH 100000 INCREMENT BY 1");
      model = new SchemaCrawlerSnapshotter().snapshot(c, Dialect.MARIADB, SnapshotScope.of(db.name()));
    }
  }

  @Test
  void autoIncrementIsIdentityWithoutDefault() {
    assertThat(orders().column("id").orElseThrow()).extracting(Column::identity, Column::defaultValue, c -> c.type().name())
        .containsExactly(true, Optional.empty(), "bigint");
  }

  @Test
  void booleanSpellingsAndDefaultsAreTrueAndFalse() {
    assertThat(orders().column("active").orElseThrow()).extracting(c -> c.type().name(), Column::defaultValue)
        .containsExactly("boolean", Optional.of("true"));
    assertThat(orders().column("archived").orElseThrow()).extracting(c -> c.type().name(), Column::defaultValue)
        .containsExactly("boolean", Optional.of("false"));
    assertThat(orders().column("flagged").orElseThrow()).extracting(c -> c.type().name(), Column::defaultValue)
        .containsExactly("boolean", Optional.of("true"));
  }

  @Test
  void jsonIsJsonWithoutItsHiddenCheck() {
    assertThat(orders().column("attributes").orElseThrow().type().name()).isEqualTo("json");
    assertThat(orders().checks()).extracting(ck -> ck.name().orElse("")).containsExactly("ck_orders_quantity");
  }

  @Test
  void dialectOnlyTypesSayWhatTheyAre() {
    assertThat(orders().column("status").orElseThrow().type().name()).isEqualTo("enum");
    assertThat(orders().column("quantity").orElseThrow().type().name()).isEqualTo("integer unsigned");
    assertThat(orders().column("ordered_at").orElseThrow().defaultValue()).contains("current_timestamp");
  }

  @Test
  void foreignKeyKeepsItsNameLosesItsBackingIndexAndRestrictIsNoAction() {
    ForeignKey fk = orders().foreignKeys().get(0);
    assertThat(fk.name()).contains("fk_orders_customer");
    assertThat(fk.onDelete()).isEqualTo("no action");
    assertThat(orders().indexes()).extracting(Index::name).doesNotContain("fk_orders_customer");
  }

  @Test
  void uniqueConstraintIsAConstraintNotAnIndex() {
    Table customers = model.table("customers").orElseThrow();
    assertThat(customers.uniqueConstraints()).extracting(UniqueConstraint::columns).containsExactly(List.of("email"));
    assertThat(customers.indexes()).isEmpty();
  }

  @Test
  void sequencesAreReadFromTheirTables() {
    assertThat(model.sequences()).containsExactly(new Sequence("invoice_seq", BigInteger.valueOf(100000), 1, false));
  }

  @Test
  void viewHasNoMadeUpCommentAndACanonicalDefinition() {
    assertThat(model.view("active_orders").orElseThrow()).satisfies(v -> {
      assertThat(v.comment()).isEmpty();
      assertThat(v.columns()).containsExactly("id", "customer_id");
      // MariaDB stores "active = 1": it has no boolean literal
      assertThat(v.definition()).isEqualTo("select id, customer_id from orders where active = true");
    });
  }

  private static Table orders() {
    return model.table("orders").orElseThrow();
  }
}
