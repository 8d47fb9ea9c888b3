package io.dbdevops.model;

import java.util.Objects;
import java.util.Optional;

/** A check constraint; {@code expression} is canonicalised (lower case outside literals, no redundant spaces). */
public record CheckConstraint(Optional<String> name, String expression) {

  public CheckConstraint {
    name = Objects.requireNonNullElse(name, Optional.empty());
    Names.require(expression, "check expression");
  }
}
