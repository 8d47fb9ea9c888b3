package io.dbdevops.deploy;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;

/**
 * Liquibase's DATABASECHANGELOGLOCK row left locked by a deploy that died (killed, machine lost) while it updated.
 *
 * <p>Liquibase's lock is a row: it outlives the process that set it, and every later update waits for it (five minutes
 * by default) and then fails until someone runs {@code liquibase releaseLocks}. A dbdevops deploy takes its own
 * session lock first ({@link DeployLock}: PostgreSQL advisory lock, MariaDB {@code GET_LOCK}), which the server drops
 * with the session of a dead deploy. So while a deploy holds that lock, no other dbdevops deploy to the database is
 * alive, and a locked row can only be a dead one's: {@link #release} unlocks it and says whose it was.
 *
 * <p>What this assumes: that the environment's Liquibase updates go through dbdevops deploy. A Liquibase run outside
 * it (Liquibase's CLI or Maven plugin, an application running its changelog at start-up) does not take the deploy lock;
 * if one held the row at this moment, releasing it would let two updates run at once. Such a second writer of the
 * same history is not supported alongside dbdevops deploy (the deploy's drift gate and validation assume they are the
 * only writer); the released lock's holder and time are reported, so a foreign holder shows in the deploy's output.
 */
final class StaleLiquibaseLock {

  private StaleLiquibaseLock() {
  }

  /**
   * Unlocks DATABASECHANGELOGLOCK when it is locked; call only while holding the {@link DeployLock} on a server database.
   *
   * @return what was released ("released a stale Liquibase lock held since … by …"), empty when nothing was locked
   */
  static Optional<String> release(Connection connection, Dialect dialect, String where) {
    if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MARIADB) {
      return Optional.empty(); // no deploy lock there: Liquibase's row is the only lock, and may be a live one's
    }
    try {
      if (!lockTableExists(connection, dialect)) {
        return Optional.empty();
      }
      Timestamp granted;
      String lockedBy;
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT LOCKGRANTED, LOCKEDBY FROM DATABASECHANGELOGLOCK WHERE ID = 1 AND LOCKED = "
              + (dialect == Dialect.POSTGRESQL ? "TRUE" : "1"))) {
        if (!rs.next()) {
          return Optional.empty();
        }
        granted = rs.getTimestamp(1);
        lockedBy = rs.getString(2);
      }
      try (PreparedStatement st = connection.prepareStatement(
          "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1")) {
        st.setBoolean(1, false);
        st.executeUpdate();
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return Optional.of("released a stale Liquibase lock (DATABASECHANGELOGLOCK) held since "
          + (granted == null ? "an unknown time" : granted.toLocalDateTime().withNano(0).toString().replace('T', ' '))
          + " by " + (lockedBy == null || lockedBy.isBlank() ? "an unknown host" : lockedBy.trim())
          + ": a deploy that ended without releasing it (no other deploy holds the deploy lock)");
    } catch (SQLException e) {
      throw new SetupException("cannot release the stale Liquibase lock (DATABASECHANGELOGLOCK) in " + where + ": "
          + e.getMessage() + " (run `liquibase releaseLocks` against it)", e);
    }
  }

  private static boolean lockTableExists(Connection connection, Dialect dialect) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND upper(table_name) = ?"
        : "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND upper(table_name) = ?";
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, "DATABASECHANGELOGLOCK".toUpperCase(Locale.ROOT));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }
}
