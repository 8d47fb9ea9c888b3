package io.dbdevops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaChange.ColumnChangeKind;
import io.dbdevops.env.Grant;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift of a deployed environment, changed by hand in one way per case, on PostgreSQL and MariaDB: each change is
 * detected, on the right object, as the right kind, and nothing else is reported. An untouched environment has no
 * drift, run after run.
 */
class DriftMatrixTest {

  /** One out-of-band change: the SQL per engine, and what the report must say. */
  record Kind(String name, Function<DriftFixture, List<String>> sql, String object,
      Predicate<DriftReport> detected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> args = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      for (Kind kind : kinds()) {
        args.add(Arguments.of(engine, kind));
      }
    }
    return args.stream();
  }

  static List<Kind> kinds() {
    return List.of(
        new Kind("table added", f -> List.of("CREATE TABLE extra (id INT)"), "extra",
            r -> has(r, SchemaChange.TableAdded.class)),
        new Kind("table dropped", f -> List.of("DROP TABLE notes"), "notes",
            r -> has(r, SchemaChange.TableDropped.class)),
        new Kind("column added", f -> List.of("ALTER TABLE customers ADD COLUMN nickname VARCHAR(50)"), "customers",
            r -> has(r, SchemaChange.ColumnAdded.class, "nickname")),
        new Kind("column dropped", f -> List.of("ALTER TABLE customers DROP COLUMN email"), "customers",
            r -> has(r, SchemaChange.ColumnDropped.class, "email")),
        new Kind("type changed", f -> List.of(f.postgres() ? "ALTER TABLE customers ALTER COLUMN name TYPE VARCHAR(150)"
            : "ALTER TABLE customers MODIFY name VARCHAR(150) NOT NULL"), "customers",
            r -> modified(r, ColumnChangeKind.TYPE, "name")),
        new Kind("nullability changed", f -> List.of(f.postgres() ? "ALTER TABLE customers ALTER COLUMN email SET NOT NULL"
            : "ALTER TABLE customers MODIFY email VARCHAR(200) NOT NULL"), "customers",
            r -> modified(r, ColumnChangeKind.NULLABILITY, "email")),
        new Kind("default changed", f -> List.of("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'OPEN'"), "orders",
            r -> modified(r, ColumnChangeKind.DEFAULT, "status")),
        new Kind("index added", f -> List.of("CREATE INDEX idx_orders_total ON orders (total)"), "orders",
            r -> has(r, SchemaChange.IndexAdded.class, "idx_orders_total")),
        new Kind("index dropped", f -> List.of(f.postgres() ? "DROP INDEX idx_orders_status"
            : "DROP INDEX idx_orders_status ON orders"), "orders",
            r -> has(r, SchemaChange.IndexDropped.class, "idx_orders_status")),
        new Kind("foreign key dropped", f -> List.of(f.postgres() ? "ALTER TABLE orders DROP CONSTRAINT fk_orders_customer"
            : "ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer"), "orders",
            r -> has(r, SchemaChange.ForeignKeyDropped.class, "fk_orders_customer")),
        new Kind("view changed", f -> List.of("CREATE OR REPLACE VIEW open_orders AS SELECT id, status, total FROM orders "
            + "WHERE status = 'NEW'"), "open_orders", r -> has(r, SchemaChange.ViewModified.class)),
        new Kind("grant changed", f -> List.of("REVOKE SELECT ON orders FROM " + f.role,
            "GRANT UPDATE ON orders TO " + f.role), null,
            r -> r.grantDrift().size() == 2
                && r.grantDrift().contains(new GrantDrift(new Grant("UPDATE", name(r, "orders"), roleOf(r)),
                    SchemaChange.Sign.ADDED))
                && r.grantDrift().stream().anyMatch(g -> g.sign() == SchemaChange.Sign.REMOVED
                    && g.grant().privilege().equals("SELECT"))),
        new Kind("table added in an owned schema", f -> List.of(f.postgres() ? "CREATE TABLE audit.audit_extra (id INT)"
            : "CREATE TABLE " + f.database.name() + ".audit_extra (id INT)"), "audit_extra",
            r -> has(r, SchemaChange.TableAdded.class)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("matrix")
  void driftIsDetectedAndNamed(Engine engine, Kind kind) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      f.deployWithLiquibase();
      f.execute(kind.sql().apply(f).toArray(String[]::new));

      DriftReport report = new DriftDetector(ShadowProviders.load()).check(f.target(), new DriftDetector.Settings(
          DriftFixture.CHANGELOG));

      assertThat(report.hasDrift()).as(kind.name()).isTrue();
      assertThat(report.fails()).isTrue();
      assertThat(kind.detected().test(report)).as(kind.name() + " in " + report.lines()).isTrue();
      if (kind.object() != null) {
        // named, and nothing else drifted
        assertThat(report.schemaDrift()).as(report.lines().toString())
            .allMatch(c -> c.objectName().endsWith(kind.object()));
        assertThat(report.grantDrift()).isEmpty();
        assertThat(String.join("\n", report.lines())).contains(kind.object());
      } else {
        assertThat(report.schemaDrift()).as(report.lines().toString()).isEmpty();
        assertThat(String.join("\n", report.lines())).contains("grant UPDATE ON " + f.name("orders") + " TO " + f.role);
      }
      assertThat(report.pending()).isEmpty();
      assertThat(report.applied()).isEqualTo(engine == Engine.POSTGRESQL ? 6 : 5);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUntouchedEnvironmentHasNoDriftRunAfterRun(Engine engine) throws Exception {
    try (DriftFixture f = DriftFixture.create(engine)) {
      f.deployWithLiquibase();
      DriftDetector detector = new DriftDetector(ShadowProviders.load());
      for (int run = 1; run <= 3; run++) {
        DriftReport report = detector.check(f.target(), new DriftDetector.Settings(DriftFixture.NEXT));
        assertThat(report.lines()).as("run " + run).isEmpty();
        assertThat(report.hasDrift()).isFalse();
        assertThat(report.pending()).extracting(c -> c.id()).containsExactly("007-customers-phone");
        assertThat(report.grantsChecked()).isTrue();
      }
    }
  }

  private static boolean has(DriftReport r, Class<? extends SchemaChange> type) {
    return r.schemaDrift().stream().anyMatch(type::isInstance);
  }

  private static boolean has(DriftReport r, Class<? extends SchemaChange> type, String text) {
    return r.schemaDrift().stream().anyMatch(c -> type.isInstance(c) && c.describe().contains(text));
  }

  private static boolean modified(DriftReport r, ColumnChangeKind kind, String column) {
    return r.schemaDrift().stream().anyMatch(c -> c instanceof SchemaChange.ColumnModified m && m.kinds().contains(kind)
        && m.from().name().equals(column));
  }

  private static String name(DriftReport r, String table) {
    return r.dialect() == io.dbdevops.config.Dialect.POSTGRESQL ? "public." + table : table;
  }

  private static String roleOf(DriftReport r) {
    return r.grantDrift().get(0).grant().grantee();
  }
}
