package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A shadow in a throwaway container of the image the user names ({@code -Ddbdevops.shadow.image}, default
 * {@value #DEFAULT_IMAGE}): any PostgreSQL-compatible image (postgres, postgis/postgis, timescale/…) or MariaDB image.
 * Needs a Docker engine; where there is none it fails at once with a message naming the providers that need none.
 * Closing the shadow stops and removes the container (Testcontainers' Ryuk also removes it if the JVM dies).
 */
public final class TestcontainersShadowProvider implements ShadowProvider {

  static final String ID = "testcontainers";
  public static final String DEFAULT_IMAGE = "postgres:16-alpine";
  static final String OTHERS = "use -Ddbdevops.shadow=h2, postgres-embedded or url";

  /** slf4j loggers to keep off the Maven console (Maven routes plugin slf4j logging to its own console logger). */
  private static final List<String> SLF4J_LOGGERS = List.of("org.testcontainers", "com.github.dockerjava", "tc");

  private enum Kind { POSTGRESQL, MARIADB }

  @Override
  public String id() {
    return ID;
  }

  /** From the image's name, as {@link #open} decides; empty for an invalid or unknown image (open then says why). */
  @Override
  public Optional<Dialect> dialect(ShadowSettings settings) {
    try {
      return kind(DockerImageName.parse(settings.image().orElse(DEFAULT_IMAGE)))
          .map(kind -> kind == Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MARIADB);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public ShadowDatabase open(ShadowSettings settings) {
    quiet();
    String image = settings.image().orElse(DEFAULT_IMAGE);
    DockerImageName name;
    try {
      name = DockerImageName.parse(image);
    } catch (IllegalArgumentException e) {
      throw new SetupException("invalid container image '" + image + "' for the testcontainers shadow (set "
          + "<shadowImage> / -Ddbdevops.shadow.image, e.g. " + DEFAULT_IMAGE + "): " + e.getMessage(), e);
    }
    Kind kind = kind(name).orElseThrow(() -> new SetupException("the testcontainers shadow cannot tell which database the "
        + "image '" + image + "' runs: use a PostgreSQL image (postgres:16-alpine, postgis/postgis, …) or a MariaDB image "
        + "(mariadb:11) in <shadowImage> / -Ddbdevops.shadow.image"));
    if (!dockerAvailable()) {
      throw new SetupException("no Docker engine found for the testcontainers shadow (" + whereDockerWasLookedFor()
          + "); " + OTHERS);
    }
    JdbcDatabaseContainer<?> container = kind == Kind.POSTGRESQL
        ? new PostgreSQLContainer(name.asCompatibleSubstituteFor("postgres"))
        : new MariaDBContainer(name.asCompatibleSubstituteFor("mariadb"));
    try {
      container.start();
    } catch (RuntimeException e) {
      stop(container);
      throw new SetupException("cannot start the container " + image + " for the testcontainers shadow: "
          + rootMessage(e) + "; " + OTHERS, e);
    }
    try {
      Connection connection = container.createConnection("");
      String version = connection.getMetaData().getDatabaseProductVersion();
      return new ContainerShadow(container, connection, kind, image, version);
    } catch (SQLException | RuntimeException e) {
      stop(container);
      throw new SetupException("cannot connect to the container " + image + " of the testcontainers shadow: "
          + rootMessage(e), e);
    }
  }

  private static Optional<Kind> kind(DockerImageName name) {
    String repository = name.getRepository().toLowerCase(Locale.ROOT);
    String last = repository.substring(repository.lastIndexOf('/') + 1);
    if (last.contains("mariadb")) {
      return Optional.of(Kind.MARIADB);
    }
    if (last.contains("postgres") || last.contains("postgis") || last.contains("timescale")) {
      return Optional.of(Kind.POSTGRESQL);
    }
    return Optional.empty();
  }

  /** Testcontainers' own check: it tries its strategies once per JVM (≈1 s here without an engine) and caches. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** For the message: where an engine was expected. */
  static String whereDockerWasLookedFor() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return "DOCKER_HOST=" + host + " does not answer";
    }
    Path socket = Path.of("/var/run/docker.sock");
    if (Files.exists(socket)) {
      return socket + " does not answer";
    }
    return "DOCKER_HOST is not set and " + socket + " does not exist";
  }

  private static void quiet() {
    Quiet.apply();
    for (String logger : SLF4J_LOGGERS) {
      // Maven's slf4j-simple-based logger reads a logger's level when the logger is created; a user's own setting wins
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "off");
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return Jdbc.firstLine(m);
  }

  private static void stop(JdbcDatabaseContainer<?> container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // Ryuk removes what is left when the JVM ends
    }
  }

  private static final class ContainerShadow implements ShadowDatabase {
    private final JdbcDatabaseContainer<?> container;
    private final Connection connection;
    private final Kind kind;
    private final String image;
    private final String version;
    private boolean closed;

    ContainerShadow(JdbcDatabaseContainer<?> container, Connection connection, Kind kind, String image, String version) {
      this.container = container;
      this.connection = connection;
      this.kind = kind;
      this.image = image;
      this.version = version;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public Dialect dialect() {
      return kind == Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MARIADB;
    }

    @Override
    public String defaultSchema() {
      return kind == Kind.POSTGRESQL ? "public" : container.getDatabaseName();
    }

    @Override
    public String description() {
      return (kind == Kind.POSTGRESQL ? "PostgreSQL " : "MariaDB ") + version + " in a container of " + image
          + " (testcontainers)";
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      UrlShadowProvider.close(connection);
      stop(container);
    }
  }
}
