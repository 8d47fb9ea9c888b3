package io.dbdevops.diff;

import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.Row;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.TableData;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.util.Optional;
import java.util.Set;

/**
 * One typed difference between two schema models: what takes the "from" model one step towards the "to" model.
 * Every consumer (the gate, generate, later lint, drift and semver) switches over these cases.
 */
public sealed interface SchemaChange {

  /** The kind of object the change is about. */
  enum ObjectKind {
    TABLE, VIEW, SEQUENCE,
    /** The rows of a reference table ({@code <referenceData>}): {@code data order_status}. */
    DATA;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code +} added, {@code -} removed, {@code ~} changed. */
  enum Sign {
    ADDED("+"), REMOVED("-"), CHANGED("~");

    private final String symbol;

    Sign(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  ObjectKind objectKind();

  /** The table, view or sequence the change belongs to. */
  String objectName();

  Sign sign();

  /** One line, without the sign: {@code column note varchar(200) null}. */
  String describe();

  // ---- tables ----

  record TableAdded(Table table) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return table.name(); }
    public Sign sign() { return Sign.ADDED; }
    public String describe() {
      return "table " + table.name() + " (" + table.columns().size() + (table.columns().size() == 1 ? " column)" : " columns)");
    }
  }

  record TableDropped(Table table) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return table.name(); }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return "table " + table.name(); }
  }

  record TableCommentChanged(String tableName, Optional<String> from, Optional<String> to) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return "comment: " + Render.opt(from) + " -> " + Render.opt(to); }
  }

  record ColumnAdded(String tableName, Column column) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return "column " + Render.column(column); }
  }

  record ColumnDropped(String tableName, Column column) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return "column " + Render.column(column); }
  }

  /** What about a column changed. */
  enum ColumnChangeKind { TYPE, NULLABILITY, DEFAULT, IDENTITY, COMMENT }

  record ColumnModified(String tableName, Column from, Column to, Set<ColumnChangeKind> kinds) implements SchemaChange {
    public ColumnModified {
      kinds = Set.copyOf(kinds);
    }
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return "column " + from.name() + ": " + Render.columnDelta(from, to, kinds); }
  }

  record PrimaryKeyChanged(String tableName, Optional<PrimaryKey> from, Optional<PrimaryKey> to)
      implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return from.isEmpty() ? Sign.ADDED : to.isEmpty() ? Sign.REMOVED : Sign.CHANGED; }
    public String describe() {
      return "primary key " + (from.isPresent() && to.isPresent()
          ? Render.cols(from.get().columns()) + " -> " + Render.cols(to.get().columns())
          : Render.cols(from.or(() -> to).orElseThrow().columns()));
    }
  }

  record ForeignKeyAdded(String tableName, ForeignKey foreignKey) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return Render.foreignKey(foreignKey); }
  }

  record ForeignKeyDropped(String tableName, ForeignKey foreignKey) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return Render.foreignKey(foreignKey); }
  }

  record ForeignKeyModified(String tableName, ForeignKey from, ForeignKey to) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return Render.foreignKey(from) + " -> " + Render.foreignKey(to); }
  }

  record UniqueConstraintAdded(String tableName, UniqueConstraint constraint) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return Render.unique(constraint); }
  }

  record UniqueConstraintDropped(String tableName, UniqueConstraint constraint) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return Render.unique(constraint); }
  }

  record IndexAdded(String tableName, Index index) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return Render.index(index); }
  }

  record IndexDropped(String tableName, Index index) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return Render.index(index); }
  }

  record IndexModified(String tableName, Index from, Index to) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return Render.index(from) + " -> " + Render.index(to); }
  }

  record CheckAdded(String tableName, CheckConstraint check) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return Render.check(check); }
  }

  record CheckDropped(String tableName, CheckConstraint check) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.TABLE; }
    public String objectName() { return tableName; }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return Render.check(check); }
  }

  // ---- views ----

  record ViewAdded(View view) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.VIEW; }
    public String objectName() { return view.name(); }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return "view " + view.name(); }
  }

  record ViewDropped(View view) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.VIEW; }
    public String objectName() { return view.name(); }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return "view " + view.name(); }
  }

  record ViewModified(View from, View to) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.VIEW; }
    public String objectName() { return from.name(); }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return Render.viewDelta(from, to); }
  }

  // ---- sequences ----

  record SequenceAdded(Sequence sequence) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.SEQUENCE; }
    public String objectName() { return sequence.name(); }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return Render.sequence(sequence); }
  }

  record SequenceDropped(Sequence sequence) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.SEQUENCE; }
    public String objectName() { return sequence.name(); }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return Render.sequence(sequence); }
  }

  record SequenceModified(Sequence from, Sequence to) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.SEQUENCE; }
    public String objectName() { return from.name(); }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return Render.sequence(from) + " -> " + Render.sequence(to); }
  }

  // ---- reference data (rows by primary key; {@code table} is the shape of the rows: columns, types, key) ----

  /** A row only the "to" side holds. */
  record RowAdded(TableData table, Row row) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.DATA; }
    public String objectName() { return table.table(); }
    public Sign sign() { return Sign.ADDED; }
    public String describe() { return "row (" + table.describeKey(row) + ")" + RowRender.values(table, row); }
  }

  /** A row only the "from" side holds. */
  record RowRemoved(TableData table, Row row) implements SchemaChange {
    public ObjectKind objectKind() { return ObjectKind.DATA; }
    public String objectName() { return table.table(); }
    public Sign sign() { return Sign.REMOVED; }
    public String describe() { return "row (" + table.describeKey(row) + ")" + RowRender.values(table, row); }
  }

  /** A row both sides hold under the same key, with other values in {@code columns}. */
  record RowModified(TableData table, Row from, Row to, java.util.List<String> columns) implements SchemaChange {
    public RowModified {
      columns = java.util.List.copyOf(columns);
    }
    public ObjectKind objectKind() { return ObjectKind.DATA; }
    public String objectName() { return table.table(); }
    public Sign sign() { return Sign.CHANGED; }
    public String describe() { return "row (" + table.describeKey(to) + "): " + RowRender.delta(table, from, to, columns); }
  }
}
