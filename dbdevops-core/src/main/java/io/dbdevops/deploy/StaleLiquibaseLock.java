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
 * <p>A Liquibase run outside dbdevops deploy (Liquibase's CLI or Maven plugin, an application running its changelog at
 * start-up, as Spring Boot does) does not take the deploy lock, and releasing its live row would let two updates run at
 * once. A live Liquibase update holds a session on the database, so the row is released only when no other session is
 * connected to the database (PostgreSQL: {@code pg_stat_activity}; MariaDB: the process list the deploy's user can
 * see); otherwise the deploy stops before any change, naming the holder, the time and how to release it by hand.
 */
public final class StaleLiquibaseLock {

  private StaleLiquibaseLock() {
  }

  /**
   * Unlocks DATABASECHANGELOGLOCK when it is locked; call only while holding the {@link DeployLock} on a server database.
   *
   * @return what was released ("released a stale Liquibase lock held since … by …"), empty when nothing was locked
   */
  public static Optional<String> release(Connection connection, Dialect dialect, String where) {
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
      String since = granted == null ? "an unknown time"
          : granted.toLocalDateTime().withNano(0).toString().replace('T', ' ');
      String holder = lockedBy == null || lockedBy.isBlank() ? "an unknown host" : lockedBy.trim();
      int others = otherSessions(connection, dialect);
      if (others > 0) {
        throw new SetupException("DATABASECHANGELOGLOCK of " + where + " is locked since " + since + " by " + holder
            + ", and " + others + (others == 1 ? " other session is" : " other sessions are") + " connected to the "
            + "database: a Liquibase update outside dbdevops deploy (an application at start-up, the Liquibase CLI) may be "
            + "running, so the lock is left alone and nothing was changed. If no such update runs, release it with "
            + "`liquibase release-locks` and deploy again");
      }
      try (PreparedStatement st = connection.prepareStatement(
          "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1")) {
        st.setBoolean(1, false);
        st.executeUpdate();
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return Optional.of("released a stale Liquibase lock (DATABASECHANGELOGLOCK) held since " + since + " by " + holder
          + ": a deploy that ended without releasing it (no other deploy holds the deploy lock, no other session is "
          + "connected)");
    } catch (SQLException e) {
      throw new SetupException("cannot release the stale Liquibase lock (DATABASECHANGELOGLOCK) in " + where + ": "
          + e.getMessage() + " (run `liquibase releaseLocks` against it)", e);
    }
  }

  /**
   * The sessions connected to this database besides this one, asked a few times over about a second: a killed
   * process's session can take a moment to leave the server's list.
   */
  private static int otherSessions(Connection connection, Dialect dialect) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            + "AND backend_type = 'client backend'"
        : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()";
    int others = 0;
    for (int attempt = 0; attempt < 6; attempt++) {
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        others = rs.next() ? rs.getInt(1) : 0;
      }
      if (others == 0) {
        return 0;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return others;
      }
    }
    return others;
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
