package io.dbdevops.recovery;

import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A live table found by name (case-insensitively, in the given schemas) and its shape, from the engine's catalog. */
final class TableShapes {

  private TableShapes() {
  }

  /** A table as the catalog names it. */
  record Found(String schema, String table) {
  }

  static Optional<Found> find(Connection c, Dialect dialect, List<String> schemas, String table) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND n.nspname = ? AND lower(c.relname) = lower(?)"
        : "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            + "AND table_schema = ? AND lower(table_name) = lower(?)";
    for (String schema : schemas) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, schema);
        ps.setString(2, table);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new Found(rs.getString(1), rs.getString(2)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The table's columns in order, each with its full type (length, precision). */
  static List<Backup.Column> columns(Connection c, Dialect dialect, String schema, String table) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = "
            + "a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND "
            + "a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
        : "SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
            + "ORDER BY ordinal_position";
    List<Backup.Column> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Backup.Column(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  static String quote(Dialect dialect, String name) {
    return dialect == Dialect.POSTGRESQL ? "\"" + name.replace("\"", "\"\"") + "\"" : "`" + name.replace("`", "``") + "`";
  }

  static String qualified(Dialect dialect, String schema, String table) {
    return quote(dialect, schema) + "." + quote(dialect, table);
  }

  /** MariaDB columns whose values are bytes: written as hex, loaded through UNHEX. */
  static boolean binary(Backup.Column column) {
    String t = column.type().toLowerCase(java.util.Locale.ROOT);
    return t.contains("blob") || t.contains("binary");
  }
}
