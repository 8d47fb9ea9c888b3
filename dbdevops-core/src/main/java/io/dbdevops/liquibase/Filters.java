package io.dbdevops.liquibase;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Labels;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.exception.UnexpectedLiquibaseException;

/**
 * Liquibase's own selection of changesets, as its update builds it (less "already ran", which a changelog read without
 * a database cannot know): the context, label, dbms and ignore filters, and the changelog parameters for that
 * database and those contexts and labels, and the database itself (checksums depend on it). The one place the
 * readers build them, so the selection and the checksums are the update's.
 */
final class Filters {

  private final Database database;
  private final List<ChangeSetFilter> filters;
  private final ParsedParameters parameters;

  private Filters(UpdateOptions options, Database database) {
    this.database = database;
    Contexts contexts = new Contexts(options.contexts().orElse(null));
    LabelExpression labels = new LabelExpression(options.labels().orElse(null));
    ContextChangeSetFilter contextFilter = new ContextChangeSetFilter(contexts);
    LabelChangeSetFilter labelFilter = new LabelChangeSetFilter(labels);
    checkParses(contextFilter, labelFilter, options);
    this.filters = List.of(contextFilter, labelFilter, new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter());
    this.parameters = new ParsedParameters(database);
    this.parameters.setContexts(contexts);
    this.parameters.setLabels(labels);
    options.parameters().forEach(this.parameters::set);
  }

  /**
   * Liquibase parses the contexts and labels expressions only when it first judges a changeset that has contexts or
   * labels, and then fails with its own exception, naming no setting: they are judged here once, on a changeset that
   * has both, so a malformed expression is a {@link SetupException} naming the setting before anything is read or run.
   */
  private static void checkParses(ContextChangeSetFilter contexts, LabelChangeSetFilter labels, UpdateOptions options) {
    ChangeSet probe = new ChangeSet("probe", "dbdevops", false, false, "probe.xml", "probe", null, null);
    probe.setLabels(new Labels("probe"));
    try {
      contexts.accepts(probe);
    } catch (UnexpectedLiquibaseException e) {
      throw new SetupException("the contexts expression '" + options.contexts().orElse("") + "' cannot be parsed ("
          + LiquibaseRunner.oneLine(e.getMessage()) + "): fix <contexts> / -Ddbdevops.contexts (or the environment's "
          + "<contexts>), e.g. 'prod and !test' or 'prod, test'", e);
    }
    try {
      labels.accepts(probe);
    } catch (UnexpectedLiquibaseException e) {
      throw new SetupException("the labels expression '" + options.labels().orElse("") + "' cannot be parsed ("
          + LiquibaseRunner.oneLine(e.getMessage()) + "): fix <labels> / -Ddbdevops.labels (or the environment's "
          + "<labels>), e.g. 'v2 and !experimental'", e);
    }
  }

  static Filters of(Selection selection) {
    return new Filters(selection.options(), database(selection.dbms()));
  }

  /** The changelog parameters an update with these options has on this database. */
  ParsedParameters parameters() {
    return parameters;
  }

  /**
   * The offline database, for the scope the changelog is parsed and checksummed in: Liquibase leaves a change of
   * another dbms out of the changeset's checksum.
   */
  Database database() {
    return database;
  }

  /** True when the update runs this changeset (on a fresh database). */
  boolean accepts(ChangeSet changeSet) {
    for (ChangeSetFilter filter : filters) {
      if (!filter.accepts(changeSet).isAccepted()) {
        return false;
      }
    }
    return true;
  }

  /** Liquibase's offline model of the database: what its dbms filter and parameters go by. */
  static Database database(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> new liquibase.database.core.PostgresDatabase();
      case MARIADB -> new liquibase.database.core.MariaDBDatabase();
      case H2 -> new liquibase.database.core.H2Database();
    };
  }
}
