package io.dbdevops.diff;

import io.dbdevops.model.Row;
import io.dbdevops.model.TableData;
import io.dbdevops.model.ValueKind;
import java.util.ArrayList;
import java.util.List;

/** Values of reference rows in diff lines: {@code label 'New'}, {@code sort_order 3}, {@code note NULL}. */
final class RowRender {

  private RowRender() {
  }

  /** {@code : label 'New', sort_order 1} (the values besides the key), or nothing when the key is every column. */
  static String values(TableData table, Row row) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      String column = table.columns().get(i).name();
      if (!table.key().contains(column)) {
        parts.add(column + " " + value(table.kind(i), row.value(i)));
      }
    }
    return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
  }

  /** {@code label 'New' -> 'Neu', sort_order 1 -> 2}. */
  static String delta(TableData table, Row from, Row to, List<String> columns) {
    List<String> parts = new ArrayList<>();
    for (String column : columns) {
      int i = table.index(column);
      parts.add(column + " " + value(table.kind(i), from.value(i)) + " -> " + value(table.kind(i), to.value(i)));
    }
    return String.join(", ", parts);
  }

  static String value(ValueKind kind, String value) {
    if (value == null) {
      return "NULL";
    }
    return kind.quoted() ? "'" + value.replace("'", "''") + "'" : value;
  }
}
