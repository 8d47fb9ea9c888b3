package io.dbdevops.shadow;

import io.dbdevops.config.Dialect;
import java.util.Optional;

/**
 * Makes shadow databases. Providers register through {@code META-INF/services/io.dbdevops.shadow.ShadowProvider};
 * adding one (embedded PostgreSQL, Testcontainers, …) is one class plus its test.
 */
public interface ShadowProvider {

  /** The id users select with {@code -Ddbdevops.shadow=ID}. */
  String id();

  ShadowDatabase open(ShadowSettings settings);

  /**
   * The database a shadow of these settings will be, known before it is opened (the changesets are selected for it
   * first); empty when it cannot be told without opening one.
   */
  default Optional<Dialect> dialect(ShadowSettings settings) {
    return Optional.empty();
  }
}
