package io.dbdevops.liquibase;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.List;

/**
 * The changesets an update with these contexts, labels and parameters would run on a database of this dialect, in
 * changelog order, read without a database, with Liquibase's own filters. What drift, status and deploy compare an
 * environment's DATABASECHANGELOG with. One parse per call: a build that also runs the update takes
 * {@link ParsedChangelog#selected()} of the parse it shares with it.
 */
public final class ChangelogSelection {

  /** Liquibase's identity of a changeset. */
  public record ChangeSetRef(String file, String id, String author) {
    public String key() {
      return file + "::" + id + "::" + author;
    }
  }

  public List<ChangeSetRef> select(ChangelogSource changelog, UpdateOptions options, Dialect dialect) {
    return select(changelog, new Selection(options, dialect));
  }

  public List<ChangeSetRef> select(ChangelogSource changelog, Selection selection) {
    return ParsedChangelog.parse(changelog, selection).selected();
  }
}
