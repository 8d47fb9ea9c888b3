package io.dbdevops.liquibase;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a changeset, as plain data: its Liquibase type ({@code dropColumn}, {@code sql}, {@code createIndex},
 * …), its simple attributes ({@code tableName → orders}), its columns where it has some, and its SQL text for
 * {@code sql} / {@code sqlFile} changes (the file's contents, for sqlFile).
 */
public record ChangeInfo(String type, Map<String, String> attributes, List<ColumnInfo> columns, Optional<String> sql) {

  public ChangeInfo {
    Objects.requireNonNull(type, "type");
    attributes = Map.copyOf(attributes);
    columns = List.copyOf(columns);
    sql = Objects.requireNonNullElse(sql, Optional.empty());
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** A column inside a change ({@code addColumn}, {@code createTable}, {@code createIndex}). */
  public record ColumnInfo(String name, Optional<String> type, Optional<Boolean> nullable, Optional<String> defaultValue,
      boolean defaultComputed, boolean autoIncrement) {
    public ColumnInfo {
      Objects.requireNonNull(name, "name");
      type = Objects.requireNonNullElse(type, Optional.empty());
      nullable = Objects.requireNonNullElse(nullable, Optional.empty());
      defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty());
    }
  }
}
