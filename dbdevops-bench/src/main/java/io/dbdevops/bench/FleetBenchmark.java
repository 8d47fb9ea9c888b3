package io.dbdevops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A fleet deploy, serial against parallel, as whole {@code mvn dbdevops:deploy -Ddbdevops.environments=bench-*}
 * processes: a generated project (the example project's changelog) with ten environments — five PostgreSQL and five
 * MariaDB databases on the local servers, created fresh before every run — deployed with {@code -Ddbdevops.parallel=1}
 * and with {@code -Ddbdevops.parallel=N} ({@code bench.parallel}, default 4), alternating which goes first, {@code
 * bench.runs} rounds (default 3); prints every sample, the medians and the ratio parallel / serial (the goal: at most
 * 0.8 on this 2-core machine). Run: {@code mvn -B -q install -DskipTests -Dinvoker.skip=true && mvn -B -o -Pbench -pl
 * dbdevops-bench compile exec:java@fleet}.
 */
public final class FleetBenchmark {

  private static final int ENVIRONMENTS = 10;

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 3);
    int parallel = Integer.getInteger("bench.parallel", 4);
    Path example = Path.of(System.getProperty("bench.example", "../example-project/src/main/resources"));
    Path dir = Path.of(System.getProperty("bench.dir", "target/fleet-bench")).toAbsolutePath();
    String version = System.getProperty("dbdevops.version");
    BenchSupport.deleteTree(dir);
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    copy(example, resources);
    Files.writeString(dir.resolve("pom.xml"), pom(version));
    List<Long> serial = new ArrayList<>();
    List<Long> par = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (int round = 0; round < runs; round++) {
      boolean serialFirst = round % 2 == 0;
      for (int leg = 0; leg < 2; leg++) {
        boolean isSerial = (leg == 0) == serialFirst;
        freshDatabases();
        long nanos = deploy(dir, isSerial ? 1 : parallel, "round" + round + (isSerial ? "-serial" : "-parallel"));
        (isSerial ? serial : par).add(nanos);
        System.out.printf(Locale.ROOT, "  round %d: %s %.1f s%n", round + 1, isSerial ? "parallel 1" : "parallel "
            + parallel, nanos / 1e9);
      }
    }
    freshDatabases();
    dropDatabases();
    BenchSupport.line(out, "");
    BenchSupport.line(out, "fleet deploy of " + ENVIRONMENTS + " environments (5 PostgreSQL, 5 MariaDB; the example "
        + "project's changelog, fresh databases before every run): whole mvn -B -q -o dbdevops:deploy processes");
    BenchSupport.line(out, BenchSupport.environment());
    BenchSupport.line(out, String.format(Locale.ROOT, "serial (parallel 1): %s ms, median %.1f s", BenchSupport.raw(serial),
        BenchSupport.medianNanos(serial) / 1e9));
    BenchSupport.line(out, String.format(Locale.ROOT, "parallel %d:          %s ms, median %.1f s", parallel,
        BenchSupport.raw(par), BenchSupport.medianNanos(par) / 1e9));
    BenchSupport.line(out, String.format(Locale.ROOT, "ratio parallel / serial: %.2f (paired %.2f); goal <= 0.80",
        BenchSupport.ratio(par, serial), BenchSupport.pairedRatio(par, serial)));
    System.out.print(out);
    BenchSupport.write(Path.of(System.getProperty("bench.out", "target/fleet-bench.txt")), out);
  }

  private static long deploy(Path dir, int parallel, String name) throws Exception {
    Path log = Files.createDirectories(dir.resolve("logs")).resolve(name + ".log");
    List<String> command = List.of(System.getProperty("bench.mvn", "mvn"), "-B", "-q", "-o", "dbdevops:deploy",
        "-Ddbdevops.environments=bench-*", "-Ddbdevops.parallel=" + parallel);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
    return System.nanoTime() - t0;
  }

  private static void freshDatabases() throws Exception {
    dropDatabases();
    for (int i = 1; i <= ENVIRONMENTS / 2; i++) {
      execute(pg(), "CREATE DATABASE dbdevops_bench_fleet_pg_" + i);
      execute(mariadb(), "CREATE DATABASE dbdevops_bench_fleet_mdb_" + i);
    }
  }

  private static void dropDatabases() throws Exception {
    for (int i = 1; i <= ENVIRONMENTS / 2; i++) {
      execute(pg(), "DROP DATABASE IF EXISTS dbdevops_bench_fleet_pg_" + i + " WITH (FORCE)");
      execute(mariadb(), "DROP DATABASE IF EXISTS dbdevops_bench_fleet_mdb_" + i);
    }
  }

  private static Connection pg() throws Exception {
    return BenchSupport.connect("postgres");
  }

  private static Connection mariadb() throws Exception {
    return DriverManager.getConnection(System.getProperty("bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/"), "root",
        "");
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (c; Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String pom(String version) {
    StringBuilder envs = new StringBuilder();
    for (int i = 1; i <= ENVIRONMENTS / 2; i++) {
      envs.append("<environment><name>bench-pg-").append(i).append("</name><url>").append(BenchSupport.url(
          "dbdevops_bench_fleet_pg_" + i)).append("</url><username>").append(BenchSupport.USER)
          .append("</username></environment>\n");
      envs.append("<environment><name>bench-mdb-").append(i).append("</name><url>jdbc:mariadb://127.0.0.1:3306/")
          .append("dbdevops_bench_fleet_mdb_").append(i).append("</url><username>root</username></environment>\n");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <!-- generated by dbdevops-bench FleetBenchmark -->
          <groupId>io.dbdevops.bench</groupId>
          <artifactId>fleet-bench</artifactId>
          <version>1.0.0-SNAPSHOT</version>
          <packaging>pom</packaging>
          <build><plugins><plugin>
            <groupId>io.dbdevops</groupId>
            <artifactId>dbdevops-maven-plugin</artifactId>
            <version>%s</version>
            <configuration><environments>
        %s    </environments></configuration>
          </plugin></plugins></build>
        </project>
        """.formatted(version, envs);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
