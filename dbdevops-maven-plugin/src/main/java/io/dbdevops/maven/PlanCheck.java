package io.dbdevops.maven;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbdevops.SetupException;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.plan.Plan;
import io.dbdevops.plan.PlanDifferences;
import io.dbdevops.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Deploy's gate on a reviewed plan: {@code -Ddbdevops.plan} names it by id (the plan.json under target/dbdevops/plan/NAME
 * is compared) or by the path of its plan.json; the plan is computed again and a different id refuses the deploy,
 * before any lock or DDL, naming what changed. Without {@code -Ddbdevops.plan}, an environment with
 * {@code <requirePlan>true</requirePlan>} refuses too.
 */
final class PlanCheck {

  static final String PROPERTY = "-Ddbdevops.plan";
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

  private PlanCheck() {
  }

  /**
   * The plan to deploy, recomputed and matching; empty when none is asked for and none is required.
   *
   * @param planDirectory where dbdevops:plan wrote the environment's plan
   * @param recompute computes the plan now
   */
  static Optional<Plan> check(LiveTarget target, String requested, Path basedir, Path planDirectory,
      Function<LiveTarget, Plan> recompute) {
    String env = target.environment().name();
    if (requested == null || requested.isBlank()) {
      if (target.environment().requirePlan()) {
        throw new SetupException("environment '" + env + "' has <requirePlan>true</requirePlan>: it deploys only a "
            + "reviewed plan. Run mvn dbdevops:plan -Ddbdevops.environment=" + env + ", review " + planDirectory
            .resolve("plan.html") + ", then deploy it with " + PROPERTY + "=<planId>");
      }
      return Optional.empty();
    }
    String value = requested.trim();
    String expected;
    Optional<JsonNode> stored;
    Path file;
    if (ID.matcher(value).matches()) {
      expected = value;
      file = planDirectory.resolve("plan.json");
      stored = Files.isRegularFile(file) ? Optional.of(PlanJson.read(file)) : Optional.empty();
    } else {
      Path p = Path.of(value);
      file = p.isAbsolute() ? p : basedir.resolve(p);
      if (!Files.isRegularFile(file)) {
        throw new SetupException(PROPERTY + "=" + value + ": neither a plan id (16 hex digits) nor a plan.json ("
            + file + " does not exist)");
      }
      stored = Optional.of(PlanJson.read(file));
      expected = stored.get().path("planId").asText();
    }
    Plan now = recompute.apply(target);
    if (now.planId().equals(expected)) {
      return Optional.of(now);
    }
    List<String> differences = new ArrayList<>();
    if (stored.isEmpty()) {
      differences.add("no stored plan at " + file + " to compare with");
    } else {
      if (!stored.get().path("planId").asText().equals(expected)) {
        differences.add(file + " holds plan " + stored.get().path("planId").asText() + ", not " + expected);
      }
      differences.addAll(PlanDifferences.between(stored.get(), now));
    }
    throw new SetupException("the plan " + expected + " is not what a deploy to environment '" + env + "' would do "
        + "now (recomputed: plan " + now.planId() + "); nothing was locked or applied. What changed: "
        + String.join("; ", differences) + ". Run mvn dbdevops:plan -Ddbdevops.environment=" + env
        + " again and review the new plan");
  }
}
