package io.dbdevops.provision;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secrets;
import io.dbdevops.deploy.DeployLock;
import io.dbdevops.drift.History;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.seed.Seeder;
import io.dbdevops.shadow.Jdbc;
import io.dbdevops.shadow.JdbcUrls;
import io.dbdevops.shadow.ShadowSettings;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code dbdevops:provision}: a development or test database at the head of the changelog or at a released version,
 * with the reference rows the changelog inserts and, on request, generated rows ({@link Seeder}). On an environment
 * (refused when {@code <protected>}), as a database named after the project on a server, or as an H2 file database.
 * Run again, it applies what is missing (a database already past the version asked for, or one holding tables Liquibase
 * did not make, is refused naming what it holds); {@link Request#reset()} rebuilds it from nothing. Under the deploy
 * lock, so two provisions of one database do not interleave.
 */
public final class Provisioner {

  /** The setting a server target's database name comes from. */
  public static final String DATABASE_SETTING = "-Ddbdevops.provision.database";
  private static final String RESET_SETTING = "-Ddbdevops.provision.reset=true";

  /** Where the database is provisioned. */
  public sealed interface Target {
    /** A configured environment: its database as it is (or emptied with reset); refused when protected. */
    record OnEnvironment(LiveTarget target) implements Target { }

    /** The database {@code database} on the server {@code server.url()} reaches: created, or dropped and created with reset. */
    record OnServer(ShadowSettings server, String database) implements Target { }

    /** The H2 file database {@code directory/database} ({@code AUTO_SERVER}: the application may connect beside tools). */
    record H2File(Path directory, String database) implements Target { }

    /** A container of {@code image} of its own ({@link io.dbdevops.shadow.ProvisionContainers}), kept after the build. */
    record InContainer(String image, String database) implements Target { }
  }

  /**
   * @param at the released version to stop at, with the changesets it holds; empty: the head of the changelog
   * @param seed generated rows after the changelog; empty: none
   * @param referenceData the reference tables (their rows come from the changelog and are counted; a seed keeps them)
   */
  public record Request(Target target, ChangelogSource changelog, UpdateOptions options, Optional<ReleasedVersion> at,
      boolean reset, Optional<SeedSettings> seed, List<String> referenceData, Consumer<AppliedChangeSet> progress) {
    public Request {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(changelog, "changelog");
      options = Objects.requireNonNullElse(options, UpdateOptions.DEFAULT);
      at = Objects.requireNonNullElse(at, Optional.<ReleasedVersion>empty());
      seed = Objects.requireNonNullElse(seed, Optional.<SeedSettings>empty());
      referenceData = List.copyOf(referenceData);
      progress = Objects.requireNonNullElse(progress, applied -> { });
    }
  }

  /**
   * What was provisioned.
   *
   * @param url the JDBC URL without credentials
   * @param before what the database was before this run
   * @param applied the changesets this run applied; {@code changesets}: those the database holds now
   * @param referenceRows rows per reference table
   */
  public record Result(String description, String url, Optional<String> username, boolean hasPassword, Dialect dialect,
      Before before, int applied, int changesets, Optional<ReleasedVersion> at, int tables,
      Map<String, Long> referenceRows, Optional<Seeder.Result> seeded, Duration took) { }

  /** What the database was before a provision. */
  public enum Before {
    /** it did not exist: this run created it */
    CREATED("created"),
    /** it existed, without tables or changelog history */
    EMPTY("was empty"),
    /** it held changesets of the changelog */
    EXISTING("existing"),
    /** it was dropped or emptied and built again ({@code reset}) */
    REBUILT("rebuilt");

    private final String word;

    Before(String word) {
      this.word = word;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  private final LiquibaseRunner liquibase = new LiquibaseRunner();

  /** The database name for a project: its artifactId, characters other than letters, digits and {@code _} as {@code _}. */
  public static String databaseName(String artifactId) {
    String name = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
      name = "db_" + name;
    }
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  /** Checks a database name given by the user: letters, digits and {@code _}, starting with a letter or {@code _}. */
  public static String checkedName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new SetupException(DATABASE_SETTING + ": '" + name + "' is not a database name dbdevops creates (letters, "
          + "digits and _, starting with a letter or _, at most 63 characters)");
    }
    return name;
  }

  public Result provision(Request request) {
    long t0 = System.nanoTime();
    boolean created;
    LiveTarget live;
    String description;
    Target where = request.target();
    if (where instanceof Target.OnEnvironment e) {
      Environment env = e.target().environment();
      if (env.isProtected()) {
        throw new SetupException("environment '" + env.name() + "' is <protected>true</protected>: dbdevops:provision "
            + "does not build or rebuild it; provision a development or test environment (nothing was changed)");
      }
      live = e.target();
      description = live.description();
      created = false;
    } else if (where instanceof Target.OnServer s) {
      created = createOnServer(s, request.reset());
      String url = JdbcUrls.withDatabase(s.server().url().orElseThrow(), s.database());
      live = new LiveTarget(environment(s.database(), url, request.options()), s.server().username(),
          s.server().password());
      description = "database " + s.database() + " on " + JdbcUrls.redact(s.server().url().orElseThrow());
    } else if (where instanceof Target.InContainer k) {
      io.dbdevops.shadow.ProvisionContainers.Started started = io.dbdevops.shadow.ProvisionContainers.start(k.image(),
          checkedName(k.database()), request.reset());
      created = started.created();
      live = new LiveTarget(environment(k.database(), started.url(), request.options()), Optional.of(started.user()),
          io.dbdevops.config.Secret.NONE);
      description = "database " + k.database() + " in container " + started.container() + " (" + k.image() + ")";
    } else {
      Target.H2File h = (Target.H2File) where;
      Path file = h.directory().resolve(h.database()).toAbsolutePath();
      created = !Files.exists(file.resolveSibling(h.database() + ".mv.db"));
      if (request.reset()) {
        deleteH2(file);
        created = true;
      }
      live = new LiveTarget(environment(h.database(), "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE",
          request.options()), Optional.of("sa"), io.dbdevops.config.Secret.NONE);
      description = "H2 file database " + file;
    }
    return provision(live, description, request, created, t0);
  }

  private Result provision(LiveTarget target, String where, Request request, boolean created, long t0) {
    Environment env = target.environment();
    try (Connection c = target.connect(false); DeployLock lock = DeployLock.acquire(c, where)) {
      Dialect dialect = Dialect.of(c);
      List<String> schemas = env.schemas().isEmpty()
          ? List.of(dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema()) : env.schemas();
      boolean reset = request.reset() && !created;
      if (reset) {
        empty(c, dialect, schemas);
      }
      Optional<List<History.Row>> history = History.read(c, where);
      int applied = history.map(List::size).orElse(0);
      if (history.isEmpty()) {
        List<String> tables = tables(c, dialect, schemas);
        if (!tables.isEmpty()) {
          throw new SetupException(where + " holds " + tables.size() + " table" + (tables.size() == 1 ? "" : "s") + " ("
              + String.join(", ", tables.subList(0, Math.min(5, tables.size()))) + (tables.size() > 5 ? ", …" : "")
              + ") but no DATABASECHANGELOG: it was not made from a changelog, and provision does not write over it; "
              + RESET_SETTING + " drops its tables first (nothing was changed)");
        }
      }
      ParsedChangelog parsed = new ParsedChangelogs().get(request.changelog(), request.options(), dialect);
      List<ChangeSetRef> selected = parsed.selected();
      int wanted = request.at().map(v -> v.count(selected)).orElse(selected.size());
      if (applied > wanted) {
        throw new SetupException(where + " holds " + applied + " changesets, more than the " + wanted + " of "
            + request.at().map(v -> "version " + v.version()).orElse("the changelog") + ": provision does not roll "
            + "back; " + RESET_SETTING + " rebuilds it (nothing was changed)");
      }
      int ran = 0;
      if (applied < wanted) {
        Update update = Update.of(parsed).on(where).onEach(request.progress());
        if (request.at().isPresent()) {
          update = update.upTo(wanted - applied);
        }
        ran = liquibase.update(c, update).applied().size();
      }
      String schema = schemas.get(0);
      SchemaModel model = new SchemaCrawlerSnapshotter().snapshot(c, dialect, SnapshotScope.of(schema));
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : request.referenceData()) {
        rows.put(table, count(c, dialect, env.schemas().isEmpty() ? Optional.empty() : Optional.of(schema), table, where));
      }
      Optional<Seeder.Result> seeded = Optional.empty();
      if (request.seed().isPresent()) {
        seeded = Optional.of(new Seeder().seed(c, dialect, model, env.schemas().isEmpty() ? Optional.empty()
            : Optional.of(schema), request.seed().get()));
      }
      Before before = request.reset() ? Before.REBUILT : created ? Before.CREATED
          : applied == 0 ? Before.EMPTY : Before.EXISTING;
      String url = JdbcUrls.carriesPassword(target.url()) ? JdbcUrls.redact(target.url()) : target.url();
      return new Result(where, url, target.username(), !target.password().isEmpty(), dialect, before, ran, applied + ran, request.at(), model.tables().size(), rows, seeded,
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (SQLException e) {
      Secrets secrets = target.secrets();
      throw new SetupException("cannot provision " + where + ": " + secrets.mask(Jdbc.firstLine(String.valueOf(
          e.getMessage()))), secrets.scrub(e));
    }
  }

  private static Environment environment(String name, String url, UpdateOptions options) {
    return new Environment(name, List.of(name), url, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), options, List.of(), DriftPolicy.FAIL, List.of());
  }

  /** Creates the database on the server (dropping it first on reset); true when it was made by this run. */
  private static boolean createOnServer(Target.OnServer s, boolean reset) {
    String url = s.server().url().orElseThrow(() -> new SetupException("provision on a server needs its JDBC URL: "
        + "set -Ddbdevops.shadow.url (e.g. jdbc:postgresql://127.0.0.1:5432/postgres)"));
    String setting = "<shadowUrl> / -Ddbdevops.shadow.url";
    if (!JdbcUrls.isServerUrl(url) || JdbcUrls.dialect(url).filter(d -> d != Dialect.H2).isEmpty()) {
      throw new SetupException("provision on a server needs a PostgreSQL or MariaDB server URL in " + setting + ", not "
          + JdbcUrls.redact(url));
    }
    String name = checkedName(s.database());
    try (Connection admin = Jdbc.connect(url, s.server().username(), s.server().password(), setting)) {
      Dialect dialect = Dialect.of(admin);
      boolean exists;
      String sql = dialect == Dialect.POSTGRESQL ? "SELECT 1 FROM pg_database WHERE datname = ?"
          : "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
      try (PreparedStatement st = admin.prepareStatement(sql)) {
        st.setString(1, name);
        try (ResultSet rs = st.executeQuery()) {
          exists = rs.next();
        }
      }
      if (exists && !reset) {
        return false;
      }
      try (Statement st = admin.createStatement()) {
        if (exists) {
          st.execute(dialect == Dialect.POSTGRESQL ? "DROP DATABASE " + name + " WITH (FORCE)" : "DROP DATABASE " + name);
        }
        st.execute("CREATE DATABASE " + name);
      }
      return true;
    } catch (SQLException e) {
      Secrets secrets = Jdbc.secrets(url, s.server().password());
      throw new SetupException("cannot create database " + name + " on " + JdbcUrls.redact(url) + ": "
          + secrets.mask(Jdbc.firstLine(String.valueOf(e.getMessage()))), secrets.scrub(e));
    }
  }

  private static void deleteH2(Path file) {
    for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        throw new SetupException("cannot delete " + file + suffix + " to rebuild it: " + e.getMessage()
            + " (is an application still connected to it?)", e);
      }
    }
  }

  /** Drops every object of the schemas (and Liquibase's tables in the connection's schema): the reset of an existing database. */
  private static void empty(Connection c, Dialect dialect, List<String> schemas) throws SQLException {
    try (Statement st = c.createStatement()) {
      switch (dialect) {
        case POSTGRESQL -> {
          for (String schema : schemas) {
            st.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
            st.execute("CREATE SCHEMA " + dialect.quote(schema));
          }
          st.execute("DROP TABLE IF EXISTS databasechangelog, databasechangeloglock");
        }
        case MARIADB -> {
          List<String[]> objects = new ArrayList<>();
          try (PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
              + "WHERE TABLE_SCHEMA = ?")) {
            q.setString(1, c.getCatalog());
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
              }
            }
          }
          st.execute("SET FOREIGN_KEY_CHECKS = 0");
          try {
            for (String[] o : objects) {
              String kind = o[1].contains("VIEW") ? "VIEW" : o[1].contains("SEQUENCE") ? "SEQUENCE" : "TABLE";
              st.execute("DROP " + kind + " IF EXISTS `" + o[0].replace("`", "``") + "`");
            }
          } finally {
            st.execute("SET FOREIGN_KEY_CHECKS = 1");
          }
        }
        default -> st.execute("DROP ALL OBJECTS");
      }
    }
  }

  private static List<String> tables(Connection c, Dialect dialect, List<String> schemas) throws SQLException {
    List<String> names = new ArrayList<>();
    for (String schema : schemas) {
      String sql = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME";
      try (PreparedStatement st = c.prepareStatement(sql)) {
        st.setString(1, schema);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }

  private static long count(Connection c, Dialect dialect, Optional<String> schema, String table, String where)
      throws SQLException {
    String name = schema.map(s -> dialect.quote(s) + ".").orElse("") + dialect.quote(table);
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + name)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new SetupException("reference table '" + table + "' (<referenceData>) is not in " + where + " after the "
          + "changelog: " + Jdbc.firstLine(String.valueOf(e.getMessage())), e);
    }
  }
}
