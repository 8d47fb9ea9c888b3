package io.dbdevops.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with its columns (in declaration order) and constraints (sorted, so two snapshots of the same schema
 * are equal whatever order the database reported them in).
 */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<CheckConstraint> checks,
    Optional<String> comment) {

  public Table {
    Names.require(name, "table name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no columns");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has the column " + column.name() + " twice");
      }
    }
    primaryKey = Objects.requireNonNullElse(primaryKey, Optional.empty());
    foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::key)
        .thenComparing(ForeignKey::toString)).toList();
    uniqueConstraints = uniqueConstraints.stream().sorted(Comparator.comparing(UniqueConstraint::key)).toList();
    indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
    checks = checks.stream()
        .sorted(Comparator.comparing((CheckConstraint c) -> c.name().orElse("")).thenComparing(CheckConstraint::expression))
        .toList();
    comment = Objects.requireNonNullElse(comment, Optional.empty());
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
