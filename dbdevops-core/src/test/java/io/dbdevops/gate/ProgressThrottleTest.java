package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.gate.GateListener.Progress;
import io.dbdevops.liquibase.AppliedChangeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which progress lines a long update shows: the time is the events', made up here, so nothing waits. */
class ProgressThrottleTest {

  /** The changesets shown of {@code total}, each applied at the given millisecond. */
  private static List<Integer> shown(ProgressThrottle throttle, int total, long... millis) {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < millis.length; i++) {
      Progress p = new Progress(i + 1, total, Duration.ofMillis(millis[i]),
          new AppliedChangeSet("db/changelog.xml", "cs-" + (i + 1), "test", Duration.ZERO));
      if (throttle.shows(p)) {
        shown.add(p.applied());
      }
    }
    return shown;
  }

  @Test
  void anUpdateShorterThanTheIntervalShowsNothing() {
    assertThat(shown(new ProgressThrottle(), 5, 0, 1_000, 2_000, 4_999, 6_000)).isEmpty();
  }

  @Test
  void oneLineEveryIntervalTheFirstWhenTheFirstIntervalIsOver() {
    assertThat(shown(new ProgressThrottle(), 100, 1_000, 4_999, 5_000, 6_000, 9_999, 10_000, 10_001, 15_500))
        .containsExactly(3, 6, 8);
  }

  @Test
  void aSlowChangesetDoesNotBringABurstOfCatchingUpLines() {
    // 3 ran for 21 s: its line, then the next one 5 s after it, not at the missed 10, 15 and 20 s marks
    assertThat(shown(new ProgressThrottle(), 100, 1_000, 2_000, 23_000, 23_100, 27_000, 28_000)).containsExactly(3, 6);
  }

  @Test
  void theLastChangesetIsLeftToTheSummaryLine() {
    assertThat(shown(new ProgressThrottle(), 3, 1_000, 6_000, 30_000)).containsExactly(2);
  }

  @Test
  void anotherIntervalAndNoZeroOne() {
    assertThat(shown(new ProgressThrottle(Duration.ofSeconds(1)), 10, 500, 1_000, 1_500, 2_000)).containsExactly(2, 4);
    assertThatThrownBy(() -> new ProgressThrottle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
