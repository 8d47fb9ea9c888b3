package io.dbdevops.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of one reference table: its columns in table order (name and type: the type decides how a value is written
 * and ordered), its primary key, and its rows sorted by that key (numeric keys numerically). Two rows with the same
 * key are refused.
 */
public record TableData(String table, List<Column> columns, List<String> key, List<Row> rows) {

  public TableData {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("reference table " + table + " has no primary key");
    }
    List<String> names = columns.stream().map(Column::name).toList();
    for (String k : key) {
      if (!names.contains(k)) {
        throw new IllegalArgumentException("primary key column " + k + " is not a column of " + table);
      }
    }
    for (Row r : rows) {
      if (r.values().size() != columns.size()) {
        throw new IllegalArgumentException("a row of " + table + " has " + r.values().size() + " values for "
            + columns.size() + " columns");
      }
    }
    List<Row> sorted = new ArrayList<>(rows);
    int[] keyIndexes = key.stream().mapToInt(names::indexOf).toArray();
    List<ValueKind> kinds = columns.stream().map(c -> ValueKind.of(c.type())).toList();
    Comparator<Row> order = (a, b) -> {
      for (int i : keyIndexes) {
        int c = compareValues(kinds.get(i), a.value(i), b.value(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    sorted.sort(order);
    Set<List<String>> seen = new HashSet<>();
    for (Row r : sorted) {
      List<String> k = new ArrayList<>();
      for (int i : keyIndexes) {
        k.add(r.value(i));
      }
      if (!seen.add(k)) {
        throw new IllegalArgumentException("two rows of " + table + " have the primary key " + describeKey(key, k));
      }
    }
    rows = List.copyOf(sorted);
  }

  private static int compareValues(ValueKind kind, String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return kind.compare(a, b);
  }

  /** The same table without its rows. */
  public TableData shape() {
    return new TableData(table, columns, key, List.of());
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public int index(String column) {
    return columnNames().indexOf(column);
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public ValueKind kind(int index) {
    return ValueKind.of(columns.get(index).type());
  }

  /** The key values of a row, in key order. */
  public List<String> keyOf(Row row) {
    List<String> k = new ArrayList<>();
    for (String column : key) {
      k.add(row.value(index(column)));
    }
    return k;
  }

  /** {@code code=NEW}, {@code region=EU, code=NEW}. */
  public String describeKey(Row row) {
    return describeKey(key, keyOf(row));
  }

  private static String describeKey(List<String> key, List<String> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < key.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(key.get(i)).append('=').append(values.get(i) == null ? "NULL" : values.get(i));
    }
    return b.toString();
  }
}
