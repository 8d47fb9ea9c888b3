package io.dbdevops.snapshot;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.model.Column;
import io.dbdevops.model.Row;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.model.TableData;
import io.dbdevops.model.ValueKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the rows of reference tables through JDBC, after the snapshot and on the same session (the shadow's, or the
 * live database's read-only one for drift): one {@code SELECT} of the table's columns per table, each value made
 * canonical by its column's {@link ValueKind}, so H2, PostgreSQL and MariaDB give the same text for the same rows.
 */
public final class RowReader {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * The tables of {@code model} named by {@code names} ({@code <referenceData>}). A name the model does not hold is a
   * {@link SetupException} naming the setting; a table without a primary key an {@link InvalidChangeException}.
   */
  public static List<Table> referenceTables(SchemaModel model, List<String> names, String where) {
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      Optional<Table> t = model.table(name);
      if (t.isEmpty()) {
        throw new SetupException("<referenceData> names the table '" + name + "', which " + where + " does not hold"
            + (model.tables().isEmpty() ? "" : " (its tables: " + String.join(", ",
                model.tables().stream().map(Table::name).toList()) + ")")
            + ": correct <referenceData><table>…</table></referenceData> in the plugin configuration");
      }
      if (t.get().primaryKey().isEmpty()) {
        throw new InvalidChangeException("reference table " + name + " has no primary key: its rows are compared and "
            + "changed by primary key; give it one in the changelog, or take it out of <referenceData>", null);
      }
      tables.add(t.get());
    }
    return tables;
  }

  /** The rows of each table, read in {@code schema} (empty: the session's default). */
  public List<TableData> read(Connection connection, Dialect dialect, Optional<String> schema, List<Table> tables) {
    List<TableData> data = new ArrayList<>();
    for (Table t : tables) {
      data.add(read(connection, dialect, schema, t));
    }
    return data;
  }

  private TableData read(Connection connection, Dialect dialect, Optional<String> schema, Table table) {
    List<Column> columns = table.columns();
    // SELECT *: a column named like a keyword (day, order) was created quoted, in whatever case the engine keeps
    StringBuilder sql = new StringBuilder("SELECT * FROM ");
    int dot = table.name().indexOf('.');
    if (dot > 0) {
      // several schemas: the model names the table schema.table
      sql.append(identifier(dialect, table.name().substring(0, dot))).append('.')
          .append(identifier(dialect, table.name().substring(dot + 1)));
    } else {
      schema.ifPresent(s -> sql.append(identifier(dialect, s)).append('.'));
      sql.append(identifier(dialect, table.name()));
    }
    List<Row> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      java.sql.ResultSetMetaData meta = rs.getMetaData();
      int[] at = new int[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        for (int j = 1; j <= meta.getColumnCount(); j++) {
          if (meta.getColumnLabel(j).equalsIgnoreCase(columns.get(i).name())) {
            at[i] = j;
          }
        }
        if (at[i] == 0) {
          throw new SetupException("cannot read the rows of reference table " + table.name() + ": it has no column "
              + columns.get(i).name() + " on this connection");
        }
      }
      while (rs.next()) {
        List<String> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
          values.add(value(rs, at[i], columns.get(i), table.name()));
        }
        rows.add(new Row(values));
      }
    } catch (SQLException e) {
      throw new SetupException("cannot read the rows of reference table " + table.name() + ": " + e.getMessage(), e);
    }
    return new TableData(table.name(), columns, table.primaryKey().orElseThrow().columns(), rows);
  }

  private static String value(ResultSet rs, int i, Column column, String table) throws SQLException {
    ValueKind kind = ValueKind.of(column.type());
    switch (kind) {
      case INTEGER -> {
        BigDecimal v = rs.getBigDecimal(i);
        return v == null ? null : v.toBigInteger().toString();
      }
      case DECIMAL -> {
        BigDecimal v = rs.getBigDecimal(i);
        return v == null ? null : ValueKind.decimal(v, column.type(), false);
      }
      case FLOAT -> {
        if (column.type().name().equals("real")) {
          float f = rs.getFloat(i);
          return rs.wasNull() ? null : ValueKind.floating(Float.toString(f));
        }
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : ValueKind.floating(Double.toString(d));
      }
      case BOOLEAN -> {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : Boolean.toString(b);
      }
      case DATE -> {
        LocalDate d = rs.getObject(i, LocalDate.class);
        return d == null ? null : d.toString();
      }
      case TIME -> {
        LocalTime t = rs.getObject(i, LocalTime.class);
        return t == null ? null : ValueKind.time(t);
      }
      case TIMESTAMP -> {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : ValueKind.timestamp(t);
      }
      case TIMESTAMP_TZ -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : ValueKind.timestampTz(t);
      }
      case CHAR -> {
        String s = rs.getString(i);
        return s == null ? null : ValueKind.stripTrailingSpaces(s);
      }
      case BINARY -> {
        byte[] b = rs.getBytes(i);
        return b == null ? null : ValueKind.hex(b);
      }
      case UNSUPPORTED -> throw new InvalidChangeException("reference table " + table + ": column " + column.name()
          + " is " + column.type() + " (a PostgreSQL large object), which reference data cannot hold; use bytea "
          + "(Liquibase's varbinary) or take the table out of <referenceData>", null);
      default -> {
        return rs.getString(i);
      }
    }
  }

  private static String identifier(Dialect dialect, String name) {
    if (PLAIN.matcher(name).matches()) {
      return name;
    }
    String q = dialect == Dialect.MARIADB ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }
}
