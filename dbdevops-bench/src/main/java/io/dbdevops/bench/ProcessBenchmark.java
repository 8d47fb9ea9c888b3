package io.dbdevops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole processes, side by side on one machine: what a user types. For each scenario a small Maven project
 * ({@code packaging=pom}, nothing else in its build) is generated under {@code bench.dir} with the generated changelog
 * of {@link ChangelogGenerator} in {@code src/main/resources/db/}, and a pom that declares both
 * <ul>
 *   <li>dbdevops-maven-plugin (this build's version), its {@code verify} goal bound to the verify phase, so
 *       {@code mvn -B -q -o verify} runs it alone (a pom project binds nothing else before install);</li>
 *   <li>org.liquibase:liquibase-maven-plugin with the H2 driver as plugin dependency, on {@code ${lb.url}} (default
 *       {@code jdbc:h2:mem:lb;DB_CLOSE_DELAY=-1}), the same changelog through {@code searchPath}; run as
 *       {@code mvn -B -q -o liquibase:update}. Banner and analytics are off, as dbdevops has them off inside.</li>
 * </ul>
 * Scenarios (issue 9): (a) N changesets, none released; (b) 2N, none released; (c) N released +
 * {@code bench.pending} pending; (d) 2N released + pending. Setup, not timed: {@code dbdevops:mark-released} (c, d),
 * then the pending changesets are appended (new tables: createTable + createIndex), then {@code dbdevops:snapshot}
 * writes the committed state so verify passes. Then one warm-up run of each (not counted; run without {@code -o} so a
 * fresh machine resolves the plugins, and with timestamped log lines: that log gives the timeline below), then
 * {@code bench.runs} measured rounds of both, the order flipping every round (dbdevops first, then Liquibase first,
 * ...). Each run is a fresh JVM with a fresh in-memory H2 database, so Liquibase applies every changeset each time.
 *
 * <p>Prints per scenario the medians of wall seconds, the ratio dbdevops/liquibase (of the medians, and the median of
 * the per-round ratios), every sample, dbdevops' own breakdown from {@code target/dbdevops/report.json} (timings:
 * apply, snapshot, diff, total; the lint section) and the timeline of the warm-up runs. Any run that fails stops the
 * benchmark with a non-zero exit and the tail of its output; so does a change of the installed dbdevops-core or
 * dbdevops-maven-plugin jar during the benchmark (other builds on the machine share ~/.m2 and may install theirs).
 * Writes the same text to {@code bench.out}.
 *
 * <p>System properties: {@code bench.changesets} (N, default 2000), {@code bench.runs} (measured rounds, default 3),
 * {@code bench.jvmConfig} (the projects' {@code .mvn/jvm.config}, the JVM options of both tools' runs; default none),
 * {@code bench.runs.large} (rounds for the 2N scenarios, default {@code bench.runs}), {@code bench.pending} (default
 * 10), {@code bench.scenarios} (e.g. {@code a,c}; default all), {@code bench.dir} (the generated projects, kept;
 * the pom sets {@code target/process-bench}), {@code bench.out}, {@code bench.mvn} (default {@code mvn}),
 * {@code bench.dbdevops.version}, {@code bench.liquibase.version}, {@code bench.h2.version} (the pom passes this
 * build's), {@code bench.timeout.minutes} (per run, default 30). The pom passes its values as {@code bench.default.*},
 * so a {@code -Dbench.dir=...} on the command line wins.
 */
public final class ProcessBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  /** Maven's simple logger with a timestamp on every line: the warm-up runs' logs give the timeline. */
  private static final List<String> TIMESTAMPED = List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
      "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");

  private final String mvn = System.getProperty("bench.mvn", "mvn");
  private final String dbdevopsVersion = setting("dbdevops.version", null);
  private final String liquibaseVersion = setting("liquibase.version", "4.33.0");
  private final String h2Version = setting("h2.version", null);
  private final long timeoutMinutes = Long.getLong("bench.timeout.minutes", 30);
  /** The projects' {@code .mvn/jvm.config}, for both tools alike (empty: none, Maven's JVM as it comes). */
  private final String jvmConfig = System.getProperty("bench.jvmConfig", "").trim();
  private final Path dir = Path.of(setting("dir", "target/process-bench")).toAbsolutePath();
  /** The installed dbdevops jars every run must use (checked after each run: other builds share ~/.m2). */
  private String jarsAtStart;

  /** One scenario: its project, its samples. */
  private static final class Scenario {
    final String key;
    final int tables;
    final boolean released;
    final int pending;
    final int runs;
    final Path project;
    int changesets;
    int releasedCount;
    final List<Long> dbdevops = new ArrayList<>();
    final List<Long> liquibase = new ArrayList<>();
    final List<JsonNode> reports = new ArrayList<>();
    final Map<String, Long> setupMillis = new LinkedHashMap<>();
    List<String> dbdevopsTimeline = List.of();
    List<String> liquibaseTimeline = List.of();
    String liquibaseSummary = "";

    Scenario(String key, int tables, boolean released, int pending, int runs, Path dir) {
      this.key = key;
      this.tables = tables;
      this.released = released;
      this.pending = released ? pending : 0;
      this.runs = runs;
      this.project = dir.resolve(key);
    }

    String title() {
      int n = tables * ChangelogGenerator.CHANGESETS_PER_TABLE;
      return released ? String.format(Locale.ROOT, "(%s) %,d released + %d pending", key, n, pending)
          : String.format(Locale.ROOT, "(%s) %,d none released", key, n);
    }
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.changesets", 2000);
    int runs = Integer.getInteger("bench.runs", 3);
    int runsLarge = Integer.getInteger("bench.runs.large", runs);
    int pending = Integer.getInteger("bench.pending", 10);
    String only = System.getProperty("bench.scenarios", "a,b,c,d");
    Path out = Path.of(setting("out", "target/process-bench.txt"));
    int tables = n / ChangelogGenerator.CHANGESETS_PER_TABLE;
    if (tables < 2 || runs < 1 || runsLarge < 1 || pending < 1) {
      throw new IllegalArgumentException("need bench.changesets >= 8, bench.runs >= 1, bench.pending >= 1");
    }
    ProcessBenchmark bench = new ProcessBenchmark();
    List<Scenario> scenarios = new ArrayList<>();
    for (String key : only.split(",")) {
      switch (key.trim()) {
        case "a" -> scenarios.add(new Scenario("a", tables, false, pending, runs, bench.dir));
        case "b" -> scenarios.add(new Scenario("b", 2 * tables, false, pending, runsLarge, bench.dir));
        case "c" -> scenarios.add(new Scenario("c", tables, true, pending, runs, bench.dir));
        case "d" -> scenarios.add(new Scenario("d", 2 * tables, true, pending, runsLarge, bench.dir));
        default -> throw new IllegalArgumentException("bench.scenarios: unknown scenario '" + key + "' (a, b, c, d)");
      }
    }
    try {
      bench.run(scenarios, out);
    } catch (RunFailed e) {
      // printed in full here; thrown on, so exec:java ends in BUILD FAILURE (a non-zero exit)
      System.err.println();
      System.err.println("BENCHMARK FAILED: " + e.getMessage());
      System.err.flush();
      throw e;
    }
  }

  private void run(List<Scenario> scenarios, Path out) throws Exception {
    double loadStart = loadAverage();
    jarsAtStart = dbdevopsJars();
    String mavenVersion = mavenVersion();
    for (Scenario s : scenarios) {
      long t0 = System.nanoTime();
      setUp(s);
      System.out.printf(Locale.ROOT, "%s: project %s ready in %.1f s (%s)%n", s.title(), s.project,
          (System.nanoTime() - t0) / 1e9, setupText(s));
      measure(s);
    }
    double loadEnd = loadAverage();

    StringBuilder r = new StringBuilder();
    line(r, "whole processes: mvn -B -q -o verify (dbdevops:verify bound to verify, packaging pom) vs mvn -B -q -o "
        + "liquibase:update, embedded H2 in memory, same changelog");
    line(r, "dbdevops-maven-plugin " + dbdevopsVersion + ", liquibase-maven-plugin " + liquibaseVersion + ", h2 "
        + h2Version + "; " + mavenVersion + ", java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cpus; " + (jvmConfig.isEmpty() ? "no .mvn/jvm.config (Maven's "
        + "JVM as it comes)" : ".mvn/jvm.config of each project, both tools': " + jvmConfig));
    line(r, String.format(Locale.ROOT, "system load average (1 min): %.2f at start, %.2f at end -- shared machine: "
        + "timings are noisy; runs alternate (order flips every round) so noise hits both alike", loadStart, loadEnd));
    line(r, "dbdevops jars in the local repository, the same after every run: " + jarsAtStart);
    line(r, "each scenario: 1 warm-up run of each (not counted), then the measured rounds; generated projects under "
        + dir);
    line(r, "");
    line(r, String.format(Locale.ROOT, "%-34s %5s %15s %16s %7s %8s", "scenario", "runs", "dbdevops verify",
        "liquibase update", "ratio", "paired*"));
    for (Scenario s : scenarios) {
      line(r, String.format(Locale.ROOT, "%-34s %5d %14.1fs %15.1fs %7.2f %8.2f", s.title(), s.dbdevops.size(),
          seconds(s.dbdevops), seconds(s.liquibase), ratio(s.dbdevops, s.liquibase), paired(s.dbdevops, s.liquibase)));
    }
    line(r, "medians of wall seconds per process (JVM start to exit); ratio = median dbdevops / median liquibase;");
    line(r, "* paired = median over rounds of dbdevops / liquibase in the same round");
    line(r, "");
    line(r, "samples, wall s (dbdevops / liquibase, in round order; [L] = Liquibase ran first in that round):");
    for (Scenario s : scenarios) {
      StringBuilder b = new StringBuilder("  (" + s.key + ")");
      for (int i = 0; i < s.dbdevops.size(); i++) {
        b.append(String.format(Locale.ROOT, "  %.1f / %.1f%s", s.dbdevops.get(i) / 1e9, s.liquibase.get(i) / 1e9,
            i % 2 == 1 ? " [L]" : ""));
      }
      line(r, b.toString());
    }
    line(r, "");
    line(r, "setup per scenario (not timed above): " + String.join("; ", scenarios.stream()
        .map(s -> "(" + s.key + ") " + s.changesets + " changesets, " + setupText(s)).toList()));
    line(r, "");
    line(r, "in-process breakdown dbdevops reports (target/dbdevops/report.json timingsMillis; ms; last measured run, "
        + "median of the measured runs in brackets):");
    line(r, "  apply = the Liquibase update calls on the shadow (released part, then pending part in c, d); snapshot ="
        + " the final one; total = the gate: also the state read, shadow open/close, the released-point snapshot (c, d)"
        + " and the rollback round trip of the pending changesets (DBD602: rollback, snapshot, update, snapshot);");
    line(r, "  wall - total = outside the gate: JVM and Maven start, plugin start, changelog read and integrity check, "
        + "lint, reports, exit");
    line(r, String.format(Locale.ROOT, "  %-5s %15s %15s %15s %15s %15s  %s", "", "apply", "snapshot", "diff", "total",
        "wall - total", "lint (last run)"));
    for (Scenario s : scenarios) {
      JsonNode last = s.reports.get(s.reports.size() - 1);
      long wall = BenchSupport.millis(s.dbdevops.get(s.dbdevops.size() - 1));
      line(r, String.format(Locale.ROOT, "  (%s)   %15s %15s %15s %15s %15s  %s", s.key, timing(s, "apply"),
          timing(s, "snapshot"), timing(s, "diff"), timing(s, "total"),
          (wall - last.path("timingsMillis").path("total").asLong()) + " [" + medianOutside(s) + "]", lint(last)));
    }
    line(r, "");
    line(r, "timeline of the warm-up runs (not quiet, timestamped log lines; ms since the process was started, and "
        + "the step's own ms):");
    for (Scenario s : scenarios) {
      line(r, "  (" + s.key + ") dbdevops verify:  " + String.join(" | ", s.dbdevopsTimeline));
      line(r, "  (" + s.key + ") liquibase update: " + String.join(" | ", s.liquibaseTimeline)
          + (s.liquibaseSummary.isEmpty() ? "" : "  [" + s.liquibaseSummary + "]"));
    }
    System.out.println();
    System.out.print(r);
    BenchSupport.write(out, r);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // setup

  private void setUp(Scenario s) throws Exception {
    BenchSupport.deleteTree(s.project);
    Path resources = Files.createDirectories(s.project.resolve("src/main/resources"));
    // its own .mvn: Maven takes this project as the top, whatever folder it sits in; with bench.jvmConfig, its
    // jvm.config (the JVM of every mvn run in the project: both tools')
    Files.createDirectories(s.project.resolve(".mvn"));
    if (!jvmConfig.isEmpty()) {
      Files.writeString(s.project.resolve(".mvn/jvm.config"), jvmConfig + "\n", StandardCharsets.UTF_8);
    }
    Files.writeString(s.project.resolve("pom.xml"), pom(s), StandardCharsets.UTF_8);
    s.changesets = ChangelogGenerator.write(resources, s.tables);
    if (s.released) {
      // the history is released as 1.0.0; the project is at 2.0.0, which any pending part may need (DBD901)
      s.setupMillis.put("mark-released", timed(s, "setup-mark-released", List.of("dbdevops:mark-released",
          "-Drevision=1.0.0"), false));
      s.releasedCount = s.changesets;
      ChangelogGenerator.appendPending(resources, s.tables + 1, s.pending);
      s.changesets += s.pending;
    }
    s.setupMillis.put("snapshot", timed(s, "setup-snapshot", List.of("dbdevops:snapshot"), false));
  }

  private static String setupText(Scenario s) {
    return String.join(", ", s.setupMillis.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "dbdevops:%s %.1f s", e.getKey(), e.getValue() / 1000.0)).toList());
  }

  private String pom(Scenario s) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <!-- generated by dbdevops-bench ProcessBenchmark, scenario %1$s: %2$s -->
          <groupId>io.dbdevops.bench</groupId>
          <artifactId>process-bench-%1$s</artifactId>
          <version>${revision}</version>
          <packaging>pom</packaging>

          <properties>
            <revision>2.0.0</revision>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <!-- Liquibase's target; a value written in its <configuration> wins over -Dliquibase.url -->
            <lb.url>jdbc:h2:mem:lb;DB_CLOSE_DELAY=-1</lb.url>
          </properties>

          <build>
            <plugins>
              <!-- mvn verify: the gate (the same changelog: src/main/resources/db/changelog.xml) -->
              <plugin>
                <groupId>io.dbdevops</groupId>
                <artifactId>dbdevops-maven-plugin</artifactId>
                <version>%3$s</version>
                <configuration>
                  <changelog>db/changelog.xml</changelog>
                </configuration>
                <executions>
                  <execution>
                    <goals><goal>verify</goal></goals>
                  </execution>
                </executions>
              </plugin>
              <!-- mvn liquibase:update -->
              <plugin>
                <groupId>org.liquibase</groupId>
                <artifactId>liquibase-maven-plugin</artifactId>
                <version>%4$s</version>
                <configuration>
                  <url>${lb.url}</url>
                  <username>sa</username>
                  <emptyPassword>true</emptyPassword>
                  <searchPath>${project.basedir}/src/main/resources</searchPath>
                  <changeLogFile>db/changelog.xml</changeLogFile>
                  <showBanner>false</showBanner>
                  <analyticsEnabled>false</analyticsEnabled>
                </configuration>
                <dependencies>
                  <dependency>
                    <groupId>com.h2database</groupId>
                    <artifactId>h2</artifactId>
                    <version>%5$s</version>
                  </dependency>
                </dependencies>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(s.key, s.title(), dbdevopsVersion, liquibaseVersion, h2Version);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // measurement

  private void measure(Scenario s) throws Exception {
    // warm-up: online (a fresh machine resolves the plugins here), timestamped log lines for the timeline
    Run dw = run(s, "warmup-dbdevops", verifyGoals(), false, true);
    s.dbdevopsTimeline = timeline(dw, List.of(
        mark("JVM+Maven boot", "Scanning for projects"),
        mark("project+plugin setup", "--- dbdevops-maven-plugin:"),
        mark("plugin start, changelog read, integrity", "dbdevops: integrity"),
        mark("state read, shadow open", "dbdevops: shadow database"),
        mark(s.released ? "apply (released, snapshot, pending)" : "apply", "dbdevops: applied "),
        mark("snapshot", "dbdevops: snapshot of "),
        mark("rollback round trip, diff", "dbdevops lint: target database"),
        mark("lint, reports", "dbdevops: state matches"),
        mark("BUILD SUCCESS", "BUILD SUCCESS")));
    checkReport(s, dw);
    System.out.printf(Locale.ROOT, "  warm-up dbdevops verify %.1f s%n", dw.nanos / 1e9);
    Run lw = run(s, "warmup-liquibase", liquibaseGoals(), false, true);
    s.liquibaseTimeline = timeline(lw, List.of(
        mark("JVM+Maven boot", "Scanning for projects"),
        mark("project+plugin setup", "--- liquibase-maven-plugin:"),
        mark("plugin start, connect", "Executing on Database"),
        mark("changelog read, history tables, lock", "Successfully acquired change log lock"),
        mark("apply", "UPDATE SUMMARY"),
        mark("BUILD SUCCESS", "BUILD SUCCESS")));
    s.liquibaseSummary = liquibaseSummary(s, lw);
    System.out.printf(Locale.ROOT, "  warm-up liquibase update %.1f s%s%n", lw.nanos / 1e9,
        s.liquibaseSummary.isEmpty() ? "" : " (" + s.liquibaseSummary + ")");
    for (int round = 0; round < s.runs; round++) {
      long d;
      long l;
      if (round % 2 == 0) {
        d = dbdevopsRun(s, round);
        l = liquibaseRun(s, round);
      } else {
        l = liquibaseRun(s, round);
        d = dbdevopsRun(s, round);
      }
      System.out.printf(Locale.ROOT, "  run %d/%d%s: dbdevops verify %.1f s, liquibase update %.1f s%n", round + 1,
          s.runs, round % 2 == 1 ? " (liquibase first)" : "", d / 1e9, l / 1e9);
    }
  }

  private long dbdevopsRun(Scenario s, int round) throws Exception {
    Run r = run(s, "run" + (round + 1) + "-dbdevops", verifyGoals(), true, false);
    s.dbdevops.add(r.nanos);
    checkReport(s, r);
    return r.nanos;
  }

  private long liquibaseRun(Scenario s, int round) throws Exception {
    Run r = run(s, "run" + (round + 1) + "-liquibase", liquibaseGoals(), true, false);
    liquibaseSummary(s, r);
    s.liquibase.add(r.nanos);
    return r.nanos;
  }

  private static List<String> verifyGoals() {
    return List.of("verify");
  }

  private static List<String> liquibaseGoals() {
    return List.of("liquibase:update");
  }

  /** report.json of the dbdevops run just finished: must say PASSED, with every changeset applied. */
  private void checkReport(Scenario s, Run run) throws IOException {
    Path file = s.project.resolve("target/dbdevops/report.json");
    if (!Files.exists(file)) {
      throw new RunFailed(run.name + ": no " + file + " after the run" + run.tail());
    }
    JsonNode report = JSON.readTree(file.toFile());
    String result = report.path("result").asText();
    int applied = report.path("changesetsApplied").asInt();
    if (!result.equalsIgnoreCase("passed") || applied != s.changesets) {
      throw new RunFailed(run.name + ": report.json says result " + result + ", " + applied + " changesets applied "
          + "(expected PASSED, " + s.changesets + ")" + run.tail());
    }
    if (run.measured) {
      s.reports.add(report);
    }
  }

  private record Run(String name, long nanos, long startMillis, Path log, boolean measured) {
    String tail() {
      return System.lineSeparator() + "output of " + name + " (" + log + "), last lines:" + System.lineSeparator()
          + tailOf(log, 40);
    }
  }

  /** Times one setup command; returns wall ms. */
  private long timed(Scenario s, String name, List<String> goals, boolean offline) throws Exception {
    return BenchSupport.millis(run(s, name, goals, offline, false).nanos);
  }

  /** One whole Maven process in the scenario's project; its output goes to a log file. Fails loudly. */
  private Run run(Scenario s, String name, List<String> goals, boolean offline, boolean timestamped) throws Exception {
    List<String> command = new ArrayList<>(List.of(mvn, "-B"));
    if (!timestamped) {
      command.add("-q");
    }
    if (offline) {
      command.add("-o");
    }
    command.add("-Dstyle.color=never");
    if (timestamped) {
      command.addAll(TIMESTAMPED);
    }
    Optional.ofNullable(System.getProperty("maven.repo.local")).ifPresent(repo -> command.add("-Dmaven.repo.local="
        + repo));
    command.addAll(goals);
    Path logs = Files.createDirectories(s.project.resolve("logs"));
    Path log = logs.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(s.project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    System.gc();
    long startMillis = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean done = p.waitFor(timeoutMinutes, TimeUnit.MINUTES);
    long took = System.nanoTime() - t0;
    Run run = new Run(s.key + "/" + name, took, startMillis, log, offline && !timestamped);
    if (!done) {
      p.destroyForcibly();
      throw new RunFailed(run.name + ": `" + String.join(" ", command) + "` did not finish in " + timeoutMinutes
          + " minutes" + run.tail());
    }
    String jars = dbdevopsJars();
    if (!jars.equals(jarsAtStart)) {
      throw new RunFailed(run.name + ": the dbdevops jars in the local repository changed during the benchmark "
          + "(another build ran mvn install), so its figures would mix versions: at the start " + jarsAtStart
          + ", now " + jars + "; rerun when no other build installs dbdevops"
          + (p.exitValue() != 0 ? run.tail() : ""));
    }
    if (p.exitValue() != 0) {
      throw new RunFailed(run.name + ": `" + String.join(" ", command) + "` exited " + p.exitValue() + " in "
          + s.project + run.tail());
    }
    return run;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the warm-up logs

  private record Mark(String label, String text) {
  }

  private static Mark mark(String label, String text) {
    return new Mark(label, text);
  }

  private static final Pattern TIMESTAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) ");

  /** The first log line holding each mark, as ms since the process started; the last step ends at process exit. */
  private static List<String> timeline(Run run, List<Mark> marks) throws IOException {
    LocalTime start = Instant.ofEpochMilli(run.startMillis).atZone(ZoneId.systemDefault()).toLocalTime();
    List<String> lines = readLog(run.log);
    List<String> out = new ArrayList<>();
    long previous = 0;
    int from = 0;
    for (Mark m : marks) {
      Long at = null;
      for (int i = from; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher t = TIMESTAMP.matcher(line);
        if (line.contains(m.text) && t.find()) {
          try {
            at = Duration.between(start, LocalTime.parse(t.group(1), LOG_TIME)).toMillis();
            from = i;
          } catch (DateTimeParseException e) {
            // not a timestamp after all
          }
          break;
        }
      }
      if (at == null) {
        out.add(m.label + " ?");
        continue;
      }
      out.add(m.label + " " + at + " (+" + (at - previous) + ")");
      previous = at;
    }
    long end = BenchSupport.millis(run.nanos);
    out.add("exit " + end + " (+" + (end - previous) + ")");
    return out;
  }

  private static final Pattern LB_RUN = Pattern.compile("^.*\\bRun:\\s+(\\d+)\\s*$");

  /**
   * Liquibase's own update summary ("Run: 2000", printed even with -q): when there, it must count every changeset
   * (each run starts on an empty in-memory database).
   */
  private static String liquibaseSummary(Scenario s, Run run) throws IOException {
    for (String line : readLog(run.log)) {
      Matcher m = LB_RUN.matcher(line);
      if (m.matches()) {
        int ran = Integer.parseInt(m.group(1));
        if (ran != s.changesets) {
          throw new RunFailed(run.name + ": Liquibase ran " + ran + " changesets, expected " + s.changesets
              + run.tail());
        }
        return "Liquibase: Run: " + ran;
      }
    }
    return "";
  }

  /** A log's lines without Maven's ANSI codes (it writes some even with -B -Dstyle.color=never). */
  private static List<String> readLog(Path log) throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(ProcessBenchmark::plain).toList();
  }

  private static String plain(String line) {
    return line.replaceAll("\u001B\\[[;\\d]*m", "");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // figures

  private static String timing(Scenario s, String key) {
    List<Long> values = s.reports.stream().map(j -> j.path("timingsMillis").path(key).asLong()).toList();
    return values.get(values.size() - 1) + " [" + medianOf(values) + "]";
  }

  private static long medianOutside(Scenario s) {
    List<Long> outside = new ArrayList<>();
    for (int i = 0; i < s.reports.size(); i++) {
      outside.add(BenchSupport.millis(s.dbdevops.get(i)) - s.reports.get(i).path("timingsMillis").path("total").asLong());
    }
    return medianOf(outside);
  }

  private static String lint(JsonNode report) {
    JsonNode lint = report.path("lint");
    if (lint.isMissingNode() || lint.isNull()) {
      return "lint off";
    }
    JsonNode c = lint.path("counts");
    return String.format(Locale.ROOT, "%s, dialect %s, %d pending judged by %d rules: %d error, %d warn, %d info",
        lint.path("result").asText(), lint.path("dialect").asText(), lint.path("pendingChangesets").asInt(),
        lint.path("rules").size(), c.path("error").asInt(), c.path("warn").asInt(), c.path("info").asInt());
  }

  private static long medianOf(List<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : Math.round((v[v.length / 2 - 1] + v[v.length / 2]) / 2.0);
  }

  private static double seconds(List<Long> nanos) {
    return BenchSupport.medianNanos(nanos) / 1e9;
  }

  private static double ratio(List<Long> num, List<Long> den) {
    return BenchSupport.ratio(num, den);
  }

  private static double paired(List<Long> num, List<Long> den) {
    return BenchSupport.pairedRatio(num, den);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // environment

  private String mavenVersion() {
    try {
      Process p = new ProcessBuilder(mvn, "-v", "-Dstyle.color=never").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(1, TimeUnit.MINUTES);
      return text.lines().map(ProcessBenchmark::plain).filter(l -> l.startsWith("Apache Maven")).findFirst()
          .map(l -> l.replaceAll("\\s*\\(.*$", "")).orElse("maven ?");
    } catch (IOException | InterruptedException e) {
      return "maven ? (" + e.getMessage() + ")";
    }
  }

  /** The installed dbdevops-core and dbdevops-maven-plugin jars the runs use: the start of each one's sha-256. */
  private String dbdevopsJars() {
    Path repo = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
    List<String> out = new ArrayList<>();
    for (String artifact : List.of("dbdevops-core", "dbdevops-maven-plugin")) {
      Path jar = repo.resolve("io/dbdevops/" + artifact + "/" + dbdevopsVersion + "/" + artifact + "-" + dbdevopsVersion
          + ".jar");
      try {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
        out.add(artifact + " sha256 " + HexFormat.of().formatHex(sha).substring(0, 12));
      } catch (Exception e) {
        out.add(jar + " unreadable (" + e.getMessage() + ")");
      }
    }
    return String.join(", ", out);
  }

  private static String tailOf(Path log, int lines) {
    try {
      List<String> all = readLog(log);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /**
   * {@code bench.<key>} from the command line, else {@code bench.default.<key>} (what the pom passes: exec:java's
   * own system properties would override the command line's), else {@code fallback}; none at all is an error.
   */
  private static String setting(String key, String fallback) {
    String value = System.getProperty("bench." + key);
    if (value == null || value.isBlank()) {
      value = System.getProperty("bench.default." + key, fallback);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("system property bench." + key + " is not set (the bench pom sets "
          + "bench.default." + key + ")");
    }
    return value;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void line(StringBuilder b, String s) {
    BenchSupport.line(b, s);
  }

  /** A run that failed: the benchmark stops with a non-zero exit, printing the message and the output's tail. */
  private static final class RunFailed extends RuntimeException {
    RunFailed(String message) {
      super(message);
    }
  }
}
