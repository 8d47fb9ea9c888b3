package io.dbdevops.liquibase;

import io.dbdevops.InvalidChangeException;
import java.util.List;
import java.util.Optional;

/**
 * An update that stopped at a failing changeset: the message names it (as every {@link InvalidChangeException} of the
 * runner does) and the exception keeps what a roll-forward report needs: the changeset, where it is, the database's
 * own message and error code, and the changesets this update applied before it.
 */
public final class ChangeSetFailedException extends InvalidChangeException {

  /** The failing changeset (its {@code took}: how long it ran before it failed). */
  private final transient AppliedChangeSet changeSet;
  private final String location;
  private final String databaseMessage;
  private final String sqlState;
  private final int errorCode;
  private final transient List<AppliedChangeSet> applied;

  ChangeSetFailedException(String message, Throwable cause, AppliedChangeSet changeSet, String location,
      String databaseMessage, Optional<java.sql.SQLException> sql, List<AppliedChangeSet> applied) {
    super(message, cause);
    this.changeSet = changeSet;
    this.location = location;
    this.databaseMessage = databaseMessage;
    this.sqlState = sql.map(java.sql.SQLException::getSQLState).orElse(null);
    this.errorCode = sql.map(java.sql.SQLException::getErrorCode).orElse(0);
    this.applied = List.copyOf(applied);
  }

  public AppliedChangeSet changeSet() {
    return changeSet;
  }

  /** {@code db/changelog/changes/002.sql:3}. */
  public String location() {
    return location;
  }

  /** The database's message, one line. */
  public String databaseMessage() {
    return databaseMessage;
  }

  /** The SQLSTATE of the database's error, when it gave one. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  /** The vendor error code (MariaDB 1205: lock wait timeout), 0 when none. */
  public int errorCode() {
    return errorCode;
  }

  /** The changesets this update applied before the failing one, in order. */
  public List<AppliedChangeSet> applied() {
    return applied;
  }
}
