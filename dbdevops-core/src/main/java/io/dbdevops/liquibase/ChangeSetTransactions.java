package io.dbdevops.liquibase;

import java.sql.Connection;
import liquibase.changelog.ChangeSet;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Liquibase's connection to the database, made to commit a changeset together with its DATABASECHANGELOG row.
 *
 * <p>Liquibase commits a changeset's statements at the end of {@code ChangeSet.execute} and only then inserts the
 * changeset's DATABASECHANGELOG row, in a second transaction (4.33: {@code UpdateVisitor} runs the changeset, then
 * {@code markChangeSetExecStatus}, whose {@code setExecType} inserts the row and commits). A
 * process killed between the two leaves the changeset's objects without their row, even on PostgreSQL, whose DDL is
 * transactional; the next deploy then finds drift, or fails on "relation already exists". On a database with
 * transactional DDL, and for a changeset that runs in a transaction (the default; {@code runInTransaction="false"} is
 * left alone), this connection holds the changeset's own commit (and any switch to autocommit while it is held)
 * until the next commit, the one after the row's insert: the changeset's statements and its row become one transaction, so a
 * crash leaves either both or neither. Where DDL commits by itself (MariaDB/MySQL, H2) nothing changes: there a crash
 * can still leave a changeset half applied, which the deploy's drift gate names.
 */
final class ChangeSetTransactions extends JdbcConnection {

  private boolean transactionalDdl;
  /** A changeset that runs in a transaction has started: its own commit is to be held. */
  private boolean armed;
  /** The changeset's commit was held: its statements wait for the next commit, the one after its history row. */
  private boolean held;
  /** The autocommit Liquibase last asked for; applied once nothing is held. */
  private Boolean requestedAutoCommit;

  ChangeSetTransactions(Connection connection) {
    super(connection);
  }

  /** Whether the database runs DDL in transactions (Liquibase's {@code supportsDDLInTransaction}): only then it holds. */
  void transactionalDdl(boolean transactional) {
    this.transactionalDdl = transactional;
  }

  /** A changeset is about to run (Liquibase's {@code willRun}). */
  void starting(ChangeSet changeSet) {
    armed = transactionalDdl && changeSet.isRunInTransaction();
    held = false;
  }

  /** The changeset failed: Liquibase has rolled its transaction back. */
  void failed() throws DatabaseException {
    release();
  }

  /**
   * True when a changeset's commit was held and neither the commit after its history row nor a rollback followed:
   * writing the row failed, and the transaction is still open (aborted, on PostgreSQL).
   */
  boolean historyRowFailed() {
    return held;
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws DatabaseException {
    if (held) {
      requestedAutoCommit = autoCommit; // switching autocommit on would commit the held statements alone
    } else {
      super.setAutoCommit(autoCommit);
    }
  }

  @Override
  public void commit() throws DatabaseException {
    if (armed && !held) {
      held = true; // the changeset's own commit (ChangeSet.execute): its statements wait for their history row
      return;
    }
    super.commit(); // the history row's commit (Liquibase's setExecType, or the visitor's after it): both at once
    release();
  }

  @Override
  public void rollback() throws DatabaseException {
    super.rollback();
    if (held) {
      release(); // the held statements went with the transaction
    }
  }

  private void release() throws DatabaseException {
    armed = false;
    held = false;
    if (requestedAutoCommit != null) {
      boolean autoCommit = requestedAutoCommit;
      requestedAutoCommit = null;
      super.setAutoCommit(autoCommit);
    }
  }
}
