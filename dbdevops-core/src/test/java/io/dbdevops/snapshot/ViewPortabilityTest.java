package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.View;
import io.dbdevops.testdb.Engine;
import io.dbdevops.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Views of common shapes read the same on PostgreSQL and MariaDB as on H2, although each engine stores its own
 * rewrite of the query (MariaDB even has no boolean literal and stores {@code active = 1}).
 */
class ViewPortabilityTest {

  private static final List<String> DDL = List.of(
      "CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL, full_name VARCHAR(200), "
          + "active BOOLEAN DEFAULT TRUE NOT NULL)",
      "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20) DEFAULT 'NEW' NOT NULL, "
          + "note VARCHAR(100))",
      "CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL, quantity INTEGER NOT NULL, "
          + "unit_price DECIMAL(10,2) NOT NULL)",
      "CREATE VIEW v_totals AS SELECT o.id AS order_id, o.customer_id, SUM(l.quantity * l.unit_price) AS total "
          + "FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id, o.customer_id",
      "CREATE VIEW v_active AS SELECT id, email FROM customers WHERE active = TRUE",
      "CREATE VIEW v_left AS SELECT c.email, o.status FROM customers c LEFT JOIN orders o ON o.customer_id = c.id "
          + "AND o.status <> 'PAID' WHERE c.full_name IS NOT NULL",
      "CREATE VIEW v_joins AS SELECT o.id, c.email, l.quantity FROM orders o JOIN customers c ON c.id = o.customer_id "
          + "JOIN order_lines l ON l.order_id = o.id WHERE o.status = 'NEW' AND l.quantity > 1",
      "CREATE VIEW v_case AS SELECT id, CASE WHEN status = 'NEW' THEN 'open' ELSE 'closed' END AS state, "
          + "COALESCE(note, '') AS note FROM orders",
      "CREATE VIEW v_having AS SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id HAVING COUNT(*) > 1",
      "CREATE VIEW v_subquery AS SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'NEW')",
      "CREATE VIEW v_or AS SELECT DISTINCT status FROM orders WHERE (status = 'A' OR status = 'B') AND id > 10");

  private static Map<String, String> h2;

  @BeforeAll
  static void readOnH2() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:views_" + UUID.randomUUID(), "sa", "")) {
      h2 = definitions(create(c, Engine.H2, "PUBLIC"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void viewDefinitionsReadAsOnH2(Engine engine) throws Exception {
    Map<String, String> other;
    try (TestDatabases.TempDatabase db = engine.server().createDatabase(); Connection c = db.connect()) {
      other = definitions(create(c, engine, engine == Engine.POSTGRESQL ? "public" : db.name()));
    }
    assertThat(other).isEqualTo(h2);
    assertThat(h2).hasSize(8).containsEntry("v_active", "select id, email from customers where active = true");
    assertThat(h2.get("v_totals")).isEqualTo("select o.id as order_id, o.customer_id, sum(l.quantity * l.unit_price) as total "
        + "from orders o inner join order_lines l on l.order_id = o.id group by o.id, o.customer_id");
  }

  private static SchemaModel create(Connection c, Engine engine, String schema) throws Exception {
    try (Statement st = c.createStatement()) {
      for (String ddl : DDL) {
        st.execute(ddl);
      }
    }
    return new SchemaCrawlerSnapshotter().snapshot(c, engine.dialect(), SnapshotScope.of(schema));
  }

  private static Map<String, String> definitions(SchemaModel model) {
    Map<String, String> out = new TreeMap<>();
    for (View v : model.views()) {
      out.put(v.name(), v.definition());
    }
    return out;
  }
}
