package io.dbdevops.snapshot;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.SchemaModel;
import java.sql.Connection;

/** Reads a live database into the canonical model. */
public interface Snapshotter {

  SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope);
}
