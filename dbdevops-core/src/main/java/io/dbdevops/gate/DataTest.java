package io.dbdevops.gate;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.model.Column;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.snapshot.SnapshotScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of DBD610 fails-on-data that no error shows: a narrowing that cuts values. PostgreSQL's
 * {@code ALTER COLUMN … TYPE varchar(3) USING (name::varchar(3))} (what Liquibase's modifyDataType runs) truncates
 * without an error, so the lengths of the generated texts at the released point are compared with the column sizes
 * after the pending changesets.
 */
final class DataTest {

  private DataTest() {
  }

  /** {@code table.column} → the longest generated value of each sized text column at the released point. */
  static Map<String, Integer> longestTexts(Connection c, Dialect dialect, SnapshotScope scope, SchemaModel released) {
    Map<String, Integer> out = new HashMap<>();
    String schema = scope.schemas().size() == 1 ? dialect.quote(scope.schemas().get(0)) + "." : "";
    for (Table t : released.tables()) {
      for (Column col : t.columns()) {
        String type = col.type().name().toLowerCase(Locale.ROOT);
        if (col.type().size() == null || !(type.contains("char") || type.equals("text"))) {
          continue;
        }
        String sql = "SELECT MAX(" + (dialect == Dialect.MARIADB ? "CHAR_LENGTH" : "LENGTH") + "("
            + dialect.quote(col.name()) + ")) FROM " + schema + dialect.quote(t.name());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          if (rs.next() && rs.getObject(1) != null) {
            out.put(t.name() + "." + col.name(), rs.getInt(1));
          }
        } catch (SQLException e) {
          throw new io.dbdevops.SetupException("data test: cannot measure " + t.name() + "." + col.name() + ": "
              + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** Refuses a column the pending changesets narrowed below the longest value it held, naming the changeset. */
  static void requireNothingCut(Map<String, Integer> longest, SchemaModel after, List<ChangeSetInfo> pending,
      Dialect dialect) {
    for (Table t : after.tables()) {
      for (Column col : t.columns()) {
        Integer held = longest.get(t.name() + "." + col.name());
        if (held == null || col.type().size() == null || col.type().size() >= held) {
          continue;
        }
        Optional<ChangeSetInfo> by = pending.stream().filter(cs -> touches(cs, t.name(), col.name()))
            .reduce((a, b) -> b);
        throw new InvalidChangeException(Gate.DATA_TEST_RULE + " fails-on-data: "
            + by.map(cs -> "changeset " + cs.id() + " (author " + cs.author() + ") in " + cs.location() + " narrows ")
                .orElse("the pending changesets narrow ")
            + t.name() + "." + col.name() + " to " + col.type() + ", and the generated values up to " + held
            + " characters long were cut without an error (" + dialect.word() + " casts them) — on the released point "
            + "filled with generated rows (-Ddbdevops.dataTest=true): a database that holds data loses the rest of "
            + "each longer value; shorten the values first in the changeset, or keep the length (see docs/rules/"
            + Gate.DATA_TEST_RULE + ".md)", null);
      }
    }
  }

  private static boolean touches(ChangeSetInfo cs, String table, String column) {
    for (ChangeInfo change : cs.changes()) {
      String t = change.attributes().getOrDefault("tableName", "");
      String c = change.attributes().getOrDefault("columnName", "");
      if (t.equalsIgnoreCase(table) && (c.equalsIgnoreCase(column)
          || change.columns().stream().anyMatch(ci -> ci.name().equalsIgnoreCase(column)))) {
        return true;
      }
      if (change.sql().map(sql -> sql.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT))).orElse(false)) {
        return true;
      }
    }
    return false;
  }

}
