package io.dbdevops.gate;

import io.dbdevops.gate.GateListener.Progress;
import java.time.Duration;
import java.util.Objects;

/**
 * Which of an update's progress events a console shows: one every {@code interval} of the update's wall-clock time,
 * the first once it has run that long (a short update shows none), none for the last changeset (the summary line
 * follows). It goes by the time each event carries ({@link Progress#elapsed()}), so it is a function of the events.
 */
public final class ProgressThrottle {

  /** How often a Maven build shows that its update moves. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  private final Duration interval;
  private Duration next;

  public ProgressThrottle() {
    this(EVERY);
  }

  public ProgressThrottle(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the progress interval " + interval + " is not positive");
    }
    this.interval = interval;
    this.next = interval;
  }

  /** True when this event is to be shown: an interval has passed since the last one shown (or the start). */
  public synchronized boolean shows(Progress progress) {
    if (progress.applied() >= progress.total() || progress.elapsed().compareTo(next) < 0) {
      return false;
    }
    // the next one an interval after this one, however late this one came
    next = progress.elapsed().plus(interval);
    return true;
  }
}
