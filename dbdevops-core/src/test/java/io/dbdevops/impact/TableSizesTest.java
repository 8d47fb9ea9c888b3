package io.dbdevops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table sizes on a real server, and the history table that no snapshot may see. */
class TableSizesTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void readsSizeAndRowsAndLeavesOutLiquibaseAndHistoryTables(Engine engine) throws Exception {
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Dialect dialect = f.postgres() ? Dialect.POSTGRESQL : Dialect.MARIADB;
      f.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))", "INSERT INTO orders VALUES (1, 'a'), "
          + "(2, 'b')", "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(10))");
      try (Connection c = f.connect()) {
        DeployHistoryTable.record(c, dialect, new DeployHistoryTable.Entry("e1", Instant.parse("2026-12-01T10:00:00Z"),
            Instant.parse("2026-12-01T10:00:02Z"), "SUCCEEDED", 1, "1.0", Optional.empty(), List.of("123"), 0,
            Optional.empty(), Optional.empty(), "dev"));
        String schema = f.postgres() ? "public" : c.getCatalog();
        Map<String, TableSizes.Size> sizes = TableSizes.read(c, dialect, List.of(schema));
        assertThat(sizes).containsOnlyKeys("orders");
        assertThat(sizes.get("orders").bytes().orElseThrow()).isPositive();
        if (f.postgres()) {
          assertThat(sizes.get("orders").rows()).contains(2L);
        }
        var model = new SchemaCrawlerSnapshotter().snapshot(c, dialect, new SnapshotScope(List.of(schema),
            io.dbdevops.snapshot.DeclaredNames.fromStatements(List.of())));
        assertThat(model.tables()).extracting(t -> t.name()).containsExactly("orders");
        assertThat(DeployHistoryTable.read(c, dialect)).singleElement().satisfies(e -> {
          assertThat(e.took().toMillis()).isEqualTo(2000);
          assertThat(e.deploymentIds()).containsExactly("123");
        });
      }
    }
  }

  @Test
  void touchedTablesAreTheOnesTheStatementsName() {
    assertThat(TableSizes.touched(List.of("orders", "order_lines", "customers", "app.ledger"), List.of(
        "ALTER TABLE public.orders ADD status VARCHAR(20)", "UPDATE \"ledger\" SET x = 1")))
        .containsExactly("app.ledger", "orders");
  }
}
