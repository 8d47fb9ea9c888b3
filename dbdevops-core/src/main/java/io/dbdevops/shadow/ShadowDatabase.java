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

  /** What opening it did besides, for the console (e.g. dropped the temporary databases killed builds left). */
  default java.util.List<String> notes() {
    return java.util.List.of();
  }

  /**
   * True when this shadow can write its whole contents (schema and Liquibase's history) to an image and start from
   * one: what lets the gate start at the released point instead of applying the released changesets again.
   */
  default boolean imageable() {
    return false;
  }

  /** Writes this database, as it is now, to {@code image} (only when {@link #imageable()}). */
  default void saveImage(java.nio.file.Path image) {
    throw new UnsupportedOperationException(description() + " cannot be saved as an image");
  }

  /** Loads {@code image} into this (empty) database (only when {@link #imageable()}). */
  default void restoreImage(java.nio.file.Path image) {
    throw new UnsupportedOperationException(description() + " cannot start from an image");
  }

  @Override
  void close();
}
