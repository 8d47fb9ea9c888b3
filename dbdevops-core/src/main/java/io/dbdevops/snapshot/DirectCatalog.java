package io.dbdevops.snapshot;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL's and H2's catalogs read directly: the tables and views of the owned schemas (PostgreSQL: the driver's
 * {@code DatabaseMetaData.getTables}, types TABLE and VIEW; H2: {@code INFORMATION_SCHEMA.TABLES}) and the
 * {@link InformationSchemaQueries} for columns, keys, indexes, constraints, views and sequences, one query each,
 * assembled into a {@link Crawled.Catalog} as SchemaCrawler assembles them.
 *
 * <p>Why not SchemaCrawler: profiled on 500 tables, its catalog building was about 95% of the snapshot, and half of
 * that sorted result-set columns: SchemaCrawler's {@code MetadataResultSet} looks each value up by name in a list it
 * copies and sorts on every lookup (5,250 column rows × 14 values), then sorts all tables topologically by their
 * foreign keys; neither can be switched off. Reading the same rows with plain JDBC takes a tenth of that. The values
 * are read as SchemaCrawler reads them (strings trimmed, absent numbers 0, {@code YES}/{@code true}/non-zero as
 * true), so the model is the one its catalog gave; only a check constraint is now matched to its own table, where
 * SchemaCrawler matched check definitions by schema and name and so mixed up two tables' checks of the same name.
 */
final class DirectCatalog {

  private static final String[] TABLE_TYPES = {"TABLE", "VIEW"};

  private DirectCatalog() {
  }

  /** The dialects whose {@link InformationSchemaQueries} cover everything the model needs. */
  static boolean reads(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL || dialect == Dialect.H2;
  }

