package io.dbdevops.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user index (indexes that only back a primary key, unique constraint or foreign key are left out).
 * {@code columns} holds column names or, for an expression index, the canonical expression of a key
 * ({@code lower(email)}). {@code predicate} is the condition of a partial index.
 *
 * <p>A predicate and expression keys are details only some dialects have (of H2, PostgreSQL and MariaDB only
 * PostgreSQL): such an index is {@linkplain #dialectSpecific() dialect-specific}, kept in the state as it is, and
 * cannot be compared with a snapshot of a dialect that lacks the feature.
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

  /** True when the index has a partial-index predicate or an expression key. */
  public boolean dialectSpecific() {
    return predicate.isPresent() || columns.stream().anyMatch(Index::isExpression);
  }

  /** True when an index key is an expression ({@code lower(email)}) rather than a column name. */
  public static boolean isExpression(String key) {
    return !key.matches("[\\p{L}_][\\p{L}\\p{N}_$]*");
  }
}
