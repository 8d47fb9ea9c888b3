package io.dbdevops.shadow;

import io.dbdevops.config.Dialect;
import java.sql.Connection;

/**
 * A throwaway database the changelog is applied to. Closing it removes it (the in-memory database is closed, the
 * temporary database on a server is dropped), whether the build passed or failed.
 */
public interface ShadowDatabase extends AutoCloseable {

  Connection connection();

  Dialect dialect();

  /** The schema (PostgreSQL, H2) or database (MariaDB) the changelog creates its objects in. */
  String defaultSchema();

  /** For the console: provider and where, never credentials. */
  String description();

  @Override
  void close();
}
