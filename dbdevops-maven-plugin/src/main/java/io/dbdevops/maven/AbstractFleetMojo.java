package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.fleet.Fleet;
import io.dbdevops.fleet.FleetSelection;
import io.dbdevops.fleet.OnError;
import io.dbdevops.fleet.Shard;
import io.dbdevops.report.FleetReportWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that run on one environment or on a fleet of them (deploy, plan, drift, status):
 * {@code -Ddbdevops.environment=NAME}, or {@code -Ddbdevops.environments=prod-*,staging} with
 * {@code -Ddbdevops.parallel}, {@code -Ddbdevops.onError}, {@code -Ddbdevops.shard} and {@code <canary>} environments
 * first. A fleet run logs each environment's lines with its name, prints one summary table, writes
 * {@code target/dbdevops/fleet.{json,md,html}} and each environment's own reports under
 * {@code target/dbdevops/environments/NAME/}, and fails naming every environment that failed.
 */
public abstract class AbstractFleetMojo extends AbstractEnvironmentMojo {

  /** A fleet: environment names and globs, comma-separated ({@code prod-*}); each runs the goal. */
  @Parameter(property = "dbdevops.environments")
  private String fleet;

  /** How many environments of a fleet at once. */
  @Parameter(property = "dbdevops.parallel", defaultValue = "4")
  private int parallel;

  /** {@code STOP}: an environment that fails keeps the others not yet started from starting; {@code CONTINUE}. */
  @Parameter(property = "dbdevops.onError", defaultValue = "STOP")
  private String onError;

  /** {@code K/N}: this run takes every N-th environment of the fleet, from its K-th (a CI job matrix of N jobs). */
  @Parameter(property = "dbdevops.shard")
  private String shard;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private org.apache.maven.plugin.MojoExecution mojoExecution;

  private final ThreadLocal<Log> environmentLog = new ThreadLocal<>();

  /** The goal on one environment; returns its one-line summary (the fleet table's). */
  protected abstract String executeOn(LiveTarget target) throws MojoFailureException;

  /** While a fleet runs, each environment's thread logs with its name in front. */
  @Override
  public Log getLog() {
    Log log = environmentLog.get();
    return log != null ? log : super.getLog();
  }

  /** True in a fleet run. */
  protected boolean fleetRun() {
    return fleet != null && !fleet.isBlank();
  }

  /** Where an environment's own reports go: the report directory, or in a fleet run its {@code environments/NAME}. */
  protected Path environmentReportDirectory(LiveTarget target) {
    return fleetRun() ? reportDirectory.toPath().resolve("environments").resolve(target.environment().name())
        : reportDirectory.toPath();
  }

  /** The goal's own settings, checked once before any environment (a fleet's: one message, not one each). */
  protected void checkSettings() {
  }

