package io.dbdevops.config;

import java.util.Objects;

/** A password or token: never printed. {@link #toString()} masks it, so records holding one stay safe to log. */
public final class Secret {

  public static final Secret NONE = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public static Secret of(String value) {
    return value == null || value.isEmpty() ? NONE : new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "(none)" : "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
