package io.dbdevops.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user index (indexes that only back a primary key, unique constraint or foreign key are left out).
 * {@code predicate} is the condition of a partial index, a detail only some dialects have.
 */
public record Index(String name, List<String> columns, boolean unique, Optional<String> predicate) {

  public Index {
    Names.require(name, "index name");
    columns = Names.requireColumns(columns, "index " + name);
    predicate = Objects.requireNonNullElse(predicate, Optional.empty());
  }

  public static Index of(String name, boolean unique, String... columns) {
    return new Index(name, List.of(columns), unique, Optional.empty());
  }
}
