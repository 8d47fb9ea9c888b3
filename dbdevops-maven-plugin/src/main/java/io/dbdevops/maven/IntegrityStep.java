package io.dbdevops.maven;

import io.dbdevops.integrity.IntegrityCheck;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.IntegrityViolation;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The integrity part of {@code dbdevops:verify}: reads the changesets the configured contexts and labels select for
 * the target database, checks them against the integrity file (dbdevops.sum) and prints one line per violation. Its result's {@code pending()} are the changesets lint judges.
 */
final class IntegrityStep {

  private final Log log;
  private final Path sumFile;
  private final String name;

  /** {@code name}: the integrity file as the user should read it (relative to the project). */
  IntegrityStep(Log log, Path sumFile, String name) {
    this.log = log;
    this.sumFile = sumFile;
    this.name = name;
  }

  /**
   * Checks the changesets the parse's selection selects (what its update runs) against the integrity file; the shadow's
   * updates reuse the same parse.
   */
  IntegrityResult run(ParsedChangelog changelog) {
    Selection selection = changelog.selection();
    if (selection.options().contexts().isPresent() || selection.options().labels().isPresent()) {
      log.info("dbdevops: changesets selected by " + selection.describe());
    } else {
      log.debug("dbdevops: changesets selected by " + selection.describe());
    }
    List<ChangeSetInfo> changesets = changelog.changeSets();
    // valid but almost certainly not meant (a changeset without changes, formatted SQL without its header, …)
    for (String warning : changelog.warnings()) {
      log.warn("dbdevops: " + warning);
    }
    boolean exists = Files.isRegularFile(sumFile);
    IntegrityResult result = new IntegrityCheck().check(SumFile.readOrEmpty(sumFile), changesets);
    for (IntegrityViolation violation : result.violations()) {
      log.error(violation.message());
    }
    result.sumFileMessage(name).ifPresent(log::error);
    if (result.released().isEmpty() && !result.pending().isEmpty() && result.passed()) {
      // adoption: a project with history and no release marked yet; lint judges none of it as released
      log.warn("dbdevops: integrity: " + (exists ? "nothing released in " + name + " yet" : "no " + name + " yet")
          + ", " + (result.pending().size() == 1 ? "its 1 changeset is" : "all " + result.pending().size()
          + " changesets are") + " pending: lint judges none of their drops and renames; if they already run in "
          + "production, run `mvn dbdevops:mark-released` and commit " + name);
    } else if (!exists) {
      log.info("dbdevops: integrity: no " + name + " yet, all " + changesets.size() + " changesets are pending "
          + "(mvn dbdevops:mark-released marks them released)");
    } else if (result.passed()) {
      log.info("dbdevops: integrity: " + Plural.of(result.released().size(), "changeset") + " released, " + result.pending().size()
          + " pending (" + name + ")");
    }
    return result;
  }

  /** BUILD FAILURE when a released changeset was edited or reordered, or the integrity file does not hold. */
  void failOnViolations(IntegrityResult result) throws MojoFailureException {
    if (result.passed()) {
      return;
    }
    StringBuilder message = new StringBuilder(headline(result.violations().size(), Files.isRegularFile(sumFile), name));
    for (IntegrityViolation violation : result.violations()) {
      message.append(System.lineSeparator()).append("  ").append(violation.message());
    }
    result.sumFileMessage(name).ifPresent(m -> message.append(System.lineSeparator()).append("  ").append(m));
    throw new MojoFailureException(message.toString());
  }

  /**
   * What does not hold: the released history in the integrity file, or, when there is none yet (nothing released;
   * the violations are duplicates), the changelog itself: a file that does not exist is not named.
   */
  static String headline(int violations, boolean sumFileExists, String name) {
    String count = Plural.of(violations, "violation");
    return sumFileExists ? "the changelog's released history does not hold against " + name + ": " + count
        : "the changelog has " + count;
  }
}
