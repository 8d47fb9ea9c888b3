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
}
