package io.dbdevops.maven;

import io.dbdevops.gate.GateListener;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import org.apache.maven.plugin.logging.Log;

/** The plugin's own concise progress lines. */
final class ConsoleListener implements GateListener {

  private final Log log;

  ConsoleListener(Log log) {
    this.log = log;
  }

  @Override
  public void shadowOpened(String description) {
    log.info("dbdevops: shadow database: " + description);
  }

  @Override
  public void applied(UpdateResult result) {
    log.info("dbdevops: applied " + Plural.of(result.applied().size(), "changeset") + " in " + result.took().toMillis() + " ms");
  }

  @Override
  public void releasedPointRestored(int changesets, long millis) {
    log.info("dbdevops: started from the cached released point (" + Plural.of(changesets, "changeset") + ") in "
        + millis + " ms");
  }

  @Override
  public void cacheNote(String note) {
    log.info("dbdevops: cache: " + note);
  }

  @Override
  public void snapshotTaken(int objects, long millis) {
    log.info("dbdevops: snapshot of " + Plural.of(objects, "object") + " in " + millis + " ms");
  }
}
