package io.dbdevops.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key. {@code name} is absent when the database generated it. Rules are lower-case SQL words:
 * {@code no action}, {@code cascade}, {@code set null}, {@code set default}, {@code restrict}.
 */
public record ForeignKey(Optional<String> name, List<String> columns, String referencedTable,
    List<String> referencedColumns, String onDelete, String onUpdate) {

  public ForeignKey {
    name = Objects.requireNonNullElse(name, Optional.empty());
    columns = Names.requireColumns(columns, "foreign key");
    Names.require(referencedTable, "referenced table");
    referencedColumns = Names.requireColumns(referencedColumns, "foreign key reference");
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + columns + " references " + referencedColumns
          + ": column counts differ");
    }
    onDelete = Objects.requireNonNullElse(onDelete, "no action");
    onUpdate = Objects.requireNonNullElse(onUpdate, "no action");
  }

  /**
   * The identity of a foreign key within its table: its name when it has one (two foreign keys may share columns
   * and target), then its columns and target (a generated name is left out of the state).
   */
  public String key() {
    return name.map(n -> n + " ").orElse("") + String.join(",", columns) + "->" + referencedTable + "("
        + String.join(",", referencedColumns) + ")";
  }
}
