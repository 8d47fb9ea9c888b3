package io.dbdevops.report;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaChange.ColumnChangeKind;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.View;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fixed results for the writer tests: fixed durations, so the golden files hold whatever the machine. */
final class ReportFixtures {

  static final ReportContext CONTEXT = new ReportContext("verify",
      "If the change is intended, run `mvn dbdevops:snapshot` and commit the state; otherwise fix the changelog");

  static final VerifyResult.Timings TIMINGS = new VerifyResult.Timings(Duration.ofMillis(1234), Duration.ofMillis(456),
      Duration.ofMillis(7), Duration.ofMillis(1748));

  private ReportFixtures() {
  }

  static VerifyResult passing() {
    return result(List.of(), 6, 6);
  }

  /** Table, column, constraint, index, view and sequence changes of all three signs, in the diff's own order. */
  static VerifyResult failing() {
    Column status20 = Column.of("status", ColumnType.of("varchar", 20), false);
    Column status30 = new Column("status", ColumnType.of("varchar", 30), true, Optional.of("'new'"), false,
        Optional.empty());
    Table auditLog = table("audit_log",
        Column.of("id", ColumnType.of("bigint"), false).asIdentity(),
        Column.of("entry", ColumnType.of("varchar", 500), false),
        Column.of("created_at", ColumnType.of("timestamp"), false));
    Table tempImport = table("temp_import", Column.of("line", ColumnType.of("text"), true));
    View totalsBefore = new View("order_totals",
        List.of("order_id"),
        "select o.id as order_id from orders o", Optional.empty());
    View totalsAfter = new View("order_totals",
        List.of("order_id", "total"),
        "select o.id as order_id, sum(l.amount) as total from orders o join order_lines l on l.order_id = o.id group by o.id",
        Optional.empty());
    List<SchemaChange> differences = List.of(
        new SchemaChange.TableAdded(auditLog),
        new SchemaChange.ColumnDropped("orders", Column.of("legacy_code", ColumnType.of("char", 3), false)),
        new SchemaChange.ColumnAdded("orders", Column.of("note", ColumnType.of("varchar", 200), true)),
        new SchemaChange.ColumnModified("orders", status20, status30,
            Set.of(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY, ColumnChangeKind.DEFAULT)),
        new SchemaChange.ForeignKeyAdded("orders", new ForeignKey(Optional.of("fk_orders_customer"),
            List.of("customer_id"), "customers", List.of("id"), "cascade", null)),
        new SchemaChange.IndexAdded("orders", Index.of("idx_orders_status", false, "status")),
        new SchemaChange.CheckAdded("orders", new CheckConstraint(Optional.of("ck_orders_total"), "total >= 0")),
        new SchemaChange.TableDropped(tempImport),
        new SchemaChange.ViewModified(totalsBefore, totalsAfter),
        new SchemaChange.SequenceModified(new Sequence("invoice_seq", BigInteger.ONE, 1, false),
            new Sequence("invoice_seq", BigInteger.valueOf(1000), 10, false)));
    return result(differences, 5, 6);
  }

  /** One change on a table whose name is markup. */
  static VerifyResult hostileName(String tableName) {
    return result(List.of(new SchemaChange.ColumnAdded(tableName, Column.of("a&b", ColumnType.of("int"), true))), 1, 1);
  }

  private static VerifyResult result(List<SchemaChange> differences, int inState, int inShadow) {
    return new VerifyResult("db/changelog/db.changelog-master.xml", "src/main/db/state", "embedded H2 (in memory)",
        Dialect.H2, 7, inState, inShadow, TIMINGS, differences);
  }

  private static Table table(String name, Column... columns) {
    return new Table(name, List.of(columns), Optional.of(new PrimaryKey(List.of(columns[0].name()))), List.of(),
        List.of(), List.of(), List.of(), Optional.empty());
  }
}
