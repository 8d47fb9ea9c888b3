package io.dbdevops.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view: the names of its output columns and its canonicalised definition. Column types of a view are derived
 * from its query and differ between databases, so they are not part of the state.
 */
public record View(String name, List<String> columns, String definition, Optional<String> comment) {

  public View {
    Names.require(name, "view name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(definition, "definition of view " + name);
    comment = Objects.requireNonNullElse(comment, Optional.empty());
  }
}
