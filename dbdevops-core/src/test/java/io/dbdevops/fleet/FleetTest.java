package io.dbdevops.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fleet's selection, shards, order and error policies, without a database (the ITs deploy real fleets). */
class FleetTest {

  private static final List<String> DECLARED = List.of("dev", "prod-eu-1", "prod-eu-2", "prod-us-1", "prod-us-2",
      "staging");

  @Test
  void globsAndNamesSelectInTheDeclaredOrder() {
    assertThat(FleetSelection.select(DECLARED, "staging, prod-eu-*", Optional.empty()))
        .containsExactly("prod-eu-1", "prod-eu-2", "staging");
    assertThat(FleetSelection.select(DECLARED, "prod-??-1", Optional.empty())).containsExactly("prod-eu-1", "prod-us-1");
    assertThat(FleetSelection.select(DECLARED, "*", Optional.empty())).isEqualTo(DECLARED);
    assertThatThrownBy(() -> FleetSelection.select(DECLARED, "prod-asia-*", Optional.empty()))
        .isInstanceOf(SetupException.class)
        .hasMessage("-Ddbdevops.environments: 'prod-asia-*' matches no environment (declared: dev, prod-eu-1, "
            + "prod-eu-2, prod-us-1, prod-us-2, staging)");
    assertThatThrownBy(() -> FleetSelection.select(DECLARED, " , ", Optional.empty()))
        .isInstanceOf(SetupException.class).hasMessageContaining("is empty");
  }

  @Test
  void shardsSplitTheFleetSoEveryEnvironmentIsInExactlyOne() {
    List<String> all = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      all.addAll(FleetSelection.select(DECLARED, "*", Optional.of(Shard.parse(k + "/4"))));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(DECLARED);
    assertThat(FleetSelection.select(DECLARED, "*", Optional.of(Shard.parse("2/4")))).containsExactly("prod-eu-1",
        "staging");
    assertThatThrownBy(() -> Shard.parse("5/4")).isInstanceOf(SetupException.class).hasMessageContaining("5/4");
    assertThatThrownBy(() -> Shard.parse("two")).isInstanceOf(SetupException.class).hasMessageContaining("K/N");
    assertThatThrownBy(() -> OnError.parse("RETRY")).isInstanceOf(SetupException.class).hasMessageContaining("RETRY");
  }

  @Test
  void aFailingCanaryStopsTheRest() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Fleet.Result r = Fleet.run(members("a", "b*", "c"), 2, OnError.CONTINUE, m -> {
      ran.add(m.name());
      if (m.canary()) {
        throw new IllegalStateException("canary broke");
      }
      return "ok";
    }, Throwable::getMessage);
    assertThat(ran).containsExactly("b");
    assertThat(r.outcomes()).extracting(o -> o.member().name() + " " + o.status() + " " + o.summary()).containsExactly(
        "a SKIPPED not started: canary b failed", "b FAILED canary broke", "c SKIPPED not started: canary b failed");
  }

  @Test
  void stopStartsNothingAfterAFailureAndContinueRunsEverything() {
    Fleet.Result stop = Fleet.run(members("a", "bad", "c", "d"), 1, OnError.STOP, FleetTest::failOnBad,
        Throwable::getMessage);
    assertThat(stop.outcomes()).extracting(o -> o.member().name() + " " + o.status()).containsExactly("a OK",
        "bad FAILED", "c SKIPPED", "d SKIPPED");
    assertThat(stop.outcomes().get(2).summary()).isEqualTo("not started: bad failed (-Ddbdevops.onError=STOP)");

    Fleet.Result go = Fleet.run(members("a", "bad", "c", "d"), 1, OnError.CONTINUE, FleetTest::failOnBad,
        Throwable::getMessage);
    assertThat(go.outcomes()).extracting(o -> o.member().name() + " " + o.status()).containsExactly("a OK",
        "bad FAILED", "c OK", "d OK");
    assertThat(go.failed()).extracting(o -> o.member().name()).containsExactly("bad");
  }

  @Test
  void atMostParallelEnvironmentsRunAtOnce() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch threeIn = new CountDownLatch(3);
    Fleet.Result r = Fleet.run(members("a", "b", "c", "d", "e", "f"), 3, OnError.STOP, m -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      threeIn.countDown();
      // the first three wait for each other: they ran side by side
      threeIn.await(10, TimeUnit.SECONDS);
      running.decrementAndGet();
      return "ok";
    }, Throwable::getMessage);
    assertThat(most.get()).isEqualTo(3);
    assertThat(r.count(Fleet.Status.OK)).isEqualTo(6);
    assertThatThrownBy(() -> Fleet.run(members("a"), 0, OnError.STOP, m -> "ok", Throwable::getMessage))
        .isInstanceOf(SetupException.class).hasMessageContaining("-Ddbdevops.parallel");
  }

  private static String failOnBad(Fleet.Member m) {
    if (m.name().equals("bad")) {
      throw new IllegalStateException("bad failed");
    }
    return "ok";
  }

  /** Names; a trailing {@code *} marks a canary. */
  private static List<Fleet.Member> members(String... names) {
    List<Fleet.Member> out = new ArrayList<>();
    for (String n : names) {
      out.add(new Fleet.Member(n.replace("*", ""), n.endsWith("*")));
    }
    return out;
  }
}