  static Crawled.Catalog read(Connection connection, Dialect dialect, SnapshotScope scope) throws SQLException {
    Map<String, String> queries = InformationSchemaQueries.forDialect(dialect, scope.schemas(), connection);
    Set<String> owned = scope.schemas().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    String in = InformationSchemaQueries.ownedSchemas(dialect, scope.schemas());
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(dialect == Dialect.H2
        ? "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOWER(SCHEMA_NAME) IN " + in
        : "SELECT 1 FROM PG_NAMESPACE WHERE LOWER(NSPNAME) IN " + in)) {
      if (!rs.next()) {
        // as SchemaCrawler did: a schema that is not there is a wrong setting, not an empty schema
        throw new SetupException("the database has no schema " + String.join(", ", scope.schemas()));
      }
    }
    Map<Key, TableRows> tables = new LinkedHashMap<>();
    // SchemaCrawler's table list: the driver's, in the owned schemas (those named pg_… are the driver's temporary
    // ones); H2's information schema names the same (its driver's getTables says BASE TABLE, not TABLE)
    try (Statement st = connection.createStatement(); ResultSet rs = dialect == Dialect.H2
        ? st.executeQuery("SELECT TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'VIEW' "
            + "ELSE 'TABLE' END AS TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE IN ('BASE TABLE', "
            + "'VIEW') AND LOWER(TABLE_SCHEMA) IN " + in + " ORDER BY TABLE_SCHEMA, TABLE_NAME")
        : connection.getMetaData().getTables(null, null, "%", TABLE_TYPES)) {
      while (rs.next()) {
        String schema = string(rs, "TABLE_SCHEM");
        String name = string(rs, "TABLE_NAME");
        String type = string(rs, "TABLE_TYPE");
        if (schema == null || name == null || type == null || !owned.contains(schema.toLowerCase(Locale.ROOT))) {
          continue;
        }
        tables.putIfAbsent(new Key(schema, name), new TableRows(schema, name, type.equalsIgnoreCase("VIEW"),
            string(rs, "REMARKS")));
      }
    }
    try (Statement st = connection.createStatement()) {
      rows(st, queries.get(InformationSchemaQueries.TABLE_COLUMNS), rs -> {
        TableRows t = tables.get(new Key(string(rs, "TABLE_SCHEM"), string(rs, "TABLE_NAME")));
        String name = string(rs, "COLUMN_NAME");
        if (t != null && !isBlank(name)) {
          String typeName = string(rs, "TYPE_NAME");
          t.columns.put(name, new ColumnRow(integer(rs, "ORDINAL_POSITION", 0), new Crawled.Column(name,
              columnTypeName(typeName), integer(rs, "DATA_TYPE", 0), integer(rs, "COLUMN_SIZE", 0),
              integer(rs, "DECIMAL_DIGITS", 0), integer(rs, "NULLABLE", DatabaseMetaData.columnNullableUnknown)
              == DatabaseMetaData.columnNullable, bool(rs, "IS_AUTOINCREMENT"), string(rs, "COLUMN_DEF"),
              string(rs, "REMARKS"), rs.getObject("ENUM_LABELS") != null)));
        }
      });
      rows(st, queries.get(InformationSchemaQueries.PRIMARY_KEYS), rs -> {
        TableRows t = tables.get(new Key(string(rs, "TABLE_SCHEM"), string(rs, "TABLE_NAME")));
        if (t != null) {
          if (t.primaryKey == null) {
            t.primaryKey = new LinkedHashMap<>();
          }
          String column = string(rs, "COLUMN_NAME");
          if (column != null && t.columns.containsKey(column)) {
            t.primaryKey.put(column, integer(rs, "KEY_SEQ", 1));
          }
        }
      });
      Map<Key, ForeignKeyRows> foreignKeys = new LinkedHashMap<>();
      rows(st, queries.get(InformationSchemaQueries.FOREIGN_KEYS), rs -> {
        String pkSchema = string(rs, "PKTABLE_SCHEM");
        String pkTable = string(rs, "PKTABLE_NAME");
        String pkColumn = string(rs, "PKCOLUMN_NAME");
        TableRows fkTable = tables.get(new Key(string(rs, "FKTABLE_SCHEM"), string(rs, "FKTABLE_NAME")));
        String fkColumn = string(rs, "FKCOLUMN_NAME");
        TableRows target = tables.get(new Key(pkSchema, pkTable));
        boolean fkColumnKnown = fkTable != null && fkColumn != null && fkTable.columns.containsKey(fkColumn);
        boolean pkColumnKnown = target != null && pkColumn != null && target.columns.containsKey(pkColumn);
        String name = string(rs, "FK_NAME");
        // a foreign key of an owned table; the referenced table may be outside the owned schemas
        if (fkTable == null || isBlank(name) || isBlank(fkColumn) || isBlank(pkColumn) || !fkColumnKnown && !pkColumnKnown) {
          return;
        }
        ForeignKeyRows fk = foreignKeys.computeIfAbsent(new Key(fkTable.schema + "\u0000" + fkTable.name, name),
            k -> new ForeignKeyRows(fkTable, name, pkSchema, pkTable));
        fk.references.add(new Reference(integer(rs, "KEY_SEQ", 0), fkColumn, pkColumn));
        fk.attached |= fkColumnKnown;
        fk.updateRule = integer(rs, "UPDATE_RULE", -1);
        fk.deleteRule = integer(rs, "DELETE_RULE", -1);
      });
      foreignKeys.values().stream().filter(fk -> fk.attached).forEach(fk -> fk.table.foreignKeys.add(fk));
      rows(st, queries.get(InformationSchemaQueries.INDEXES), rs -> {
        TableRows t = tables.get(new Key(string(rs, "TABLE_SCHEM"), string(rs, "TABLE_NAME")));
        String column = string(rs, "COLUMN_NAME");
        String name = string(rs, "INDEX_NAME");
        if (t == null || isBlank(column) || isBlank(name)) {
          return;
        }
        IndexRows index = t.indexes.computeIfAbsent(name, IndexRows::new);
        index.columns.put(column, integer(rs, "ORDINAL_POSITION", 0));
        index.unique = !bool(rs, "NON_UNIQUE");
        Object filter = rs.getObject("FILTER_CONDITION");
        index.filterCondition = filter == null ? null : String.valueOf(filter);
        Object constraintType = rs.getObject("CONSTRAINT_TYPE");
        index.constraintType = constraintType == null ? null : String.valueOf(constraintType);
      });
      // H2's check constraints name no table: a constraint name is unique in its schema there
      Map<Key, TableRows> constraintTables = new HashMap<>();
      rows(st, queries.get(InformationSchemaQueries.TABLE_CONSTRAINTS), rs -> {
        TableRows t = tables.get(new Key(string(rs, "CONSTRAINT_SCHEMA"), string(rs, "TABLE_NAME")));
        String name = string(rs, "CONSTRAINT_NAME");
        if (t != null && name != null) {
          String type = string(rs, "CONSTRAINT_TYPE");
          t.constraints.put(name, new ConstraintRows(name, "UNIQUE".equalsIgnoreCase(type) ? Crawled.ConstraintType.UNIQUE
              : "CHECK".equalsIgnoreCase(type) ? Crawled.ConstraintType.CHECK : Crawled.ConstraintType.OTHER));
          constraintTables.put(new Key(string(rs, "CONSTRAINT_SCHEMA"), name), t);
        }
      });
      rows(st, queries.get(InformationSchemaQueries.CONSTRAINT_COLUMN_USAGE), rs -> {
        TableRows t = tables.get(new Key(string(rs, "CONSTRAINT_SCHEMA"), string(rs, "TABLE_NAME")));
        ConstraintRows c = t == null ? null : t.constraints.get(string(rs, "CONSTRAINT_NAME"));
        String column = string(rs, "COLUMN_NAME");
        if (c != null && column != null && t.columns.containsKey(column)) {
          c.columns.put(column, integer(rs, "ORDINAL_POSITION", 0));
        }
      });
      boolean checksNameTables = dialect != Dialect.H2;
      rows(st, queries.get(InformationSchemaQueries.CHECK_CONSTRAINTS), rs -> {
        TableRows t = checksNameTables ? tables.get(new Key(string(rs, "CONSTRAINT_SCHEMA"), string(rs, "TABLE_NAME")))
            : constraintTables.get(new Key(string(rs, "CONSTRAINT_SCHEMA"), string(rs, "CONSTRAINT_NAME")));
        ConstraintRows c = t == null ? null : t.constraints.get(string(rs, "CONSTRAINT_NAME"));
        String clause = string(rs, "CHECK_CLAUSE");
        if (c != null && clause != null) {
          c.definition.append(clause);
        }
      });
      rows(st, queries.get(InformationSchemaQueries.VIEWS), rs -> {
        TableRows v = tables.get(new Key(string(rs, "TABLE_SCHEMA"), string(rs, "TABLE_NAME")));
        String definition = string(rs, "VIEW_DEFINITION");
        if (v != null && v.view && definition != null) {
          v.definition.append(definition);
        }
      });
      List<Crawled.Sequence> sequences = new ArrayList<>();
      rows(st, queries.get("SEQUENCES"), rs -> {
        String schema = string(rs, "SEQUENCE_SCHEMA");
        if (schema != null && owned.contains(schema.toLowerCase(Locale.ROOT))) {
          BigInteger increment = bigInteger(rs, "INCREMENT");
          sequences.add(new Crawled.Sequence(schema, string(rs, "SEQUENCE_NAME"), bigInteger(rs, "START_VALUE"),
              increment == null ? 1L : increment.longValue(), bool(rs, "CYCLE_OPTION")));
        }
      });
      return new Crawled.Catalog(tables.values().stream().map(TableRows::crawled).toList(), sequences);
    }
  }

  private record Key(String schema, String name) {
  }

  private record ColumnRow(int position, Crawled.Column column) {
  }

  private record Reference(int sequence, String column, String targetColumn) {
  }

  private static final class TableRows {
    final String schema;
    final String name;
    final boolean view;
    final String remarks;
    final Map<String, ColumnRow> columns = new HashMap<>();
    Map<String, Integer> primaryKey;
    final List<ForeignKeyRows> foreignKeys = new ArrayList<>();
    final Map<String, IndexRows> indexes = new LinkedHashMap<>();
    final Map<String, ConstraintRows> constraints = new LinkedHashMap<>();
    final StringBuilder definition = new StringBuilder();

    TableRows(String schema, String name, boolean view, String remarks) {
      this.schema = schema;
      this.name = name;
      this.view = view;
      this.remarks = remarks;
    }

    Crawled.Table crawled() {
      List<Crawled.Column> cols = columns.values().stream()
          .sorted(Comparator.comparingInt(ColumnRow::position).thenComparing(c -> c.column().name()))
          .map(ColumnRow::column).toList();
      return new Crawled.Table(schema, name, view, cols, Optional.ofNullable(primaryKey).map(DirectCatalog::inKeyOrder),
          foreignKeys.stream().map(ForeignKeyRows::crawled).toList(),
          constraints.values().stream().map(ConstraintRows::crawled).toList(),
          indexes.values().stream().map(IndexRows::crawled).toList(), remarks, definition.toString());
    }
  }

  private static final class ForeignKeyRows {
    final TableRows table;
    final String name;
    final String targetSchema;
    final String targetTable;
    final List<Reference> references = new ArrayList<>();
    boolean attached;
    int updateRule;
    int deleteRule;

    ForeignKeyRows(TableRows table, String name, String targetSchema, String targetTable) {
      this.table = table;
      this.name = name;
      this.targetSchema = targetSchema;
      this.targetTable = targetTable;
    }

    Crawled.ForeignKey crawled() {
      List<Reference> ordered = references.stream().sorted(Comparator.comparingInt(Reference::sequence)
          .thenComparing(Reference::column)).toList();
      return new Crawled.ForeignKey(name, ordered.stream().map(Reference::column).toList(), targetSchema, targetTable,
          ordered.stream().map(Reference::targetColumn).toList(), deleteRule, updateRule);
    }
  }

  private static final class IndexRows {
    final String name;
    final Map<String, Integer> columns = new LinkedHashMap<>();
    boolean unique;
    String filterCondition;
    String constraintType;

    IndexRows(String name) {
      this.name = name;
    }

    Crawled.Index crawled() {
      return new Crawled.Index(name, inKeyOrder(columns), unique, filterCondition, constraintType);
    }
  }

  private static final class ConstraintRows {
    final String name;
    final Crawled.ConstraintType type;
    final Map<String, Integer> columns = new LinkedHashMap<>();
    final StringBuilder definition = new StringBuilder();

    ConstraintRows(String name, Crawled.ConstraintType type) {
      this.name = name;
      this.type = type;
    }

    Crawled.Constraint crawled() {
      return new Crawled.Constraint(type, name, inKeyOrder(columns), definition.toString());
    }
  }

  /** Column names by their position in a key (then by name, as SchemaCrawler orders them). */
  private static List<String> inKeyOrder(Map<String, Integer> positions) {
    return positions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void rows(Statement st, String sql, Row row) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
  }

  /** A value as SchemaCrawler reads it: trimmed, null when NULL. */
  private static String string(ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? null : v.trim();
  }

  /** A number; past the range of an int (H2's length of a CLOB is Long.MAX_VALUE), the largest int. */
  private static int integer(ResultSet rs, String column, int absent) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? absent : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  /** True for a non-zero number, {@code yes} or {@code true}; false for NULL (as SchemaCrawler reads flags). */
  private static boolean bool(ResultSet rs, String column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      return false;
    }
    String s = String.valueOf(v).trim();
    if (!s.isEmpty() && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '-')) {
      return !"0".equals(s);
    }
    return s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("true");
  }

  private static BigInteger bigInteger(ResultSet rs, String column) throws SQLException {
    String v = string(rs, column);
    if (isBlank(v)) {
      return null;
    }
    try {
      return new BigInteger(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The type's own name: the last part of a qualified name, unquoted. */
  private static String columnTypeName(String typeName) {
    if (isBlank(typeName)) {
      return typeName;
    }
    String[] parts = typeName.split("\\.");
    String name = parts.length > 0 ? parts[parts.length - 1] : null;
    if (name != null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return isBlank(name) ? typeName : name;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
