package io.dbdevops.dbtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The database unit tests on the three engines: passing and failing tests, the rows a failing query shows, an expected
 * error inside a PostgreSQL transaction (aborted at the first error without a savepoint), and every test rolled back.
 */
class DbTestsEnginesTest {

  private static final String SCHEMA = "CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL, CONSTRAINT "
      + "ck_items_qty CHECK (qty > 0))";

  private static final String TESTS = """
      -- test: a positive quantity is taken
      INSERT INTO items (id, qty) VALUES (1, 5);
      SELECT id FROM items WHERE qty <= 0;

      -- test: a zero quantity is refused, and the test goes on after it
      -- expect error: ck_items_qty
      INSERT INTO items (id, qty) VALUES (2, 0);
      INSERT INTO items (id, qty) VALUES (3, 1);
      SELECT id FROM items WHERE id <> 3;

      -- test: rows that should not be there fail the test
      INSERT INTO items (id, qty) VALUES (4, 1);
      INSERT INTO items (id, qty) VALUES (5, 2);
      SELECT id, qty FROM items ORDER BY id;

      -- test: an error that was not expected fails the test
      INSERT INTO items (id, qty) VALUES (6, NULL);
      SELECT 1 FROM items WHERE 1 = 0;

      -- test: an expected error that does not come fails the test
      -- expect error
      INSERT INTO items (id, qty) VALUES (7, 1);
      SELECT id FROM items WHERE 1 = 0;
      """;

  private static void check(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(SCHEMA);
    }
    DbTests.Report report = new DbTests().run(c, List.of(DbTestFile.parse(TESTS, "src/test/db/items.sql")));
    assertThat(report.results()).extracting(r -> r.test().name() + ": " + r.passed()).containsExactly(
        "a positive quantity is taken: true",
        "a zero quantity is refused, and the test goes on after it: true",
        "rows that should not be there fail the test: false",
        "an error that was not expected fails the test: false",
        "an expected error that does not come fails the test: false");
    DbTests.Result rows = report.results().get(2);
    assertThat(rows.failure().get()).isEqualTo("src/test/db/items.sql:14: the last query returned 2 rows (a test "
        + "passes when it returns none)");
    assertThat(rows.rows()).containsExactly("(id=4, qty=1)", "(id=5, qty=2)");
    assertThat(report.results().get(3).failure().get()).startsWith("src/test/db/items.sql:17: ");
    assertThat(report.results().get(4).failure().get())
        .isEqualTo("src/test/db/items.sql:22: expected an error, but the statement ran");
    // every test was rolled back: the table is as the schema left it, and the connection's autocommit is back
    assertThat(c.getAutoCommit()).isTrue();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    assertThat(new JUnitDbTestWriter().render(report, "shadow")).contains("tests=\"5\" failures=\"3\"")
        .contains("<testcase classname=\"src/test/db/items.sql\" name=\"a positive quantity is taken\"")
        .contains("(id=4, qty=1)");
  }

  @Test
  void onH2() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dbtests_" + System.nanoTime())) {
      check(c);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onServers(Engine engine) throws Exception {
    try (TestDatabases.TempDatabase db = TestDatabases.require(engine).createDatabase(); Connection c = db.connect()) {
      check(c);
    }
  }
}
