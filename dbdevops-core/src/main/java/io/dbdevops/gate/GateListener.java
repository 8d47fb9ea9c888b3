package io.dbdevops.gate;

import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import java.time.Duration;

/** Progress callbacks, so the plugin prints its own concise lines; the core never logs. */
public interface GateListener {

  GateListener SILENT = new GateListener() {
  };

  default void shadowOpened(String description) {
  }

  /** What opening the shadow did besides (dropped the temporary shadow databases killed builds left). */
  default void shadowNote(String note) {
  }

  /**
   * Each changeset the build's update applies to the shadow, as soon as it ran (the released point's and the rest's,
   * not the rollback round trip's); a console shows a line now and then ({@link ProgressThrottle}) or one for each.
   */
  default void changesetApplied(Progress progress) {
  }

  default void applied(UpdateResult result) {
  }

  default void snapshotTaken(int objects, long millis) {
  }

  /** The shadow started from the cached image of the released point instead of applying its changesets. */
  default void releasedPointRestored(int changesets, long millis) {
  }

  /** What the released-point cache did or could not do (saved an image, threw a damaged one away). */
  default void cacheNote(String note) {
  }

  /**
   * {@code applied} of the {@code total} changesets the shadow's update selects have run, {@code elapsed} since the
   * first began; {@code changeSet} is the one that just ran.
   */
  record Progress(int applied, int total, Duration elapsed, AppliedChangeSet changeSet) {
  }
}
