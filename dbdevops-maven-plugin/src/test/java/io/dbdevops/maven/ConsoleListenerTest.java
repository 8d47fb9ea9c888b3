package io.dbdevops.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.gate.GateListener.Progress;
import io.dbdevops.liquibase.AppliedChangeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The lines a Maven user sees while the shadow's update runs; the events' times are made up, nothing waits. */
class ConsoleListenerTest {

  private final List<String> lines = new ArrayList<>();

  private final SystemStreamLog log = new SystemStreamLog() {
    @Override
    public void info(CharSequence content) {
      lines.add("[INFO] " + content);
    }
  };

  /** 2,000 changesets, one every 15 ms: 30 s in all (a line 5 s after the last one, so 334, 668, …). */
  private void update(ConsoleListener listener) {
    listener.shadowOpened("H2 in memory");
    for (int i = 1; i <= 2000; i++) {
      listener.changesetApplied(new Progress(i, 2000, Duration.ofMillis(15L * i),
          new AppliedChangeSet("db/changelog/changes/t.xml", "cs-" + i, "orders-team", Duration.ofMillis(15))));
    }
  }

  @Test
  void aLongUpdateSaysHowFarItGotEveryFiveSeconds() {
    update(new ConsoleListener(log, false));
    assertThat(lines).containsExactly("[INFO] dbdevops: shadow database: H2 in memory",
        "[INFO] dbdevops: applied 334 of 2000 changesets (5 s)",
        "[INFO] dbdevops: applied 668 of 2000 changesets (10 s)",
        "[INFO] dbdevops: applied 1002 of 2000 changesets (15 s)",
        "[INFO] dbdevops: applied 1336 of 2000 changesets (20 s)",
        "[INFO] dbdevops: applied 1670 of 2000 changesets (25 s)");
  }

  @Test
  void verboseSaysEachChangeset() {
    update(new ConsoleListener(log, true));
    assertThat(lines).hasSize(2001);
    assertThat(lines.get(1)).isEqualTo(
        "[INFO] dbdevops: applied 1 of 2000: cs-1 by orders-team (db/changelog/changes/t.xml, 15 ms)");
    assertThat(lines.get(2000)).startsWith("[INFO] dbdevops: applied 2000 of 2000: cs-2000 by orders-team");
  }

  @Test
  void aSecondBuildStartsItsOwnIntervals() {
    ConsoleListener listener = new ConsoleListener(log, false);
    update(listener);
    lines.clear();
    update(listener);
    assertThat(lines).hasSize(6).element(1).isEqualTo("[INFO] dbdevops: applied 334 of 2000 changesets (5 s)");
  }
}
