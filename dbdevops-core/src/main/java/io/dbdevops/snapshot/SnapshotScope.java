package io.dbdevops.snapshot;

import java.util.List;

/**
 * Which schemas the snapshot reads (the ones the project owns). With one schema, object names are bare
 * ({@code orders}); with several they are qualified ({@code sales.orders}).
 */
public record SnapshotScope(List<String> schemas) {

  public SnapshotScope {
    schemas = List.copyOf(schemas);
    if (schemas.isEmpty()) {
      throw new IllegalArgumentException("no schema to snapshot");
    }
  }

  public static SnapshotScope of(String schema) {
    return new SnapshotScope(List.of(schema));
  }

  public boolean qualifyNames() {
    return schemas.size() > 1;
  }
}
