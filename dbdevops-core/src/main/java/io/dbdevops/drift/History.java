package io.dbdevops.drift;

import io.dbdevops.SetupException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What Liquibase recorded in a database's DATABASECHANGELOG, read with one SELECT. */
public final class History {

  /** One row: a changeset the database has (EXECUTED, RERAN or MARK_RAN). */
  public record Row(String file, String id, String author, Timestamp dateExecuted, int orderExecuted, String execType,
      Optional<String> tag) {
    public String key() {
      return file + "::" + id + "::" + author;
    }
  }

  private History() {
  }

  /**
   * The applied changesets in execution order; empty when the database has no DATABASECHANGELOG table (Liquibase
   * never deployed to it).
   */
  public static Optional<List<Row>> read(Connection connection, String where) {
    if (!exists(connection)) {
      return Optional.empty();
    }
    String sql = "SELECT FILENAME, ID, AUTHOR, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, TAG FROM DATABASECHANGELOG "
        + "ORDER BY ORDEREXECUTED, DATEEXECUTED";
    List<Row> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String type = rs.getString(6);
        if (type == null || type.equals("FAILED") || type.equals("SKIPPED")) {
          continue;
        }
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getInt(5), type,
            Optional.ofNullable(rs.getString(7))));
      }
    } catch (SQLException e) {
      throw new SetupException("cannot read DATABASECHANGELOG in " + where + ": " + e.getMessage(), e);
    }
    return Optional.of(List.copyOf(rows));
  }

  /** The rows, or a clear error when Liquibase never deployed to the database. */
  public static List<Row> require(Connection connection, String where) {
    return read(connection, where).orElseThrow(() -> new SetupException("no DATABASECHANGELOG table in " + where
        + ": this database was never deployed by Liquibase (deploy it first with dbdevops:deploy, or check the <url>)"));
  }

  private static boolean exists(Connection connection) {
    try {
      var meta = connection.getMetaData();
      String catalog = connection.getCatalog();
      String schema = connection.getSchema();
      boolean mariadb = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
      try (ResultSet rs = meta.getTables(mariadb ? catalog : null, mariadb ? null : schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          if ("DATABASECHANGELOG".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new SetupException("cannot read the table list: " + e.getMessage(), e);
    }
  }
}
