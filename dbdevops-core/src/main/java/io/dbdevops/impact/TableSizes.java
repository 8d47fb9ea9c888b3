package io.dbdevops.impact;

import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The size on disk and the row estimate of each table of some schemas, read on a session of its own: PostgreSQL
 * {@code pg_total_relation_size} and {@code reltuples} (a table never analysed, {@code reltuples} -1, under 64 MB is
 * counted instead), MariaDB {@code information_schema.TABLES} {@code DATA_LENGTH + INDEX_LENGTH} and
 * {@code TABLE_ROWS} (InnoDB's estimate), H2 its {@code ROW_COUNT_ESTIMATE} (no size). Liquibase's and dbdevops's own
 * tables are left out. Keys are lower-case table names, {@code schema.table} when more than one schema is read.
 */
public final class TableSizes {

  /** One table's size in bytes and estimated rows; empty when the engine does not say. */
  public record Size(Optional<Long> bytes, Optional<Long> rows) {
  }

  private static final Pattern OWN_TABLES = Pattern.compile("(?i)DATABASECHANGELOG(LOCK)?|"
      + DeployHistoryTable.NAME);
  private static final long COUNT_BELOW_BYTES = 64L * 1024 * 1024;

  private TableSizes() {
  }

  /** Every table of {@code schemas} (PostgreSQL/H2 schemas, MariaDB databases). */
  public static Map<String, Size> read(Connection connection, Dialect dialect, List<String> schemas)
      throws SQLException {
    return read(connection, dialect, schemas, table -> true);
  }

  /**
   * The tables of {@code schemas} that {@code wanted} accepts (by key). On PostgreSQL the size functions take a lock,
   * so each wanted table is measured with a short lock timeout: a table another session holds exclusively gets the
   * size its pages last counted ({@code relpages}) instead of waiting for it.
   */
  public static Map<String, Size> read(Connection connection, Dialect dialect, List<String> schemas,
      java.util.function.Predicate<String> wanted) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return readPostgres(connection, schemas, wanted);
    }
    Map<String, Size> sizes = new TreeMap<>();
    boolean qualify = schemas.size() > 1;
    String sql = switch (dialect) {
      case MARIADB -> "SELECT TABLE_SCHEMA, TABLE_NAME, DATA_LENGTH + INDEX_LENGTH, TABLE_ROWS, DATA_LENGTH "
          + "FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = ?";
      default -> "SELECT TABLE_SCHEMA, TABLE_NAME, CAST(NULL AS BIGINT), ROW_COUNT_ESTIMATE, CAST(NULL AS BIGINT) "
          + "FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND lower(TABLE_SCHEMA) = lower(?)";
    };
    for (String schema : schemas) {
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        st.setString(1, schema);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            String table = rs.getString(2);
            if (OWN_TABLES.matcher(table).matches()) {
              continue;
            }
            String key = ((qualify ? rs.getString(1) + "." : "") + table).toLowerCase(Locale.ROOT);
            if (!wanted.test(key)) {
              continue;
            }
            Optional<Long> bytes = Optional.ofNullable(rs.getObject(3)).map(v -> ((Number) v).longValue());
            Optional<Long> rows = Optional.ofNullable(rs.getObject(4)).map(v -> ((Number) v).longValue());
            sizes.put(key, new Size(bytes, rows));
          }
        }
      }
    }
    return sizes;
  }

  private static Map<String, Size> readPostgres(Connection connection, List<String> schemas,
      java.util.function.Predicate<String> wanted) throws SQLException {
    record Entry(String key, String schema, String table, long oid, double reltuples, long relpagesBytes) {
    }
    List<Entry> entries = new java.util.ArrayList<>();
    boolean qualify = schemas.size() > 1;
    String list = "SELECT n.nspname, c.relname, c.oid, c.reltuples, c.relpages::bigint * current_setting('block_size')"
        + "::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
        + "AND lower(n.nspname) = lower(?)";
    for (String schema : schemas) {
      try (PreparedStatement st = connection.prepareStatement(list)) {
        st.setString(1, schema);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            String key = ((qualify ? rs.getString(1) + "." : "") + rs.getString(2)).toLowerCase(Locale.ROOT);
            if (!OWN_TABLES.matcher(rs.getString(2)).matches() && wanted.test(key)) {
              entries.add(new Entry(key, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5)));
            }
          }
        }
      }
    }
    Map<String, Size> sizes = new TreeMap<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement st = connection.createStatement()) {
      st.execute("SET lock_timeout = '500ms'");
      for (Entry e : entries) {
        Optional<Long> bytes = Optional.of(e.relpagesBytes());
        long heap = e.relpagesBytes();
        try (ResultSet rs = st.executeQuery("SELECT pg_total_relation_size(" + e.oid() + "), pg_relation_size("
            + e.oid() + ")")) {
          rs.next();
          bytes = Optional.of(rs.getLong(1));
          heap = rs.getLong(2);
        } catch (SQLException locked) {
          // held exclusively by another session: the size its pages last counted
        }
        Optional<Long> rows = e.reltuples() >= 0 ? Optional.of(Math.round(e.reltuples())) : Optional.empty();
        if (rows.isEmpty() && heap < COUNT_BELOW_BYTES) {
          try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + e.schema().replace("\"", "\"\"") + "\".\""
              + e.table().replace("\"", "\"\"") + "\"")) {
            rs.next();
            rows = Optional.of(rs.getLong(1));
          } catch (SQLException locked) {
            // unknown while another session holds the table
          }
        }
        sizes.put(e.key(), new Size(bytes, rows));
      }
      st.execute("RESET lock_timeout");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return sizes;
  }

  /**
   * The tables of {@code known} that the statements name (as a word, with or without a schema or quotes): what a
   * deploy's changesets touch.
   */
  public static List<String> touched(java.util.Collection<String> known, java.util.Collection<String> statements) {
    String all = String.join("\n", statements).toLowerCase(Locale.ROOT);
    return known.stream().filter(name -> {
      String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
      return Pattern.compile("(?<![a-z0-9_$])" + Pattern.quote(bare) + "(?![a-z0-9_$])").matcher(all).find();
    }).sorted().toList();
  }
}
