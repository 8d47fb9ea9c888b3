package io.dbdevops.fidelity;

import io.dbdevops.testdb.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The test oracle: what the engine's own catalog says, queried directly (pg_catalog on PostgreSQL,
 * information_schema on MariaDB, INFORMATION_SCHEMA on H2), without SchemaCrawler or any snapshot code.
 * Names are lower case; Liquibase's own tables are left out.
 */
record Catalog(Map<String, CatalogTable> tables) {

  /** {@code nativeType} is the engine's full spelling ({@code tinyint(4)}, {@code character varying(30)}, {@code oid}). */
  record CatalogColumn(String name, String nativeType, boolean nullable, Optional<String> defaultValue, boolean identity) {
  }

  /** Rules are lower-case SQL words as the catalog gives them ({@code restrict}, {@code no action}, …). */
  record CatalogFk(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
      String onDelete, String onUpdate) {
  }

  record CatalogUnique(String name, List<String> columns) {
  }

  /**
   * An index; {@code madeForConstraint} is what the catalog says about who made it: true when the database made it
   * for a constraint (PostgreSQL: it backs a primary key or unique constraint, {@code pg_constraint.conindid}; H2:
   * {@code INDEXES.IS_GENERATED}; MariaDB: {@code PRIMARY} or a unique constraint), false when the catalog says a user
   * made it, empty when the catalog cannot tell (MariaDB: an index named like a foreign key, made by InnoDB for it or by
   * a createIndex before it).
   */
  record CatalogIndex(String name, List<String> columns, boolean unique, Optional<Boolean> madeForConstraint) {
  }

  static final class CatalogTable {
    final String name;
    final List<CatalogColumn> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    final Map<String, CatalogFk> foreignKeys = new TreeMap<>();
    final Map<String, CatalogUnique> uniques = new TreeMap<>();
    final Map<String, CatalogIndex> indexes = new TreeMap<>();

    CatalogTable(String name) {
      this.name = name;
    }

    Optional<CatalogColumn> column(String n) {
      return columns.stream().filter(c -> c.name().equals(n)).findFirst();
    }
  }

