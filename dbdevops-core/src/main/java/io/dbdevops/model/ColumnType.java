package io.dbdevops.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A portable column type: a lower-case base name from the portable vocabulary ({@code varchar}, {@code decimal},
 * {@code bigint}, …) with an optional length or precision and scale. Rendered and parsed as {@code varchar(100)},
 * {@code decimal(10,2)}, {@code timestamp}.
 */
public record ColumnType(String name, Integer size, Integer scale) {

  private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

  public ColumnType {
    Objects.requireNonNull(name, "name");
    name = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("type name is empty");
    }
    if (scale != null && size == null) {
      throw new IllegalArgumentException("scale without precision in type " + name);
    }
  }

  public static ColumnType of(String name) {
    return new ColumnType(name, null, null);
  }

  public static ColumnType of(String name, int size) {
    return new ColumnType(name, size, null);
  }

  public static ColumnType of(String name, int precision, int scale) {
    return new ColumnType(name, precision, scale);
  }

  /** Parses {@code varchar(100)} / {@code decimal(10,2)} / {@code timestamp with time zone}. */
  public static ColumnType parse(String text) {
    Matcher m = TEXT.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a type: '" + text + "' (expected e.g. varchar(100), decimal(10,2), bigint)");
    }
    Integer size = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    return new ColumnType(m.group(1), size, scale);
  }

  @Override
  public String toString() {
    if (size == null) {
      return name;
    }
    return scale == null ? name + "(" + size + ")" : name + "(" + size + "," + scale + ")";
  }
}
