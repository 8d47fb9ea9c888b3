package io.dbdevops.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.plan.Plan;
import io.dbdevops.plan.PlanJson;
import io.dbdevops.plan.Reversibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy's gate on -Ddbdevops.plan and <requirePlan>, with the plan computed by a stand-in (no database). */
class PlanCheckTest {

  @TempDir
  Path temp;

  private static LiveTarget target(boolean requirePlan) {
    return new LiveTarget(new Environment("prod", List.of("prod"), "jdbc:postgresql://127.0.0.1:5432/none",
        Optional.empty(), Optional.of("postgres"), Optional.empty(), Optional.empty(), UpdateOptions.DEFAULT, List.of(),
        DriftPolicy.FAIL, List.of(), requirePlan), Optional.empty(), null);
  }

  private static Plan plan(String sql) {
    return new Plan(null, "prod", "postgresql", "sha256:" + "0".repeat(64),
        Plan.Settings.of(Optional.empty(), Optional.empty(), Map.of()), List.of(),
        List.of(new Plan.PlannedChangeSet("002", "it", "c.xml", "c.xml:3", "9:a", List.of(sql), Reversibility.AUTO,
            false, List.of())), List.of(), List.of(), Optional.empty()).identified();
  }

  @Test
  void requirePlanWithoutAPlanIsABuildErrorNamingTheSwitchAndComputesNothing() {
    AtomicInteger computed = new AtomicInteger();
    assertThatThrownBy(() -> PlanCheck.check(target(true), null, temp, temp.resolve("plan/prod"), t -> {
      computed.incrementAndGet();
      return plan("x");
    })).isInstanceOf(SetupException.class).hasMessageContaining("<requirePlan>true</requirePlan>")
        .hasMessageContaining("-Ddbdevops.plan=<planId>");
    assertThat(computed).hasValue(0);
    assertThat(PlanCheck.check(target(false), " ", temp, temp.resolve("plan/prod"), t -> plan("x"))).isEmpty();
  }

  @Test
  void anIdIsComparedWithTheStoredPlanOfTheEnvironment() throws Exception {
    Plan approved = plan("CREATE TABLE a (id INT)");
    Path dir = temp.resolve("target/dbdevops/plan/prod");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("plan.json"), PlanJson.write(approved));

    assertThat(PlanCheck.check(target(true), approved.planId(), temp, dir, t -> approved)).contains(approved);
    assertThat(PlanCheck.check(target(true), "target/dbdevops/plan/prod/plan.json", temp, dir, t -> approved))
        .contains(approved);
    assertThatThrownBy(() -> PlanCheck.check(target(true), approved.planId(), temp, dir,
        t -> plan("CREATE TABLE b (id INT)")))
        .isInstanceOf(SetupException.class)
        .hasMessageContaining("the plan " + approved.planId() + " is not what a deploy to environment 'prod' would do now")
        .hasMessageContaining("nothing was locked or applied")
        .hasMessageContaining("changeset 002 (c.xml:3): its SQL changed: statement 1 was 'CREATE TABLE a (id INT)', "
            + "now 'CREATE TABLE b (id INT)'");
    assertThatThrownBy(() -> PlanCheck.check(target(true), "0123456789abcdef", temp, temp.resolve("elsewhere"),
        t -> approved)).isInstanceOf(SetupException.class).hasMessageContaining("no stored plan at");
    assertThatThrownBy(() -> PlanCheck.check(target(true), "no/such/plan.json", temp, dir, t -> approved))
        .isInstanceOf(SetupException.class).hasMessageContaining("neither a plan id (16 hex digits) nor a plan.json");
  }
}
