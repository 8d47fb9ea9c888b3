package io.dbdevops.testdb;

import io.dbdevops.config.Dialect;
import io.dbdevops.shadow.ShadowSettings;

/** The three engines the state must read the same on, as a test parameter. */
public enum Engine {
  H2(Dialect.H2), POSTGRESQL(Dialect.POSTGRESQL), MARIADB(Dialect.MARIADB);

  private final Dialect dialect;

  Engine(Dialect dialect) {
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The shadow to apply a changelog to: the in-memory H2 one, or the {@code url} shadow on the engine's server. */
  public ShadowSettings shadow() {
    return switch (this) {
      case H2 -> ShadowSettings.H2;
      case POSTGRESQL -> TestDatabases.postgres().shadowSettings();
      case MARIADB -> TestDatabases.mariadb().shadowSettings();
    };
  }

  /** The engine's server (skips or fails as {@link TestDatabases} says); not for H2. */
  public TestDatabases.Server server() {
    return switch (this) {
      case H2 -> throw new IllegalStateException("H2 runs in memory, it has no server");
      case POSTGRESQL -> TestDatabases.postgres();
      case MARIADB -> TestDatabases.mariadb();
    };
  }
}
