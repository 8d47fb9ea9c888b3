package io.dbdevops.gate;

/**
 * Which pending changesets DBD602's update → rollback → update covers on the shadow. With changesets released, all
 * the pending ones: they are what the next release rolls back. With nothing released (no {@code dbdevops.sum} yet, e.g.
 * a project adopting dbdevops with years of history) only the last {@code unreleasedWindow} of them: nobody rolls a
 * production database back to empty, and rolling back thousands of changesets on every {@code verify} costs minutes.
 *
 * @param enabled false: no round trip (DBD602 is off, or lint does not run)
 * @param unreleasedWindow with nothing released, how many of the last pending changesets are rolled back: 0 skips the
 *     round trip, {@link #WHOLE} rolls back the whole history
 */
public record RoundTripScope(boolean enabled, int unreleasedWindow, Mode mode) {

  /**
   * {@code <rollbackTest>}: {@code GROUPED} (the default) rolls the covered changesets back together and applies them
   * again; {@code EACH} does it for each covered changeset in order (up → down → the state before it → up), so a broken
   * rollback of an earlier changeset is not hidden by a later one's.
   */
  public enum Mode {
    GROUPED, EACH;

    /** {@code GROUPED} or {@code EACH}, any case; otherwise a message naming the setting. */
    public static Mode parse(String value, String setting) {
      try {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new io.dbdevops.SetupException(setting + ": '" + value + "' is not a rollback test (use GROUPED or EACH)");
      }
    }
  }

  /** Grouped, as before modes existed. */
  public RoundTripScope(boolean enabled, int unreleasedWindow) {
    this(enabled, unreleasedWindow, Mode.GROUPED);
  }

  /** The same scope tested {@code mode}-wise. */
  public RoundTripScope in(Mode mode) {
    return new RoundTripScope(enabled, unreleasedWindow, mode);
  }

  /** The whole pending part, also with nothing released. */
  public static final int WHOLE = Integer.MAX_VALUE;

  /** How many of the last pending changesets are rolled back while nothing is released, unless configured. */
  public static final int DEFAULT_WINDOW = 10;

  public static final RoundTripScope OFF = new RoundTripScope(false, 0);

  public static final RoundTripScope DEFAULT = new RoundTripScope(true, DEFAULT_WINDOW);

  /** Every pending changeset, whatever is released (what the gate did before windows existed). */
  public static final RoundTripScope ALL = new RoundTripScope(true, WHOLE);

  public RoundTripScope {
    mode = mode == null ? Mode.GROUPED : mode;
    if (unreleasedWindow < 0) {
      throw new IllegalArgumentException("the rollback window " + unreleasedWindow + " is negative");
    }
  }

  /** How many of the last {@code pendingCount} changesets the round trip rolls back; 0: it does not run. */
  public int changesets(int releasedCount, int pendingCount) {
    if (!enabled || pendingCount <= 0) {
      return 0;
    }
    return releasedCount > 0 ? pendingCount : Math.min(unreleasedWindow, pendingCount);
  }

  /** True when, with nothing released, the window is what bounds the round trip (a number, not {@link #WHOLE}). */
  boolean windowed(int releasedCount) {
    return enabled && releasedCount == 0 && unreleasedWindow > 0 && unreleasedWindow != WHOLE;
  }
}
