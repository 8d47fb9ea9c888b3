package io.dbdevops.maven;

import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.ProgressThrottle;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import org.apache.maven.plugin.logging.Log;

/**
 * The plugin's own concise progress lines: a long update says every few seconds how far it got; with
 * {@code verbose} ({@code -Ddbdevops.verbose=true}) one line per changeset instead.
 */
final class ConsoleListener implements GateListener {

  private final Log log;
  private final boolean verbose;
  private ProgressThrottle throttle = new ProgressThrottle();

  ConsoleListener(Log log, boolean verbose) {
    this.log = log;
    this.verbose = verbose;
  }

  @Override
  public void shadowOpened(String description) {
    throttle = new ProgressThrottle();
    log.info("dbdevops: shadow database: " + description);
  }

  @Override
  public void shadowNote(String note) {
    log.info("dbdevops: " + note);
  }

  @Override
  public void changesetApplied(Progress progress) {
    if (verbose) {
      AppliedChangeSet cs = progress.changeSet();
      log.info("dbdevops: applied " + progress.applied() + " of " + progress.total() + ": " + cs.id() + " by "
          + cs.author() + " (" + cs.file() + ", " + cs.took().toMillis() + " ms)");
    } else if (throttle.shows(progress)) {
      log.info("dbdevops: applied " + progress.applied() + " of " + progress.total() + " changesets ("
          + progress.elapsed().toSeconds() + " s)");
    }
  }

  @Override
  public void applied(UpdateResult result) {
    if (result.applied().isEmpty()) {
      log.info("dbdevops: no changeset to apply");
      return;
    }
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
