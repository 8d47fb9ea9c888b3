package io.dbdevops.bench;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.LiquibaseRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Shared by the PostgreSQL benchmarks: a temporary database on the local server (created, deployed with the generated
 * changelog through {@link LiquibaseRunner}, dropped on close, on failure too), medians, and a JDBC connection that
 * counts its round trips.
 */
final class BenchSupport {

  static final String HOST = System.getProperty("bench.pg.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("bench.pg.port", 5432);
  static final String USER = System.getProperty("bench.pg.user", "postgres");
  static final String PASSWORD = System.getProperty("bench.pg.password", "");

  private BenchSupport() {
  }

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, PASSWORD);
  }

  /** A uniquely named database holding the generated changelog of {@code tables} tables, applied by Liquibase. */
  static final class TempDatabase implements AutoCloseable {
    final String name = "dbdevops_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final Path dir;
    final ChangelogSource changelog;
    final int changesets;
    final long deployMillis;
    private boolean created;

    TempDatabase(int tables) throws Exception {
      dir = Files.createTempDirectory("dbdevops-pgbench-");
      Path root = Files.createDirectories(dir.resolve("changelog"));
      changesets = ChangelogGenerator.write(root, tables);
      changelog = new ChangelogSource(root, ChangelogGenerator.MASTER);
      Runtime.getRuntime().addShutdownHook(new Thread(this::dropQuietly));
      try {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
          st.execute("CREATE DATABASE " + name);
          created = true;
        }
        long t0 = System.nanoTime();
        LiquibaseRunner.UpdateResult r;
        try (Connection c = connect(name)) {
          r = new LiquibaseRunner().update(c, changelog, LiquibaseRunner.UpdateOptions.DEFAULT);
        }
        deployMillis = millis(System.nanoTime() - t0);
        check(r.applied().size() == changesets, "Liquibase applied " + r.applied().size() + ", expected " + changesets);
      } catch (Exception | Error e) {
        close();
        throw e;
      }
    }

    @Override
    public synchronized void close() {
      if (created) {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          created = false;
          System.out.println("dropped database " + name);
        } catch (SQLException e) {
          System.err.println("could not drop " + name + " (drop it by hand): " + e.getMessage());
        }
      }
      deleteTree(dir);
    }

    private void dropQuietly() {
      close();
    }
  }

  /** Counts createStatement/prepareStatement, execute* and DatabaseMetaData calls made through a connection. */
  static final class CountingConnection {
    final Connection connection;
    private final Map<String, Integer> byKind = new TreeMap<>();

    CountingConnection(Connection target) {
      connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, handler(target));
    }

    synchronized Map<String, Integer> byKind() {
      return new TreeMap<>(byKind);
    }

    synchronized int total(String prefix) {
      return byKind.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).sum();
    }

    private synchronized void count(String kind) {
      byKind.merge(kind, 1, Integer::sum);
    }

    private InvocationHandler handler(Connection target) {
      return (p, method, args) -> {
        String n = method.getName();
        if (n.equals("createStatement") || n.equals("prepareStatement") || n.equals("prepareCall")) {
          count("create." + n);
        }
        Object result = invoke(target, method, args);
        if (result instanceof DatabaseMetaData md) {
          return metaData(md);
        }
        if (result instanceof Statement st) {
          return statement(st, method.getReturnType());
        }
        return result;
      };
    }

    private Object metaData(DatabaseMetaData md) {
      return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
          (p, method, args) -> {
            if (method.getName().equals("getConnection")) {
              return connection;
            }
            Object result = invoke(md, method, args);
            count(result instanceof java.sql.ResultSet ? "metadata.resultSet." + method.getName() : "metadata.other");
            return result;
          });
    }

    private Object statement(Statement st, Class<?> type) {
      Class<?> iface = Statement.class.isAssignableFrom(type) && type.isInterface() ? type : Statement.class;
      return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {iface}, (p, method, args) -> {
        if (method.getName().equals("getConnection")) {
          return connection;
        }
        if (method.getName().startsWith("execute")) {
          count("execute." + method.getName());
        }
        return invoke(st, method, args);
      });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  static long median(List<Long> nanos) {
    return millis(Math.round(medianNanos(nanos)));
  }

  static double medianNanos(List<Long> nanos) {
    long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  static double ratio(List<Long> num, List<Long> den) {
    return medianNanos(num) / medianNanos(den);
  }

  static double pairedRatio(List<Long> num, List<Long> den) {
    double[] r = new double[num.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (double) num.get(i) / den.get(i);
    }
    Arrays.sort(r);
    return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
  }

  static String raw(List<Long> nanos) {
    return String.join(" ", nanos.stream().map(n -> Long.toString(millis(n))).toList());
  }

  static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  static void line(StringBuilder b, String s) {
    b.append(s).append(System.lineSeparator());
  }

  static String environment() throws SQLException {
    String server;
    try (Connection c = connect("postgres")) {
      server = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }
    return String.format(Locale.ROOT, "java %s, %d cpus, max heap %d MB, %s at %s:%d, load avg %.2f",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), server, HOST,
        PORT, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void write(Path out, CharSequence report) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println("results written to " + out.toAbsolutePath());
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
