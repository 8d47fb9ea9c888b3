package io.dbdevops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A table column. {@code defaultValue} is the canonical default expression (absent for none); an identity /
 * auto-increment column has {@code identity = true} and no default.
 */
public record Column(String name, ColumnType type, boolean nullable, Optional<String> defaultValue, boolean identity,
    Optional<String> comment) {

  public Column {
    Names.require(name, "column name");
    Objects.requireNonNull(type, "type of column " + name);
    defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty());
    comment = Objects.requireNonNullElse(comment, Optional.empty());
  }

  public static Column of(String name, ColumnType type, boolean nullable) {
    return new Column(name, type, nullable, Optional.empty(), false, Optional.empty());
  }

  public Column withDefault(String expression) {
    return new Column(name, type, nullable, Optional.ofNullable(expression), identity, comment);
  }

  public Column asIdentity() {
    return new Column(name, type, nullable, Optional.empty(), true, comment);
  }

  public Column withComment(String text) {
    return new Column(name, type, nullable, defaultValue, identity, Optional.ofNullable(text));
  }
}
