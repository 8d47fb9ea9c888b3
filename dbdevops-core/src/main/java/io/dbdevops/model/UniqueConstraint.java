package io.dbdevops.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A unique constraint (or unique index backing one). {@code name} is absent when the database generated it. */
public record UniqueConstraint(Optional<String> name, List<String> columns) {

  public UniqueConstraint {
    name = Objects.requireNonNullElse(name, Optional.empty());
    columns = Names.requireColumns(columns, "unique constraint");
  }

  public String key() {
    return String.join(",", columns);
  }
}
