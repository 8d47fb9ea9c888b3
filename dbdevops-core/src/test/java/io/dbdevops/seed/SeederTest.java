package io.dbdevops.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * dbdevops:seed's generator on the example project's schema (foreign keys in two levels, a composite primary key, a
 * unique e-mail and SKU, a check constraint, a reference table), on H2, PostgreSQL and MariaDB: every row is accepted
 * by the database's own constraints, the reference table keeps its rows, and the same seed gives the same rows.
 */
class SeederTest {

  private static final ChangelogSource EXAMPLE = new ChangelogSource(
      Fixtures.EXAMPLE.resolve("src/main/resources").toAbsolutePath(), Fixtures.MASTER);
  private static final SeedSettings SETTINGS = new SeedSettings(42, 50, Map.of("order_lines", 200), Map.of(),
      Set.of("order_status"));

  private static SchemaModel prepare(Connection c, Dialect dialect, Optional<String> schema) {
    new LiquibaseRunner().update(c, EXAMPLE, LiquibaseRunner.UpdateOptions.DEFAULT);
    return new SchemaCrawlerSnapshotter().snapshot(c, dialect, schema.map(SnapshotScope::of).orElse(SnapshotScope.of(
        dialect == Dialect.H2 ? "PUBLIC" : "public")));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> dump(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static void checkSeeded(Connection c, Seeder.Result result) throws SQLException {
    assertThat(result.kept()).containsExactly("order_status");
    assertThat(result.tables()).extracting(Seeder.TableResult::table)
        // parents before children
        .containsSubsequence("customers", "orders", "order_lines").containsSubsequence("products", "order_lines");
    assertThat(count(c, "SELECT COUNT(*) FROM customers")).isEqualTo(50);
    assertThat(count(c, "SELECT COUNT(*) FROM order_lines")).isEqualTo(200);
    assertThat(count(c, "SELECT COUNT(*) FROM order_status")).isEqualTo(3);
    assertThat(count(c, "SELECT COUNT(*) FROM order_lines WHERE quantity <= 0")).isZero();
    assertThat(count(c, "SELECT COUNT(DISTINCT email) FROM customers")).isEqualTo(50);
    assertThat(count(c, "SELECT COUNT(*) FROM orders o LEFT JOIN customers k ON k.id = o.customer_id WHERE k.id IS NULL"))
        .isZero();
    assertThat(count(c, "SELECT COUNT(*) FROM orders WHERE status NOT IN ('NEW', 'PAID', 'SHIPPED')")).isZero();
    assertThat(count(c, "SELECT MAX(LENGTH(sku)) FROM products")).isLessThanOrEqualTo(40);
  }

  @Test
  void onH2TheSameSeedGivesTheSameRows() throws Exception {
    List<List<String>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:mem:seed_" + i + "_" + System.nanoTime())) {
        SchemaModel model = prepare(c, Dialect.H2, Optional.empty());
        Seeder.Result result = new Seeder().seed(c, Dialect.H2, model, Optional.empty(), SETTINGS);
        checkSeeded(c, result);
        runs.add(dump(c, "SELECT c.email, c.full_name, p.sku, p.price, l.quantity, l.unit_price FROM order_lines l "
            + "JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON "
            + "p.id = l.product_id ORDER BY l.order_id, l.line_no"));
      }
    }
    assertThat(runs.get(0)).hasSize(200).isEqualTo(runs.get(1));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onServersEveryRowIsAccepted(Engine engine) throws Exception {
    try (TestDatabases.TempDatabase db = TestDatabases.require(engine).createDatabase(); Connection c = db.connect()) {
      Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MARIADB;
      Optional<String> schema = engine == Engine.POSTGRESQL ? Optional.of("public") : Optional.of(db.name());
      SchemaModel model = prepare(c, dialect, schema);
      Seeder.Result result = new Seeder().seed(c, dialect, model, Optional.empty(), SETTINGS);
      checkSeeded(c, result);
    }
  }

  @Test
  void aCycleIsBrokenThroughANullableForeignKeyAndANotNullCycleIsRefused() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:seed_cycle_" + System.nanoTime());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(30) NOT NULL, manager_id INT)");
      s.execute("CREATE TABLE emp (id INT PRIMARY KEY, dept_id INT NOT NULL REFERENCES dept (id))");
      s.execute("ALTER TABLE dept ADD CONSTRAINT fk_dept_manager FOREIGN KEY (manager_id) REFERENCES emp (id)");
      SchemaModel model = new SchemaCrawlerSnapshotter().snapshot(c, Dialect.H2, SnapshotScope.of("PUBLIC"));
      Seeder.Result result = new Seeder().seed(c, Dialect.H2, model, Optional.empty(),
          new SeedSettings(1, 20, Map.of(), Map.of(), Set.of()));
      assertThat(result.tables()).extracting(Seeder.TableResult::table).containsExactly("dept", "emp");
      assertThat(count(c, "SELECT COUNT(*) FROM emp")).isEqualTo(20);
      assertThat(count(c, "SELECT COUNT(*) FROM dept WHERE manager_id IS NOT NULL")).isZero();

      s.execute("CREATE TABLE a (id INT PRIMARY KEY, b_id INT NOT NULL)");
      s.execute("CREATE TABLE b (id INT PRIMARY KEY, a_id INT NOT NULL REFERENCES a (id))");
      s.execute("ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)");
      SchemaModel cyclic = new SchemaCrawlerSnapshotter().snapshot(c, Dialect.H2, SnapshotScope.of("PUBLIC"));
      long before = count(c, "SELECT COUNT(*) FROM emp");
      assertThatThrownBy(() -> new Seeder().seed(c, Dialect.H2, cyclic, Optional.empty(),
          new SeedSettings(1, 5, Map.of(), Map.of(), Set.of())))
          .isInstanceOf(InvalidChangeException.class)
          .hasMessageContaining("the tables a, b reference each other through NOT NULL foreign keys");
      // nothing written
      assertThat(count(c, "SELECT COUNT(*) FROM emp")).isEqualTo(before);
    }
  }

  @Test
  void columnsSetInTheSettingsAndUnknownNamesAreErrors() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:seed_cfg_" + System.nanoTime())) {
      SchemaModel model = prepare(c, Dialect.H2, Optional.empty());
      new Seeder().seed(c, Dialect.H2, model, Optional.empty(), new SeedSettings(7, 10, Map.of(),
          Map.of("customers", Map.of("full_name", "#{Name.firstName} Tester")), Set.of("order_status")));
      assertThat(count(c, "SELECT COUNT(*) FROM customers WHERE full_name LIKE '% Tester'")).isEqualTo(10);
      assertThatThrownBy(() -> new Seeder().seed(c, Dialect.H2, model, Optional.empty(), new SeedSettings(7, 10,
          Map.of(), Map.of("customers", Map.of("nickname", "x")), Set.of())))
          .hasMessageContaining("<seed> sets column customers.nickname, which the table does not have");
      assertThatThrownBy(() -> new Seeder().seed(c, Dialect.H2, model, Optional.empty(), new SeedSettings(7, 10,
          Map.of("no_such_table", 5), Map.of(), Set.of())))
          .hasMessageContaining("<seed> names table 'no_such_table'");
    }
  }
}
