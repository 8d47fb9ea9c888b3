package io.dbdevops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A fleet deploy, serial against parallel, as whole {@code mvn dbdevops:deploy -Ddbdevops.environments=bench-*}
 * processes: a generated project (the example project's changelog) with ten environments — five PostgreSQL and five
 * MariaDB databases on the local servers, created fresh before every run — deployed with {@code -Ddbdevops.parallel=1}
 * and with {@code -Ddbdevops.parallel=N} ({@code bench.parallel}, default 4), alternating which goes first, {@code
 * bench.runs} rounds (default 3). Each round measures every JVM setting of {@code bench.jvmConfigs} (settings separated
 * by {@code |}, each written to the project's {@code .mvn/jvm.config}; the empty one is Maven's JVM as it comes; default:
 * none, and {@value #SHORT_RUN_JVM}, which the README advises for short runs on small machines), in alternating order.
 * Prints every sample, and per setting the medians and the ratio parallel / serial (the goal: at most 0.8 on this
 * 2-core machine). Run: {@code mvn -B -q install -DskipTests -Dinvoker.skip=true && mvn -B -o -Pbench -pl
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
    // the JVM settings measured, each in the project's .mvn/jvm.config ("" = none: Maven's JVM as it comes)
    List<String> jvms = Arrays.stream(System.getProperty("bench.jvmConfigs", "|" + SHORT_RUN_JVM).split("\\|", -1))
        .map(String::trim).distinct().toList();
    BenchSupport.deleteTree(dir);
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    copy(example, resources);
    Files.writeString(dir.resolve("pom.xml"), pom(version));
    Map<String, List<Long>> serial = new LinkedHashMap<>();
    Map<String, List<Long>> par = new LinkedHashMap<>();
    jvms.forEach(j -> {
      serial.put(j, new ArrayList<>());
      par.put(j, new ArrayList<>());
    });
    StringBuilder out = new StringBuilder();
    for (int round = 0; round < runs; round++) {
      boolean serialFirst = round % 2 == 0;
      for (String jvm : round % 2 == 0 ? jvms : reversed(jvms)) {
        jvmConfig(dir, jvm);
        for (int leg = 0; leg < 2; leg++) {
          boolean isSerial = (leg == 0) == serialFirst;
          freshDatabases();
          long nanos = deploy(dir, isSerial ? 1 : parallel, "round" + round + "-" + jvms.indexOf(jvm)
              + (isSerial ? "-serial" : "-parallel"));
          (isSerial ? serial : par).get(jvm).add(nanos);
          System.out.printf(Locale.ROOT, "  round %d, %s: %s %.1f s%n", round + 1, label(jvm), isSerial ? "parallel 1"
              : "parallel " + parallel, nanos / 1e9);
        }
      }
    }
    jvmConfig(dir, "");
    freshDatabases();
    dropDatabases();
    BenchSupport.line(out, "");
    BenchSupport.line(out, "fleet deploy of " + ENVIRONMENTS + " environments (5 PostgreSQL, 5 MariaDB; the example "
        + "project's changelog, fresh databases before every run): whole mvn -B -q -o dbdevops:deploy processes, "
        + runs + " rounds, alternating");
    BenchSupport.line(out, BenchSupport.environment());
    for (String jvm : jvms) {
      BenchSupport.line(out, label(jvm) + ":");
      BenchSupport.line(out, String.format(Locale.ROOT, "  serial (parallel 1): %s ms, median %.1f s",
          BenchSupport.raw(serial.get(jvm)), BenchSupport.medianNanos(serial.get(jvm)) / 1e9));
      BenchSupport.line(out, String.format(Locale.ROOT, "  parallel %d:          %s ms, median %.1f s", parallel,
          BenchSupport.raw(par.get(jvm)), BenchSupport.medianNanos(par.get(jvm)) / 1e9));
      BenchSupport.line(out, String.format(Locale.ROOT, "  ratio parallel / serial: %.2f (paired %.2f); goal <= 0.80",
          BenchSupport.ratio(par.get(jvm), serial.get(jvm)), BenchSupport.pairedRatio(par.get(jvm), serial.get(jvm))));
    }
    System.out.print(out);
    BenchSupport.write(Path.of(System.getProperty("bench.out", "target/fleet-bench.txt")), out);
  }

  /** What the README advises for short Maven runs on small machines ({@code .mvn/jvm.config}). */
  static final String SHORT_RUN_JVM = "-XX:TieredStopAtLevel=1";

  private static String label(String jvm) {
    return jvm.isEmpty() ? "Maven's JVM as it comes (no .mvn/jvm.config)" : ".mvn/jvm.config " + jvm;
  }

  private static List<String> reversed(List<String> list) {
    List<String> r = new ArrayList<>(list);
    java.util.Collections.reverse(r);
    return r;
  }

  /** Writes the project's {@code .mvn/jvm.config} ({@code ""}: removes it). */
  private static void jvmConfig(Path dir, String jvm) throws IOException {
    Path config = dir.resolve(".mvn/jvm.config");
    if (jvm.isEmpty()) {
      Files.deleteIfExists(config);
    } else {
      Files.createDirectories(config.getParent());
      Files.writeString(config, jvm + "\n");
    }
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
