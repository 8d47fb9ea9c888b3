package io.dbdevops.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a reference table: its canonical values (see {@link ValueKind}) in the table's column order; a
 * {@code null} element is SQL NULL, distinct from the empty string.
 */
public record Row(List<String> values) {

  public Row {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  public static Row of(String... values) {
    return new Row(java.util.Arrays.asList(values));
  }

  public String value(int index) {
    return values.get(index);
  }
}
