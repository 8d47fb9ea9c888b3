package io.dbdevops.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * Which schemas the snapshot reads (the ones the project owns). With one schema, object names are bare
 * ({@code orders}); with several they are qualified ({@code sales.orders}). {@code declared} are the index and
 * constraint names the statements run on the database gave (see {@link DeclaredNames}).
 */
public record SnapshotScope(List<String> schemas, DeclaredNames declared) {

  public SnapshotScope {
    schemas = List.copyOf(schemas);
    if (schemas.isEmpty()) {
      throw new IllegalArgumentException("no schema to snapshot");
    }
    declared = Objects.requireNonNullElse(declared, DeclaredNames.UNKNOWN);
  }

  public SnapshotScope(List<String> schemas) {
    this(schemas, DeclaredNames.UNKNOWN);
  }

  public static SnapshotScope of(String schema) {
    return new SnapshotScope(List.of(schema));
  }

  public SnapshotScope withDeclared(DeclaredNames names) {
    return new SnapshotScope(schemas, names);
  }

  public boolean qualifyNames() {
    return schemas.size() > 1;
  }
}
