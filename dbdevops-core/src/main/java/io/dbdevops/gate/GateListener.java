package io.dbdevops.gate;

import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;

/** Progress callbacks, so the plugin prints its own concise lines; the core never logs. */
public interface GateListener {

  GateListener SILENT = new GateListener() {
  };

  default void shadowOpened(String description) {
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
}
