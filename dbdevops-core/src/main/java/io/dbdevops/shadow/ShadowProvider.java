package io.dbdevops.shadow;

/**
 * Makes shadow databases. Providers register through {@code META-INF/services/io.dbdevops.shadow.ShadowProvider};
 * adding one (embedded PostgreSQL, Testcontainers, …) is one class plus its test.
 */
public interface ShadowProvider {

  /** The id users select with {@code -Ddbdevops.shadow=ID}. */
  String id();

  ShadowDatabase open(ShadowSettings settings);
}
