package io.dbdevops.diff;

import io.dbdevops.model.Row;
import io.dbdevops.model.TableData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a reference table diffed by primary key: {@code + row} only in "to", {@code - row} only in "from",
 * {@code ~ row} under the same key with other values. Rows are compared in the columns of "to" (its shape); a column
 * "from" lacks counts as NULL there, so a column added with values shows as rows whose value changes. Changes come in
 * key order.
 */
public final class RowDiff {

  private RowDiff() {
  }

  public static List<SchemaChange> between(TableData from, TableData to) {
    TableData shape = to.shape();
    List<String> columns = to.columnNames();
    Map<List<String>, Row> before = new LinkedHashMap<>();
    for (Row r : from.rows()) {
      Row projected = project(from, r, columns);
      before.put(shape.keyOf(projected), projected);
    }
    Map<List<String>, Row> after = new HashMap<>();
    to.rows().forEach(r -> after.put(to.keyOf(r), r));
    List<Row> removed = new ArrayList<>();
    List<SchemaChange> changes = new ArrayList<>();
    // key order: removed rows in between, as a merge of both sorted lists would place them
    List<Row> all = new ArrayList<>(to.rows());
    before.forEach((key, row) -> {
      if (!after.containsKey(key)) {
        removed.add(row);
        all.add(row);
      }
    });
    TableData ordered = new TableData(to.table(), to.columns(), to.key(), dedupe(all, shape));
    for (Row r : ordered.rows()) {
      List<String> key = shape.keyOf(r);
      Row old = before.get(key);
      Row now = after.get(key);
      if (now == null) {
        changes.add(new SchemaChange.RowRemoved(shape, old));
      } else if (old == null) {
        changes.add(new SchemaChange.RowAdded(shape, now));
      } else {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          if (!Objects.equals(old.value(i), now.value(i))) {
            changed.add(columns.get(i));
          }
        }
        if (!changed.isEmpty()) {
          changes.add(new SchemaChange.RowModified(shape, old, now, changed));
        }
      }
    }
    return changes;
  }

  /** Every table of {@code to} diffed against its namesake in {@code from} (none there: every row added). */
  public static List<SchemaChange> between(List<TableData> from, List<TableData> to) {
    Map<String, TableData> earlier = new HashMap<>();
    from.forEach(t -> earlier.put(t.table(), t));
    List<SchemaChange> changes = new ArrayList<>();
    for (TableData t : to) {
      changes.addAll(between(earlier.getOrDefault(t.table(), t.shape()), t));
    }
    return changes;
  }

  private static List<Row> dedupe(List<Row> rows, TableData shape) {
    Map<List<String>, Row> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.putIfAbsent(shape.keyOf(r), r));
    return new ArrayList<>(byKey.values());
  }

  private static Row project(TableData from, Row row, List<String> columns) {
    List<String> values = new ArrayList<>(columns.size());
    for (String c : columns) {
      int i = from.index(c);
      values.add(i < 0 ? null : row.value(i));
    }
    return new Row(values);
  }
}
