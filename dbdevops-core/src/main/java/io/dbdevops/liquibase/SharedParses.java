package io.dbdevops.liquibase;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * One run's parses, lent to the environments it works on (a fleet): each environment's work borrows a whole
 * {@link ParsedChangelogs} for as long as it runs and gives it back, so the next environment reuses its parses
 * (Liquibase's parse of the changelog, with XSD validation of every file, and the changesets' checksums) instead of
 * parsing again. A parse is never used by two environments at once — an update leaves state in the parsed changesets
 * ({@link ParsedChangelog}) and the next run on it clears it, one run at a time — so a run makes at most as many
 * {@link ParsedChangelogs} as environments run at the same time: a serial fleet of 500 parses once per dialect and
 * selection, not 500 times. Kept in memory for one goal's run only: a file changed afterwards is never met.
 */
public final class SharedParses {

  private final Deque<ParsedChangelogs> idle = new ArrayDeque<>();
  private int made;

  /** A lease of parses no other environment is using now: one given back earlier, or a new one. */
  public synchronized Lease borrow() {
    ParsedChangelogs parses = idle.pollFirst();
    if (parses == null) {
      parses = new ParsedChangelogs();
      made++;
    }
    return new Lease(this, parses);
  }

  /** Parses of one environment's own, shared with nobody (a run without a {@code SharedParses}). */
  public static Lease own() {
    return new Lease(null, new ParsedChangelogs());
  }

  /** How many {@link ParsedChangelogs} this run made (at most the environments that ran at once). */
  public synchronized int made() {
    return made;
  }

  private synchronized void giveBack(ParsedChangelogs parses) {
    idle.addFirst(parses);
  }

  /** Parses borrowed for one environment's work; closing gives them back. */
  public static final class Lease implements AutoCloseable {
    private final SharedParses pool;
    private ParsedChangelogs parses;

    private Lease(SharedParses pool, ParsedChangelogs parses) {
      this.pool = pool;
      this.parses = Objects.requireNonNull(parses, "parses");
    }

    public ParsedChangelogs parses() {
      if (parses == null) {
        throw new IllegalStateException("the parses were given back");
      }
      return parses;
    }

    @Override
    public void close() {
      if (parses != null && pool != null) {
        pool.giveBack(parses);
      }
      parses = null;
    }
  }
}