  @Override
  protected final void executeGoal() throws MojoFailureException {
    checkSettings();
    if (!fleetRun()) {
      if (shard != null && !shard.isBlank()) {
        throw new SetupException(Shard.SETTING + " needs a fleet: -Ddbdevops.environments=…");
      }
      executeOn(liveTarget());
      return;
    }
    if (environmentSelected()) {
      throw new SetupException("-Ddbdevops.environment and " + FleetSelection.SETTING + " are both set: give one "
          + "environment or a fleet");
    }
    Optional<Shard> part = shard == null || shard.isBlank() ? Optional.empty() : Optional.of(Shard.parse(shard));
    OnError policy = OnError.parse(onError);
    List<Environment> declared = configuredEnvironments();
    List<String> names = FleetSelection.select(declared.stream().map(Environment::name).toList(), fleet, part);
    String goal = goalName();
    Log console = super.getLog();
    Map<String, Environment> byName = new HashMap<>();
    declared.forEach(e -> byName.put(e.name(), e));
    List<Fleet.Member> members = names.stream().map(n -> new Fleet.Member(n, canary(n, byName))).toList();
    if (members.isEmpty()) {
      console.info("dbdevops fleet: shard " + part.map(Shard::toString).orElse("") + " of " + fleet
          + " holds no environment; nothing to do");
    } else {
      console.info("dbdevops fleet: " + goal + " on " + Plural.of(members.size(), "environment")
          + part.map(s -> " (shard " + s + ")").orElse("") + ": " + String.join(", ", names) + "; parallel " + parallel
          + ", onError " + policy + members.stream().filter(Fleet.Member::canary).map(Fleet.Member::name)
          .collect(Collectors.collectingAndThen(Collectors.joining(", "), c -> c.isEmpty() ? "" : "; canaries first: " + c)));
    }
    smallMachineHint(console, members.size());
    Fleet.Result result = Fleet.run(members, parallel, policy, member -> {
      environmentLog.set(new PrefixedLog(console, member.name()));
      try {
        return executeOn(liveTarget(member.name()));
      } finally {
        environmentLog.remove();
      }
    }, this::describeFailure);
    FleetReportWriter.Run run = new FleetReportWriter.Run(goal, part, result);
    Path html = new FleetReportWriter().write(run, reportDirectory.toPath());
    int width = Math.max(11, names.stream().mapToInt(String::length).max().orElse(0));
    console.info(String.format("dbdevops fleet: %-" + width + "s  %-7s  %9s  %s", "environment", "result", "took",
        "summary"));
    for (Fleet.Outcome o : result.outcomes()) {
      String line = String.format("dbdevops fleet: %-" + width + "s  %-7s  %6d ms  %s", o.member().name()
          + (o.member().canary() ? "*" : ""), o.status(), o.took().toMillis(), o.summary());
      if (o.status() == Fleet.Status.FAILED) {
        console.error(line);
      } else {
        console.info(line);
      }
    }
    console.info("dbdevops fleet: " + FleetReportWriter.headline(run) + (members.stream().anyMatch(Fleet.Member::canary)
        ? "; * canary" : "") + "; report " + relative(html));
    if (!result.failed().isEmpty()) {
      throw new MojoFailureException(goal + " failed on " + Plural.of(result.failed().size(), "environment") + ": "
          + result.failed().stream().map(o -> o.member().name() + " (" + o.summary() + ")")
          .collect(Collectors.joining("; ")) + (result.count(Fleet.Status.SKIPPED) > 0 ? "; "
          + result.count(Fleet.Status.SKIPPED) + " not started" : "") + ". Report " + relative(html));
    }
  }

  /**
   * On a machine of one or two CPUs, the JVM's optimizing JIT compiler takes most of the second core in a run as short
   * as a fleet's, which leaves a parallel fleet little to run on (measured: parallel 4 at 0.84× the serial time with
   * Maven's JVM as it comes, 0.73× with C1 only, and both faster): say so once, where it applies.
   */
  private void smallMachineHint(Log console, int environments) {
    int cpus = Runtime.getRuntime().availableProcessors();
    if (parallel < 2 || environments < 2 || cpus > 2) {
      return;
    }
    List<String> jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (jvm.stream().noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
      console.info("dbdevops fleet: " + Plural.of(cpus, "CPU") + " here: a fleet runs faster with "
          + "-XX:TieredStopAtLevel=1 in the project's .mvn/jvm.config (the JIT compiler takes a core otherwise; see the "
          + "README, Fleets)");
    }
  }

  /** {@code deploy}, {@code plan}, …: the goal Maven runs. */
  private String goalName() {
    return mojoExecution == null ? getClass().getSimpleName() : mojoExecution.getGoal();
  }

  /** {@code <canary>} of the environment or, unset, of the one it extends. */
  private static boolean canary(String name, Map<String, Environment> byName) {
    Set<String> seen = new HashSet<>();
    for (Environment e = byName.get(name); e != null && seen.add(e.name()); e = byName.get(e.extendsName())) {
      if (e.canary() != null) {
        return e.canary();
      }
      if (e.extendsName() == null) {
        break;
      }
    }
    return false;
  }
}
