package io.dbdevops.model;

import java.util.List;
import java.util.Objects;

/** Validation helpers for names in the model. */
final class Names {

  private Names() {
  }

  static String require(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return name;
  }

  static List<String> requireColumns(List<String> columns, String what) {
    Objects.requireNonNull(columns, what);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(what + " has no columns");
    }
    columns.forEach(c -> require(c, what + " column"));
    return List.copyOf(columns);
  }
}
