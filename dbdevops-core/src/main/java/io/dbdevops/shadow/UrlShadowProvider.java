package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.time.Instant;
import java.util.List;

/**
 * A shadow on a server the user names with a JDBC URL. On PostgreSQL and MariaDB/MySQL it creates a uniquely named
 * temporary database, applies there, and drops it when closed (on failure too), so the server is left as it was.
 * A build that is killed cannot drop its database: the next one on that server does, once it is older than
 * {@link ShadowSettings#orphanAge()} ({@link ShadowOrphans}: the names carry their creation time).
 * Any other URL is used as it is.
 */
public final class UrlShadowProvider implements ShadowProvider {

  static final String SETTING = "<shadowUrl> / -Ddbdevops.shadow.url";

  @Override
  public String id() {
    return "url";
  }

  /** From the URL's driver prefix; empty for another URL (the database is then asked). */
  @Override
  public Optional<Dialect> dialect(ShadowSettings settings) {
    return settings.url().flatMap(JdbcUrls::dialect);
  }

  @Override
  public ShadowDatabase open(ShadowSettings settings) {
    String url = settings.url().orElseThrow(() -> new SetupException(
        "the 'url' shadow needs a JDBC URL: set " + SETTING + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres)"));
    Connection admin = Jdbc.connect(url, settings.username(), settings.password(), SETTING);
    Dialect dialect;
    try {
      dialect = Dialect.of(admin);
    } catch (SQLException | SetupException e) {
      close(admin);
      throw e instanceof SetupException s ? s : new SetupException("cannot read database metadata at " + JdbcUrls.redact(url),
          Jdbc.secrets(url, settings.password()).scrub(e));
    }
    if (dialect == Dialect.H2 || !JdbcUrls.isServerUrl(url)) {
      return new Direct(admin, dialect, url);
    }
    // first the shadows killed builds left on this server (older than the orphan age), then this build's own
    List<String> orphans = ShadowOrphans.sweep(admin, dialect, Instant.now(), settings.orphanAge());
    String name = ShadowOrphans.newName(Instant.now());
    try (Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      close(admin);
      Secrets secrets = Jdbc.secrets(url, settings.password());
      throw new SetupException(secrets.mask(createFailure(e, url, settings)), secrets.scrub(e));
    }
    try {
      Connection shadow = Jdbc.connect(JdbcUrls.withDatabase(url, name), settings.username(), settings.password(), SETTING);
      return new Temporary(admin, shadow, dialect, name, url, orphanNotes(orphans, settings));
    } catch (RuntimeException e) {
      drop(admin, dialect, name);
      close(admin);
      throw e;
    }
  }

  private static List<String> orphanNotes(List<String> orphans, ShadowSettings settings) {
    if (orphans.isEmpty()) {
      return List.of();
    }
    return List.of("dropped " + orphans.size() + " temporary shadow database" + (orphans.size() == 1 ? "" : "s")
        + " older than " + settings.orphanAge().toHours() + " h that killed builds left on the server: "
        + String.join(", ", orphans));
  }

  private static String createFailure(SQLException e, String url, ShadowSettings settings) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String user = settings.username().map(u -> "user '" + u + "'").orElse("the connecting user");
    if (state.equals("42501") || state.equals("42000") && String.valueOf(e.getMessage()).contains("denied")) {
      return "no privilege to create the temporary shadow database on " + JdbcUrls.redact(url) + ": grant " + user
          + " CREATE DATABASE (PostgreSQL: ALTER ROLE … CREATEDB; MariaDB: GRANT ALL ON `dbdevops\\_shadow\\_%`.*), "
          + "or point " + SETTING + " at a server where it may";
    }
    return "cannot create the temporary shadow database on " + JdbcUrls.redact(url) + ": " + Jdbc.firstLine(String.valueOf(e.getMessage()));
  }

  static void drop(Connection admin, Dialect dialect, String name) {
    try (Statement st = admin.createStatement()) {
      st.execute(dialect == Dialect.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
          : "DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      throw new SetupException("could not drop the temporary shadow database " + name + ": " + e.getMessage()
          + " (drop it by hand)", e);
    }
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing a connection we no longer need; nothing to undo
    }
  }

  private record Direct(Connection connection, Dialect dialect, String url) implements ShadowDatabase {
    @Override
    public String defaultSchema() {
      try {
        String schema = dialect == Dialect.MARIADB ? connection.getCatalog() : connection.getSchema();
        return schema == null ? "PUBLIC" : schema;
      } catch (SQLException e) {
        throw new SetupException("cannot read the current schema of " + JdbcUrls.redact(url), e);
      }
    }

    @Override
    public String description() {
      return dialect.word() + " at " + JdbcUrls.redact(url);
    }

    @Override
    public void close() {
      UrlShadowProvider.close(connection);
    }
  }

  private record Temporary(Connection admin, Connection connection, Dialect dialect, String name, String url,
      List<String> notes) implements ShadowDatabase {
    @Override
    public String defaultSchema() {
      return dialect == Dialect.POSTGRESQL ? "public" : name;
    }

    @Override
    public String description() {
      return dialect.word() + " temporary database " + name + " on " + JdbcUrls.redact(url).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
      UrlShadowProvider.close(connection);
      try {
        drop(admin, dialect, name);
      } finally {
        UrlShadowProvider.close(admin);
      }
    }
  }
}
