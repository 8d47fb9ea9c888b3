package io.dbdevops.seed;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Seeder} generates.
 *
 * @param random the seed of the generator: the same schema, settings and seed give the same rows
 * @param rows rows per table unless {@code rowsPerTable} says otherwise
 * @param rowsPerTable rows for a table by name (0 leaves it out)
 * @param columns per table, per column: a Datafaker expression ({@code #{Name.fullName}}), {@code null}, or a literal
 * @param keep tables whose rows are kept and not filled (reference data); their rows are used by foreign keys
 */
public record SeedSettings(long random, int rows, Map<String, Integer> rowsPerTable,
    Map<String, Map<String, String>> columns, Set<String> keep) {

  public SeedSettings {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 or more, not " + rows);
    }
    rowsPerTable = Map.copyOf(Objects.requireNonNullElse(rowsPerTable, Map.of()));
    columns = Map.copyOf(Objects.requireNonNullElse(columns, Map.of()));
    keep = Set.copyOf(Objects.requireNonNullElse(keep, Set.of()));
  }

  int rowsFor(String table) {
    return rowsPerTable.getOrDefault(table, rows);
  }
}
