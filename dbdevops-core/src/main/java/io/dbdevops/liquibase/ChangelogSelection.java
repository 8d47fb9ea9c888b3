package io.dbdevops.liquibase;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The changesets an update with these contexts, labels and parameters would run on a database of this dialect, in
 * changelog order, read without a database, with Liquibase's own filters. What drift, status and deploy compare an
 * environment's DATABASECHANGELOG with.
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
    if (!Files.isRegularFile(changelog.file())) {
      throw new SetupException("changelog not found: " + changelog.file());
    }
    Quiet.apply();
    List<ChangeSetRef> result = new ArrayList<>();
    try (DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(changelog.root())) {
      Map<String, Object> scope = new HashMap<>();
      scope.put(Scope.Attr.resourceAccessor.name(), accessor);
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      scope.put("liquibase.analytics.enabled", false);
      scope.put("liquibase.showBanner", false);
      Filters filters = Filters.of(selection);
      scope.put(Scope.Attr.database.name(), filters.database());
      Scope.child(scope, () -> {
        DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(changelog.path(), accessor)
            .parse(changelog.path(), filters.parameters(), accessor);
        for (ChangeSet changeSet : log.getChangeSets()) {
          if (filters.accepts(changeSet)) {
            result.add(new ChangeSetRef(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor()));
          }
        }
      });
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw LiquibaseRunner.translate(e, changelog);
    }
    return List.copyOf(result);
  }
}
