package io.dbdevops.diff;

import io.dbdevops.diff.SchemaChange.CheckAdded;
import io.dbdevops.diff.SchemaChange.CheckDropped;
import io.dbdevops.diff.SchemaChange.ColumnAdded;
import io.dbdevops.diff.SchemaChange.ColumnChangeKind;
import io.dbdevops.diff.SchemaChange.ColumnDropped;
import io.dbdevops.diff.SchemaChange.ColumnModified;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two schema models. {@link #between(SchemaModel, SchemaModel)} returns the changes that take
 * {@code from} to {@code to}, ordered by object kind, object name and then by change, so output is deterministic.
 * Linear in the number of objects: every lookup goes through a map keyed by name.
 */
public final class SchemaDiff {

  private SchemaDiff() {
  }

  public static List<SchemaChange> between(SchemaModel from, SchemaModel to) {
    List<SchemaChange> changes = new ArrayList<>();
    diffTables(from.tables(), to.tables(), changes);
    diffViews(from.views(), to.views(), changes);
    diffSequences(from.sequences(), to.sequences(), changes);
    return List.copyOf(changes);
  }

  private static void diffTables(List<Table> from, List<Table> to, List<SchemaChange> out) {
    Map<String, Table> fromByName = byKey(from, Table::name);
    Map<String, Table> toByName = byKey(to, Table::name);
    for (String name : union(fromByName, toByName)) {
      Table a = fromByName.get(name);
      Table b = toByName.get(name);
      if (a == null) {
        out.add(new SchemaChange.TableAdded(b));
      } else if (b == null) {
        out.add(new SchemaChange.TableDropped(a));
      } else if (!a.equals(b)) {
        diffTable(a, b, out);
      }
    }
  }

  private static void diffTable(Table a, Table b, List<SchemaChange> out) {
    String t = a.name();
    Map<String, Column> aCols = byKey(a.columns(), Column::name);
    Map<String, Column> bCols = byKey(b.columns(), Column::name);
    for (String col : union(aCols, bCols)) {
      Column x = aCols.get(col);
      Column y = bCols.get(col);
      if (x == null) {
        out.add(new ColumnAdded(t, y));
      } else if (y == null) {
        out.add(new ColumnDropped(t, x));
      } else if (!x.equals(y)) {
        out.add(new ColumnModified(t, x, y, columnChanges(x, y)));
      }
    }
    if (!a.primaryKey().equals(b.primaryKey())) {
      out.add(new SchemaChange.PrimaryKeyChanged(t, a.primaryKey(), b.primaryKey()));
    }
    Map<String, ForeignKey> aFks = byKey(a.foreignKeys(), ForeignKey::key);
    Map<String, ForeignKey> bFks = byKey(b.foreignKeys(), ForeignKey::key);
    for (String key : union(aFks, bFks)) {
      ForeignKey x = aFks.get(key);
      ForeignKey y = bFks.get(key);
      if (x == null) {
        out.add(new SchemaChange.ForeignKeyAdded(t, y));
      } else if (y == null) {
        out.add(new SchemaChange.ForeignKeyDropped(t, x));
      } else if (!x.equals(y)) {
        out.add(new SchemaChange.ForeignKeyModified(t, x, y));
      }
    }
    Map<String, UniqueConstraint> aUq = byKey(a.uniqueConstraints(), UniqueConstraint::key);
    Map<String, UniqueConstraint> bUq = byKey(b.uniqueConstraints(), UniqueConstraint::key);
    for (String key : union(aUq, bUq)) {
      UniqueConstraint x = aUq.get(key);
      UniqueConstraint y = bUq.get(key);
      if (!Objects.equals(x, y)) {
        if (x != null) {
          out.add(new SchemaChange.UniqueConstraintDropped(t, x));
        }
        if (y != null) {
          out.add(new SchemaChange.UniqueConstraintAdded(t, y));
        }
      }
    }
    Map<String, Index> aIdx = byKey(a.indexes(), Index::name);
    Map<String, Index> bIdx = byKey(b.indexes(), Index::name);
    for (String key : union(aIdx, bIdx)) {
      Index x = aIdx.get(key);
      Index y = bIdx.get(key);
      if (x == null) {
        out.add(new SchemaChange.IndexAdded(t, y));
      } else if (y == null) {
        out.add(new SchemaChange.IndexDropped(t, x));
      } else if (!x.equals(y)) {
        out.add(new SchemaChange.IndexModified(t, x, y));
      }
    }
    Map<String, CheckConstraint> aChk = byKey(a.checks(), SchemaDiff::checkKey);
    Map<String, CheckConstraint> bChk = byKey(b.checks(), SchemaDiff::checkKey);
    for (String key : union(aChk, bChk)) {
      if (!aChk.containsKey(key)) {
        out.add(new CheckAdded(t, bChk.get(key)));
      } else if (!bChk.containsKey(key)) {
        out.add(new CheckDropped(t, aChk.get(key)));
      }
    }
    if (!a.comment().equals(b.comment())) {
      out.add(new SchemaChange.TableCommentChanged(t, a.comment(), b.comment()));
    }
  }

  private static String checkKey(CheckConstraint c) {
    return c.name().orElse("") + "|" + c.expression();
  }

  static Set<ColumnChangeKind> columnChanges(Column x, Column y) {
    Set<ColumnChangeKind> kinds = EnumSet.noneOf(ColumnChangeKind.class);
    if (!x.type().equals(y.type())) {
      kinds.add(ColumnChangeKind.TYPE);
    }
    if (x.nullable() != y.nullable()) {
      kinds.add(ColumnChangeKind.NULLABILITY);
    }
    if (!x.defaultValue().equals(y.defaultValue())) {
      kinds.add(ColumnChangeKind.DEFAULT);
    }
    if (x.identity() != y.identity()) {
      kinds.add(ColumnChangeKind.IDENTITY);
    }
    if (!x.comment().equals(y.comment())) {
      kinds.add(ColumnChangeKind.COMMENT);
    }
    return kinds;
  }

  private static void diffViews(List<View> from, List<View> to, List<SchemaChange> out) {
    Map<String, View> a = byKey(from, View::name);
    Map<String, View> b = byKey(to, View::name);
    for (String name : union(a, b)) {
      View x = a.get(name);
      View y = b.get(name);
      if (x == null) {
        out.add(new SchemaChange.ViewAdded(y));
      } else if (y == null) {
        out.add(new SchemaChange.ViewDropped(x));
      } else if (!x.equals(y)) {
        out.add(new SchemaChange.ViewModified(x, y));
      }
    }
  }

  private static void diffSequences(List<Sequence> from, List<Sequence> to, List<SchemaChange> out) {
    Map<String, Sequence> a = byKey(from, Sequence::name);
    Map<String, Sequence> b = byKey(to, Sequence::name);
    for (String name : union(a, b)) {
      Sequence x = a.get(name);
      Sequence y = b.get(name);
      if (x == null) {
        out.add(new SchemaChange.SequenceAdded(y));
      } else if (y == null) {
        out.add(new SchemaChange.SequenceDropped(x));
      } else if (!x.equals(y)) {
        out.add(new SchemaChange.SequenceModified(x, y));
      }
    }
  }

  /**
   * Items by key; a second item of the same key (two unnamed foreign keys on the same columns and target) is kept
   * as {@code key#2}, paired with the other side's second in their canonical order, so none is silently dropped.
   */
  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      String k = key.apply(item);
      for (int n = 2; map.containsKey(k); n++) {
        k = key.apply(item) + "#" + n;
      }
      map.put(k, item);
    }
    return map;
  }

  /** Keys of both maps, sorted, so the change order never depends on the databases' reporting order. */
  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return List.copyOf(keys);
  }
}
