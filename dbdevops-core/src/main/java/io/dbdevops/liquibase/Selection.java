package io.dbdevops.liquibase;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.Objects;

/**
 * Which changesets of a changelog count: those an update with these options (contexts, labels, changelog parameters)
 * runs on a database of this dialect, as Liquibase selects them (its context, label, dbms and {@code ignore} filters).
 * What the integrity check, {@code mark-released} and lint work on, so they see exactly what the update runs.
 *
 * @param dbms the database the changesets are selected for: a changeset with {@code dbms="postgresql"} is selected for
 *     {@link Dialect#POSTGRESQL} only, one with {@code dbms="!h2"} for every dialect but H2
 */
public record Selection(UpdateOptions options, Dialect dbms) {

  public Selection {
    options = Objects.requireNonNullElse(options, UpdateOptions.DEFAULT);
    Objects.requireNonNull(dbms, "dbms");
  }

  /** The same options, selecting for another database. */
  public Selection on(Dialect other) {
    return new Selection(options, other);
  }

  /** For messages: {@code contexts prod, labels none, dbms h2}. */
  public String describe() {
    return "contexts " + options.contexts().filter(c -> !c.isBlank()).orElse("none") + ", labels "
        + options.labels().filter(l -> !l.isBlank()).orElse("none") + ", dbms " + dbms.word();
  }
}
