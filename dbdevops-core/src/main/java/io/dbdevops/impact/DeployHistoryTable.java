package io.dbdevops.impact;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * dbdevops's own record of each deploy, in the table {@value #NAME} next to DATABASECHANGELOG (created when absent):
 * start, end, duration, outcome, changesets applied, the version deployed, the plan id, Liquibase's DEPLOYMENT_ID(s),
 * the lock retries, the changeset that failed and its message (masked of passwords by the caller), the dbdevops
 * version. Never a password. Left out of snapshots, drift, state and validation as Liquibase's own tables are.
 */
public final class DeployHistoryTable {

  /** The table's name, upper case as Liquibase writes its own. */
  public static final String NAME = "DBDEVOPS_DEPLOY_HISTORY";

  /** One deploy. {@code deploymentIds}: Liquibase's, one per update run (a lock retry runs the update again). */
  public record Entry(String id, Instant started, Instant finished, String outcome, int changeSets, String version,
      Optional<String> planId, List<String> deploymentIds, int lockRetries, Optional<String> failedChangeSet,
      Optional<String> message, String dbdevopsVersion) {
    public Entry {
      Objects.requireNonNull(id, "id");
      planId = Objects.requireNonNullElse(planId, Optional.<String>empty());
      failedChangeSet = Objects.requireNonNullElse(failedChangeSet, Optional.<String>empty());
      message = Objects.requireNonNullElse(message, Optional.<String>empty());
      deploymentIds = List.copyOf(deploymentIds);
      version = Objects.requireNonNullElse(version, "");
    }

    public Duration took() {
      return Duration.between(started, finished);
    }
  }

  private DeployHistoryTable() {
  }

  /** The dbdevops version running, {@code dev} outside a packaged jar. */
  public static String dbdevopsVersion() {
    return Optional.ofNullable(DeployHistoryTable.class.getPackage().getImplementationVersion()).orElse("dev");
  }

  /** Creates the table when absent and adds the entry, on a writable session in auto-commit. */
  public static void record(Connection connection, Dialect dialect, Entry e) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try {
      if (!exists(connection, dialect)) {
        String time = dialect == Dialect.MARIADB ? "DATETIME(3)" : "TIMESTAMP";
        String text = dialect == Dialect.MARIADB ? "VARCHAR(4000)" : "VARCHAR(4000)";
        try (Statement st = connection.createStatement()) {
          st.execute("CREATE TABLE " + NAME + " (ID VARCHAR(36) NOT NULL PRIMARY KEY, STARTED " + time + " NOT NULL, "
              + "FINISHED " + time + " NOT NULL, DURATION_MS BIGINT NOT NULL, OUTCOME VARCHAR(20) NOT NULL, "
              + "CHANGESETS INT NOT NULL, VERSION VARCHAR(100), PLAN_ID VARCHAR(64), DEPLOYMENT_IDS VARCHAR(400), "
              + "LOCK_RETRIES INT NOT NULL, FAILED_CHANGESET VARCHAR(1000), MESSAGE " + text + ", "
              + "DBDEVOPS_VERSION VARCHAR(50))");
        } catch (SQLException race) {
          if (!exists(connection, dialect)) {
            throw race;
          }
        }
      }
      try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + NAME + " (ID, STARTED, FINISHED, "
          + "DURATION_MS, OUTCOME, CHANGESETS, VERSION, PLAN_ID, DEPLOYMENT_IDS, LOCK_RETRIES, FAILED_CHANGESET, MESSAGE, "
          + "DBDEVOPS_VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        st.setString(1, e.id());
        st.setObject(2, LocalDateTime.ofInstant(e.started(), ZoneOffset.UTC));
        st.setObject(3, LocalDateTime.ofInstant(e.finished(), ZoneOffset.UTC));
        st.setLong(4, e.took().toMillis());
        st.setString(5, e.outcome());
        st.setInt(6, e.changeSets());
        st.setString(7, cut(e.version(), 100));
        st.setString(8, e.planId().orElse(null));
        st.setString(9, cut(String.join(",", e.deploymentIds()), 400));
        st.setInt(10, e.lockRetries());
        st.setString(11, e.failedChangeSet().map(f -> cut(f, 1000)).orElse(null));
        st.setString(12, e.message().map(m -> cut(m, 4000)).orElse(null));
        st.setString(13, cut(e.dbdevopsVersion(), 50));
        st.executeUpdate();
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Every entry, oldest first; empty when the table does not exist (read-only). */
  public static List<Entry> read(Connection connection, Dialect dialect) {
    List<Entry> entries = new ArrayList<>();
    try {
      if (!exists(connection, dialect)) {
        return entries;
      }
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, STARTED, FINISHED, "
          + "OUTCOME, CHANGESETS, VERSION, PLAN_ID, DEPLOYMENT_IDS, LOCK_RETRIES, FAILED_CHANGESET, MESSAGE, "
          + "DBDEVOPS_VERSION FROM " + NAME + " ORDER BY STARTED, ID")) {
        while (rs.next()) {
          String ids = rs.getString(8);
          entries.add(new Entry(rs.getString(1), utc(rs.getObject(2, LocalDateTime.class)),
              utc(rs.getObject(3, LocalDateTime.class)), rs.getString(4), rs.getInt(5), rs.getString(6),
              Optional.ofNullable(rs.getString(7)), ids == null || ids.isBlank() ? List.of() : List.of(ids.split(",")),
              rs.getInt(9), Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
              rs.getString(12)));
        }
      }
    } catch (SQLException e) {
      throw new SetupException("cannot read " + NAME + ": " + e.getMessage(), e);
    }
    return entries;
  }

  /** True when the table exists in the connection's schema (MariaDB: database). */
  public static boolean exists(Connection connection, Dialect dialect) throws SQLException {
    var meta = connection.getMetaData();
    boolean mariadb = dialect == Dialect.MARIADB;
    try (ResultSet rs = meta.getTables(mariadb ? connection.getCatalog() : null, mariadb ? null : connection.getSchema(),
        "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if (NAME.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Instant utc(LocalDateTime t) {
    return t == null ? Instant.EPOCH : t.toInstant(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }


}