  static Catalog read(Connection c, Engine engine, String schema) throws SQLException {
    return switch (engine) {
      case POSTGRESQL -> postgres(c, schema);
      case MARIADB -> mariadb(c, schema);
      case H2 -> h2(c, schema);
    };
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static boolean liquibase(String table) {
    return table.equals("databasechangelog") || table.equals("databasechangeloglock");
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, String schema, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int marks = (int) sql.chars().filter(ch -> ch == '?').count();
      for (int i = 1; i <= marks; i++) {
        ps.setString(i, schema);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Catalog postgres(Connection c, String schema) throws SQLException {
    Map<String, CatalogTable> tables = new TreeMap<>();
    query(c, """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""", schema, rs -> {
          String t = lower(rs.getString(1));
          if (!liquibase(t)) {
            tables.put(t, new CatalogTable(t));
          }
        });
    query(c, """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
          pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum""", schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t != null) {
            boolean identity = rs.getBoolean(6);
            t.columns.add(new CatalogColumn(lower(rs.getString(2)), rs.getString(3), !rs.getBoolean(4),
                identity ? Optional.empty() : Optional.ofNullable(rs.getString(5)), identity));
          }
        });
    // constraints with their columns in key order; FK rules: a no action, r restrict, c cascade, n set null, d set default
    query(c, """
        SELECT c.relname, con.conname, con.contype,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
          fc.relname,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
          con.confdeltype, con.confupdtype
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f')""", schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t == null) {
            return;
          }
          String name = lower(rs.getString(2));
          List<String> cols = List.of(lower(rs.getString(4)).split(","));
          switch (rs.getString(3)) {
            case "p" -> t.primaryKey = cols;
            case "u" -> t.uniques.put(name, new CatalogUnique(name, cols));
            default -> t.foreignKeys.put(name, new CatalogFk(name, cols, lower(rs.getString(5)),
                List.of(lower(rs.getString(6)).split(",")), pgRule(rs.getString(7)), pgRule(rs.getString(8))));
          }
        });
    query(c, """
        SELECT c.relname, ic.relname, i.indisunique,
          (SELECT string_agg(CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname END,
             ',' ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE k.ord <= i.indnkeyatts),
          EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
             AND con.contype IN ('p', 'u', 'x'))
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ?""", schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t != null) {
            String name = lower(rs.getString(2));
            t.indexes.put(name, new CatalogIndex(name, List.of(lower(rs.getString(4)).split(",")), rs.getBoolean(3),
                Optional.of(rs.getBoolean(5))));
          }
        });
    return new Catalog(tables);
  }

  private static String pgRule(String code) {
    return switch (code) {
      case "r" -> "restrict";
      case "c" -> "cascade";
      case "n" -> "set null";
      case "d" -> "set default";
      default -> "no action";
    };
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Catalog mariadb(Connection c, String schema) throws SQLException {
    Map<String, CatalogTable> tables = new TreeMap<>();
    query(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
        schema, rs -> {
          String t = lower(rs.getString(1));
          if (!liquibase(t)) {
            tables.put(t, new CatalogTable(t));
          }
        });
    query(c, """
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION""", schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t != null) {
            boolean identity = String.valueOf(rs.getString(6)).toLowerCase(Locale.ROOT).contains("auto_increment");
            String def = rs.getString(5);
            // MariaDB 10.2+ reports the literal NULL for "defaults to null", and SQL NULL for "no default"
            Optional<String> d = def == null || def.equalsIgnoreCase("NULL") || identity ? Optional.empty() : Optional.of(def);
            t.columns.add(new CatalogColumn(lower(rs.getString(2)), lower(rs.getString(3)), rs.getString(4).equals("YES"), d,
                identity));
          }
        });
    record KeyColumn(String table, String constraint, String column, String refTable, String refColumn) {
    }
    Map<String, List<KeyColumn>> keyColumns = new LinkedHashMap<>();
    query(c, """
        SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
        FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION""",
        schema, rs -> keyColumns.computeIfAbsent(lower(rs.getString(1)) + "/" + lower(rs.getString(2)), k -> new ArrayList<>())
            .add(new KeyColumn(lower(rs.getString(1)), lower(rs.getString(2)), lower(rs.getString(3)), lower(rs.getString(4)),
                lower(rs.getString(5)))));
    Map<String, String[]> rules = new HashMap<>();
    query(c, """
        SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = ?""", schema, rs -> rules.put(lower(rs.getString(1)) + "/" + lower(rs.getString(2)),
            new String[] {lower(rs.getString(3)), lower(rs.getString(4))}));
    query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?",
        schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t == null) {
            return;
          }
          String name = lower(rs.getString(2));
          List<KeyColumn> kc = keyColumns.getOrDefault(t.name + "/" + name, List.of());
          List<String> cols = kc.stream().map(KeyColumn::column).toList();
          switch (rs.getString(3)) {
            case "PRIMARY KEY" -> t.primaryKey = cols;
            case "UNIQUE" -> t.uniques.put(name, new CatalogUnique(name, cols));
            case "FOREIGN KEY" -> {
              String[] r = rules.get(t.name + "/" + name);
              t.foreignKeys.put(name, new CatalogFk(name, cols, kc.get(0).refTable(),
                  kc.stream().map(KeyColumn::refColumn).toList(), r[0], r[1]));
            }
            default -> {
              // CHECK constraints are not compared here
            }
          }
        });
    Map<String, List<String[]>> indexColumns = new LinkedHashMap<>();
    query(c, """
        SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""", schema,
        rs -> indexColumns.computeIfAbsent(lower(rs.getString(1)) + "/" + lower(rs.getString(2)), k -> new ArrayList<>())
            .add(new String[] {lower(rs.getString(1)), lower(rs.getString(2)), lower(rs.getString(3)), rs.getString(4)}));
    indexColumns.forEach((key, rows) -> {
      CatalogTable t = tables.get(rows.get(0)[0]);
      if (t == null) {
        return;
      }
      String name = rows.get(0)[1];
      boolean madeForKey = name.equals("primary") || t.uniques.containsKey(name);
      t.indexes.put(name, new CatalogIndex(name, rows.stream().map(r -> r[2]).toList(), rows.get(0)[3].equals("0"),
          madeForKey ? Optional.of(true) : Optional.empty()));
    });
    return new Catalog(tables);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** H2 recomputes INFORMATION_SCHEMA per joined row, so every view is read flat and joined here. */
  private static Catalog h2(Connection c, String schema) throws SQLException {
    Map<String, CatalogTable> tables = new TreeMap<>();
    query(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
        schema, rs -> {
          String t = lower(rs.getString(1));
          if (!liquibase(t)) {
            tables.put(t, new CatalogTable(t));
          }
        });
    List<Object[]> columns = new ArrayList<>();
    query(c, """
        SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE,
          COLUMN_DEFAULT, IS_IDENTITY, ORDINAL_POSITION
        FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?""", schema, rs -> {
          String type = rs.getString(3);
          if (type.equals("CHARACTER VARYING") || type.equals("CHARACTER")) {
            type += "(" + rs.getLong(4) + ")";
          } else if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            type += "(" + rs.getInt(5) + "," + rs.getInt(6) + ")";
          }
          columns.add(new Object[] {lower(rs.getString(1)), rs.getInt(10), new CatalogColumn(lower(rs.getString(2)),
              lower(type), rs.getString(7).equals("YES"), Optional.ofNullable(rs.getString(8)), rs.getString(9).equals("YES"))});
        });
    columns.sort(Comparator.comparing((Object[] o) -> (String) o[0]).thenComparing(o -> (Integer) o[1]));
    for (Object[] o : columns) {
      CatalogTable t = tables.get((String) o[0]);
      if (t != null) {
        t.columns.add((CatalogColumn) o[2]);
      }
    }
    record KeyColumn(String table, String column, int position, Integer uniquePosition) {
    }
    Map<String, List<KeyColumn>> keyColumns = new HashMap<>();
    query(c, """
        SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT
        FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = ?""", schema,
        rs -> keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new KeyColumn(lower(rs.getString(2)),
            lower(rs.getString(3)), rs.getInt(4), (Integer) rs.getObject(5))));
    keyColumns.values().forEach(l -> l.sort(Comparator.comparingInt(KeyColumn::position)));
    Map<String, String[]> referential = new HashMap<>();
    query(c, """
        SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = ?""", schema, rs -> referential.put(rs.getString(1),
            new String[] {rs.getString(2), lower(rs.getString(3)), lower(rs.getString(4))}));
    query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?",
        schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t == null) {
            return;
          }
          String raw = rs.getString(2);
          String name = lower(raw);
          List<KeyColumn> kc = keyColumns.getOrDefault(raw, List.of());
          List<String> cols = kc.stream().map(KeyColumn::column).toList();
          switch (rs.getString(3)) {
            case "PRIMARY KEY" -> t.primaryKey = cols;
            case "UNIQUE" -> t.uniques.put(name, new CatalogUnique(name, cols));
            case "FOREIGN KEY" -> {
              String[] r = referential.get(raw);
              List<KeyColumn> target = keyColumns.get(r[0]);
              List<String> refCols = kc.stream().map(k -> target.stream()
                  .filter(p -> p.position() == k.uniquePosition()).findFirst().orElseThrow().column()).toList();
              t.foreignKeys.put(name, new CatalogFk(name, cols, target.get(0).table(), refCols, r[1], r[2]));
            }
            default -> {
              // CHECK constraints are not compared here
            }
          }
        });
    Map<String, List<String[]>> indexColumns = new LinkedHashMap<>();
    query(c, """
        SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.INDEX_COLUMNS
        WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION""", schema,
        rs -> indexColumns.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
            .add(new String[] {lower(rs.getString(1)), lower(rs.getString(3))}));
    query(c, "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME, IS_GENERATED FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ?",
        schema, rs -> {
          CatalogTable t = tables.get(lower(rs.getString(1)));
          if (t != null) {
            String name = lower(rs.getString(2));
            List<String> cols = indexColumns.getOrDefault(rs.getString(2), List.of()).stream().map(r -> r[1]).toList();
            String type = rs.getString(3);
            t.indexes.put(name, new CatalogIndex(name, cols, type.contains("UNIQUE") || type.contains("PRIMARY"),
                Optional.of(rs.getBoolean(4))));
          }
        });
    return new Catalog(tables);
  }
}
