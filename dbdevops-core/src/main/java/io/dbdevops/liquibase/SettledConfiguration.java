package io.dbdevops.liquibase;

import java.util.Map;
import java.util.Properties;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;

/**
 * Liquibase's system-property and environment settings, read once per command instead of once per lookup.
 *
 * <p>Liquibase looks a setting up many times per changeset (normalising a path asks for one, and it normalises the
 * path of every changeset and of every row of DATABASECHANGELOG, on every command), and each lookup asks every
 * provider: the system-property provider copies {@code System.getProperties()} and hashes the copy to see whether
 * anything changed, the environment provider hashes the whole environment. On a history of 2,000 changesets that was
 * about a second of every update, more than the pending changesets' own work. The providers here answer exactly as
 * Liquibase's (they are its own classes, with its precedence and key matching); the system properties are the copy
 * taken when the command starts ({@link #settle()}), the environment's hash is taken once (a JVM's environment does
 * not change). A Liquibase without these classes or methods (another major version) keeps its own providers.
 */
final class SettledConfiguration {

  private SettledConfiguration() {
  }

  /** System properties as they are when the command starts. */
  private static final class SettledSystemProperties extends SystemPropertyValueProvider {
    private volatile Properties properties = new Properties();
    private volatile int hash;

    void settle() {
      Properties now = (Properties) System.getProperties().clone();
      int h = now.hashCode();
      properties = now;
      hash = h;
    }

    @Override
    protected Map<?, ?> getMap() {
      return properties;
    }

    @Override
    protected int getMapHash() {
      return hash;
    }
  }

  /** The environment, whose hash cannot change while the JVM runs. */
  private static final class SettledEnvironment extends EnvironmentValueProvider {
    private final int hash = System.getenv().hashCode();

    @Override
    protected int getMapHash() {
      return hash;
    }
  }

  /**
   * Installs the settled providers in the current Liquibase configuration (once) and takes the system properties as
   * they are now; call it as a command starts.
   */
  static void settle() {
    try {
      LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
      SettledSystemProperties properties = null;
      synchronized (configuration) {
        for (ConfigurationValueProvider provider : configuration.getProviders()) {
          if (provider instanceof SettledSystemProperties settled) {
            properties = settled;
          }
        }
        if (properties == null) {
          properties = new SettledSystemProperties();
          properties.settle();
          replace(configuration, SystemPropertyValueProvider.class, properties);
          replace(configuration, EnvironmentValueProvider.class, new SettledEnvironment());
          return;
        }
      }
      properties.settle();
    } catch (LinkageError | RuntimeException e) {
      // another Liquibase: its own providers stay, only slower
    }
  }

  /** Liquibase's provider of exactly {@code type} replaced by {@code settled}, when it has one. */
  private static void replace(LiquibaseConfiguration configuration, Class<?> type, ConfigurationValueProvider settled) {
    for (ConfigurationValueProvider provider : configuration.getProviders()) {
      if (provider.getClass() == type) {
        configuration.unregisterProvider(provider);
        configuration.registerProvider(settled);
        return;
      }
    }
  }
}
