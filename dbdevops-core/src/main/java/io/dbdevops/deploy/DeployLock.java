package io.dbdevops.deploy;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Serialises deploys to one database for their whole length (drift check, update, validation) with the server's
 * session lock: PostgreSQL {@code pg_advisory_lock}, MariaDB/MySQL {@code GET_LOCK}. A second deploy waits; a crashed
 * one loses the lock with its connection, so nothing stays locked (unlike a lock row). On H2 Liquibase's own
 * DATABASECHANGELOGLOCK is the only lock.
 */
public final class DeployLock implements AutoCloseable {

  /** How long a second deploy waits before giving up, in seconds. */
  static final int WAIT_SECONDS = 600;
  private static final long PG_KEY = 0x6462646576_6f70L; // "dbdevop"

  private final Connection connection;
  private final Dialect dialect;
  private final String name;

  private DeployLock(Connection connection, Dialect dialect, String name) {
    this.connection = connection;
    this.dialect = dialect;
    this.name = name;
  }

  public static DeployLock acquire(Connection connection, String where) {
    try {
      Dialect dialect = Dialect.of(connection);
      switch (dialect) {
        case POSTGRESQL -> {
          try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            st.setLong(1, PG_KEY);
            st.execute();
          }
          return new DeployLock(connection, dialect, null);
        }
        case MARIADB -> {
          String name = "dbdevops_deploy:" + connection.getCatalog();
          try (PreparedStatement st = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            st.setString(1, name);
            st.setInt(2, WAIT_SECONDS);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next() || rs.getInt(1) != 1) {
                throw new SetupException("another deploy to " + where + " has held the deploy lock for " + WAIT_SECONDS
                    + " s; try again when it has finished");
              }
            }
          }
          return new DeployLock(connection, dialect, name);
        }
        default -> {
          return new DeployLock(connection, dialect, null);
        }
      }
    } catch (SQLException e) {
      throw new SetupException("cannot take the deploy lock on " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (dialect == Dialect.POSTGRESQL) {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          st.setLong(1, PG_KEY);
          st.execute();
        }
      } else if (dialect == Dialect.MARIADB) {
        try (PreparedStatement st = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
          st.setString(1, name);
          st.execute();
        }
      }
    } catch (SQLException e) {
      // the lock is a session lock: closing the connection, which follows, releases it too
    }
  }
}
