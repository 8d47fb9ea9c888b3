package io.dbdevops.snapshot;

import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data-dictionary queries, one per object type, keyed by SchemaCrawler's {@code InformationSchemaKey} names:
 * SchemaCrawler runs them on MariaDB, {@link DirectCatalog} on PostgreSQL and H2.
 *
 * <p>Without them SchemaCrawler asks the JDBC driver table by table: {@code getColumns}, {@code getPrimaryKeys},
 * {@code getIndexInfo}, {@code getImportedKeys} and {@code getExportedKeys} for every table, five round trips per
 * table (2,500 for 500 tables; 12–27 s on a local PostgreSQL or MariaDB). With them the snapshot makes the same
 * handful of queries whatever the number of tables: columns, primary keys, foreign keys and indexes
 * ({@link #BULK_KEYS}) each come from one query over the owned schemas.
 *
 * <p>They also read what the drivers leave out: the sequence start value (the PostgreSQL plugin returns none),
 * sequences at all on MariaDB (no {@code information_schema.SEQUENCES} before 11.x), H2's check constraints,
 * views and sequences (H2 has no SchemaCrawler plugin), and, as extra result columns SchemaCrawler keeps as
 * attributes: a partial index's predicate ({@code FILTER_CONDITION}), whether an index key is an expression
 * ({@code IS_EXPRESSION}), a PostgreSQL enum column's labels ({@code ENUM_LABELS}), and which PostgreSQL indexes the
 * database made for a primary key, unique or exclusion constraint ({@code CONSTRAINT_TYPE} {@code p}/{@code u}/{@code x}).
 */
final class InformationSchemaQueries {

  static final String TABLE_COLUMNS = "TABLE_COLUMNS";
  static final String PRIMARY_KEYS = "PRIMARY_KEYS";
  static final String FOREIGN_KEYS = "FOREIGN_KEYS";
  static final String INDEXES = "INDEXES";
  static final String TABLE_CONSTRAINTS = "TABLE_CONSTRAINTS";
  static final String CONSTRAINT_COLUMN_USAGE = "CONSTRAINT_COLUMN_USAGE";
  static final String CHECK_CONSTRAINTS = "CHECK_CONSTRAINTS";
  static final String VIEWS = "VIEWS";

  /** The keys read in bulk instead of per table through {@code DatabaseMetaData}. */
  static final List<String> BULK_KEYS = List.of(TABLE_COLUMNS, PRIMARY_KEYS, FOREIGN_KEYS, INDEXES);

  private InformationSchemaQueries() {
  }

  /**
   * The queries for one dialect, restricted to the owned schemas (PostgreSQL and H2 schemas, MariaDB databases).
   * On MariaDB this lists the sequences first (one query), since each sequence is read from its own table.
   */
  static Map<String, String> forDialect(Dialect dialect, List<String> schemas, Connection connection) throws SQLException {
    String in = ownedSchemas(dialect, schemas);
    Map<String, String> q = new LinkedHashMap<>();
    switch (dialect) {
      case POSTGRESQL -> postgres(q, in);
      case MARIADB -> mariadb(q, in, sequences(connection, schemas));
      case H2 -> h2(q, in, connection, schemas.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
      default -> throw new IllegalArgumentException("no queries for " + dialect);
    }
    return q;
  }

  /**
   * The owned schemas as an SQL list, {@code ('sales', 'stock')}: PostgreSQL and H2 compare lower-cased names; MariaDB
   * compares database names as they are, so that it can answer from the one database's files instead of opening
   * every table on the server.
   */
  static String ownedSchemas(Dialect dialect, List<String> schemas) {
    return schemas.stream().map(s -> dialect == Dialect.MARIADB ? literal(s, true) : literal(s.toLowerCase(Locale.ROOT), false))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static void postgres(Map<String, String> q, String in) {
    // the comments joined rather than COL_DESCRIPTION(C.OID, A.ATTNUM) per column: half the query's time
    q.put(TABLE_COLUMNS, """
        SELECT CURRENT_DATABASE() AS TABLE_CAT, N.NSPNAME AS TABLE_SCHEM, C.RELNAME AS TABLE_NAME, A.ATTNAME AS COLUMN_NAME,
          A.ATTNUM AS ORDINAL_POSITION,
          CASE WHEN A.ATTGENERATED = '' THEN PG_GET_EXPR(D.ADBIN, D.ADRELID) END AS COLUMN_DEF,
          CASE WHEN A.ATTNOTNULL THEN 0 ELSE 1 END AS NULLABLE,
          T.TYPNAME AS TYPE_NAME,
          CASE WHEN T.TYPCATEGORY = 'A' THEN 2003 WHEN T.TYPTYPE = 'e' THEN 1111 ELSE CASE T.TYPNAME
            WHEN 'int8' THEN -5 WHEN 'int4' THEN 4 WHEN 'int2' THEN 5 WHEN 'bool' THEN -7 WHEN 'bit' THEN -7
            WHEN 'numeric' THEN 2 WHEN 'float4' THEN 7 WHEN 'float8' THEN 8 WHEN 'money' THEN 8 WHEN 'varchar' THEN 12
            WHEN 'text' THEN 12 WHEN 'name' THEN 12 WHEN 'bpchar' THEN 1 WHEN 'char' THEN 1
            WHEN 'date' THEN 91 WHEN 'time' THEN 92 WHEN 'timetz' THEN 92 WHEN 'timestamp' THEN 93
            WHEN 'timestamptz' THEN 93 WHEN 'bytea' THEN -2 ELSE 1111 END END AS DATA_TYPE,
          CASE WHEN T.TYPNAME IN ('varchar', 'bpchar') AND A.ATTTYPMOD > 0 THEN A.ATTTYPMOD - 4
            WHEN T.TYPNAME = 'numeric' AND A.ATTTYPMOD > 0 THEN ((A.ATTTYPMOD - 4) >> 16) & 65535
            ELSE 0 END AS COLUMN_SIZE,
          CASE WHEN T.TYPNAME = 'numeric' AND A.ATTTYPMOD > 0 THEN (A.ATTTYPMOD - 4) & 65535
            WHEN T.TYPNAME IN ('timestamp', 'timestamptz', 'time', 'timetz') THEN
              CASE WHEN A.ATTTYPMOD < 0 THEN 6 ELSE A.ATTTYPMOD END
            ELSE 0 END AS DECIMAL_DIGITS,
          CASE WHEN A.ATTIDENTITY <> '' OR PG_GET_EXPR(D.ADBIN, D.ADRELID) LIKE 'nextval(%%' THEN 'YES' ELSE 'NO' END
            AS IS_AUTOINCREMENT,
          CASE WHEN A.ATTGENERATED <> '' THEN 'YES' ELSE 'NO' END AS IS_GENERATEDCOLUMN,
          DS.DESCRIPTION AS REMARKS,
          CASE WHEN T.TYPTYPE = 'e' THEN (SELECT STRING_AGG(QUOTE_LITERAL(E.ENUMLABEL), ', ' ORDER BY E.ENUMSORTORDER)
            FROM PG_ENUM E WHERE E.ENUMTYPID = T.OID) END AS ENUM_LABELS
        FROM PG_ATTRIBUTE A
          JOIN PG_CLASS C ON C.OID = A.ATTRELID
          JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE
          JOIN PG_TYPE T ON T.OID = A.ATTTYPID
          LEFT JOIN PG_ATTRDEF D ON D.ADRELID = A.ATTRELID AND D.ADNUM = A.ATTNUM
          LEFT JOIN PG_DESCRIPTION DS ON DS.OBJOID = C.OID AND DS.CLASSOID = 'pg_class'::REGCLASS AND DS.OBJSUBID = A.ATTNUM
        WHERE A.ATTNUM > 0 AND NOT A.ATTISDROPPED AND C.RELKIND IN ('r', 'p', 'v', 'm', 'f')
          AND LOWER(N.NSPNAME) IN %s""".formatted(in));
    q.put(PRIMARY_KEYS, """
        SELECT CURRENT_DATABASE() AS TABLE_CAT, N.NSPNAME AS TABLE_SCHEM, C.RELNAME AS TABLE_NAME, A.ATTNAME AS COLUMN_NAME,
          K.ORD AS KEY_SEQ, CON.CONNAME AS PK_NAME
        FROM PG_CONSTRAINT CON
          JOIN PG_CLASS C ON C.OID = CON.CONRELID
          JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE
          CROSS JOIN LATERAL UNNEST(CON.CONKEY) WITH ORDINALITY AS K(ATTNUM, ORD)
          JOIN PG_ATTRIBUTE A ON A.ATTRELID = CON.CONRELID AND A.ATTNUM = K.ATTNUM
        WHERE CON.CONTYPE = 'p' AND LOWER(N.NSPNAME) IN %s""".formatted(in));
    q.put(FOREIGN_KEYS, """
        SELECT CURRENT_DATABASE() AS PKTABLE_CAT, PN.NSPNAME AS PKTABLE_SCHEM, PC.RELNAME AS PKTABLE_NAME,
          PA.ATTNAME AS PKCOLUMN_NAME,
          CURRENT_DATABASE() AS FKTABLE_CAT, FN.NSPNAME AS FKTABLE_SCHEM, FC.RELNAME AS FKTABLE_NAME,
          FA.ATTNAME AS FKCOLUMN_NAME, K.ORD AS KEY_SEQ,
          CASE CON.CONFUPDTYPE WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END AS UPDATE_RULE,
          CASE CON.CONFDELTYPE WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END AS DELETE_RULE,
          CON.CONNAME AS FK_NAME, NULL AS PK_NAME,
          CASE WHEN NOT CON.CONDEFERRABLE THEN 7 WHEN CON.CONDEFERRED THEN 5 ELSE 6 END AS DEFERRABILITY
        FROM PG_CONSTRAINT CON
          JOIN PG_CLASS FC ON FC.OID = CON.CONRELID
          JOIN PG_NAMESPACE FN ON FN.OID = FC.RELNAMESPACE
          JOIN PG_CLASS PC ON PC.OID = CON.CONFRELID
          JOIN PG_NAMESPACE PN ON PN.OID = PC.RELNAMESPACE
          CROSS JOIN LATERAL UNNEST(CON.CONKEY, CON.CONFKEY) WITH ORDINALITY AS K(FK_ATT, PK_ATT, ORD)
          JOIN PG_ATTRIBUTE FA ON FA.ATTRELID = CON.CONRELID AND FA.ATTNUM = K.FK_ATT
          JOIN PG_ATTRIBUTE PA ON PA.ATTRELID = CON.CONFRELID AND PA.ATTNUM = K.PK_ATT
        WHERE CON.CONTYPE = 'f' AND (LOWER(FN.NSPNAME) IN %s OR LOWER(PN.NSPNAME) IN %s)""".formatted(in, in));
    q.put(INDEXES, """
        SELECT CURRENT_DATABASE() AS TABLE_CAT, N.NSPNAME AS TABLE_SCHEM, C.RELNAME AS TABLE_NAME,
          NOT I.INDISUNIQUE AS NON_UNIQUE, NULL AS INDEX_QUALIFIER, IC.RELNAME AS INDEX_NAME, 3 AS TYPE,
          K.ORD AS ORDINAL_POSITION,
          CASE WHEN K.ATTNUM = 0 THEN PG_GET_INDEXDEF(I.INDEXRELID, K.ORD::INT, TRUE) ELSE A.ATTNAME END AS COLUMN_NAME,
          CASE WHEN I.INDOPTION[K.ORD - 1] & 1 = 1 THEN 'D' ELSE 'A' END AS ASC_OR_DESC,
          0 AS CARDINALITY, 0 AS PAGES,
          PG_GET_EXPR(I.INDPRED, I.INDRELID, TRUE) AS FILTER_CONDITION,
          CASE WHEN K.ATTNUM = 0 THEN 'YES' ELSE 'NO' END AS IS_EXPRESSION,
          AM.AMNAME AS INDEX_METHOD,
          (SELECT MIN(CON.CONTYPE::TEXT) FROM PG_CONSTRAINT CON WHERE CON.CONINDID = I.INDEXRELID
            AND CON.CONRELID = I.INDRELID AND CON.CONTYPE IN ('p', 'u', 'x')) AS CONSTRAINT_TYPE
        FROM PG_INDEX I
          JOIN PG_CLASS IC ON IC.OID = I.INDEXRELID
          JOIN PG_AM AM ON AM.OID = IC.RELAM
          JOIN PG_CLASS C ON C.OID = I.INDRELID
          JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE
          CROSS JOIN LATERAL UNNEST(I.INDKEY::INT2[]) WITH ORDINALITY AS K(ATTNUM, ORD)
          LEFT JOIN PG_ATTRIBUTE A ON A.ATTRELID = I.INDRELID AND A.ATTNUM = K.ATTNUM
        WHERE K.ORD <= I.INDNKEYATTS AND LOWER(N.NSPNAME) IN %s""".formatted(in));
    // The plugin reads unique and check constraints and view definitions from the information schema of every
    // schema, pg_catalog's included, with one CHECK row per NOT NULL column (500 tables: 3,600 constraint rows,
    // 2,300 check clauses, 140 views, about half the crawl's time). These read the same rows of the owned schemas
    // only, with the information schema's own privilege rules; unique and check constraints are the only kinds the
    // snapshot reads from them (primary and foreign keys come from their own queries above), and NOT NULL is the
    // column's nullability.
    String visibleTable = """
        R.RELKIND IN ('r', 'p') AND NOT PG_IS_OTHER_TEMP_SCHEMA(N.OID)
          AND (PG_HAS_ROLE(R.RELOWNER, 'USAGE') OR HAS_TABLE_PRIVILEGE(R.OID, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR HAS_ANY_COLUMN_PRIVILEGE(R.OID, 'INSERT, UPDATE, REFERENCES'))""";
    q.put(TABLE_CONSTRAINTS, """
        SELECT CURRENT_DATABASE() AS CONSTRAINT_CATALOG, CN.NSPNAME AS CONSTRAINT_SCHEMA, CON.CONNAME AS CONSTRAINT_NAME,
          R.RELNAME AS TABLE_NAME, CASE CON.CONTYPE WHEN 'u' THEN 'UNIQUE' ELSE 'CHECK' END AS CONSTRAINT_TYPE,
          'NO' AS IS_DEFERRABLE, 'NO' AS INITIALLY_DEFERRED
        FROM PG_CONSTRAINT CON
          JOIN PG_NAMESPACE CN ON CN.OID = CON.CONNAMESPACE
          JOIN PG_CLASS R ON R.OID = CON.CONRELID
          JOIN PG_NAMESPACE N ON N.OID = R.RELNAMESPACE
        WHERE CON.CONTYPE IN ('u', 'c') AND LOWER(N.NSPNAME) IN %s AND %s""".formatted(in, visibleTable));
    q.put(CONSTRAINT_COLUMN_USAGE, """
        SELECT CURRENT_DATABASE() AS CONSTRAINT_CATALOG, CN.NSPNAME AS CONSTRAINT_SCHEMA, CON.CONNAME AS CONSTRAINT_NAME,
          R.RELNAME AS TABLE_NAME, A.ATTNAME AS COLUMN_NAME, K.ORD AS ORDINAL_POSITION
        FROM PG_CONSTRAINT CON
          JOIN PG_NAMESPACE CN ON CN.OID = CON.CONNAMESPACE
          JOIN PG_CLASS R ON R.OID = CON.CONRELID
          JOIN PG_NAMESPACE N ON N.OID = R.RELNAMESPACE
          CROSS JOIN LATERAL UNNEST(CON.CONKEY) WITH ORDINALITY AS K(ATTNUM, ORD)
          JOIN PG_ATTRIBUTE A ON A.ATTRELID = CON.CONRELID AND A.ATTNUM = K.ATTNUM
        WHERE CON.CONTYPE = 'u' AND NOT A.ATTISDROPPED AND LOWER(N.NSPNAME) IN %s AND %s
          AND (PG_HAS_ROLE(R.RELOWNER, 'USAGE') OR HAS_COLUMN_PRIVILEGE(R.OID, A.ATTNUM, 'SELECT, INSERT, UPDATE, REFERENCES'))"""
        .formatted(in, visibleTable));
    // as the information schema: the definition without its leading "CHECK ", for the owner only; and its table
    // (none for a domain's check), since two tables may each have a check of the same name
    q.put(CHECK_CONSTRAINTS, """
        SELECT CURRENT_DATABASE() AS CONSTRAINT_CATALOG, CN.NSPNAME AS CONSTRAINT_SCHEMA, CON.CONNAME AS CONSTRAINT_NAME,
          SUBSTRING(PG_GET_CONSTRAINTDEF(CON.OID) FROM 7) AS CHECK_CLAUSE, R.RELNAME AS TABLE_NAME
        FROM PG_CONSTRAINT CON
          JOIN PG_NAMESPACE CN ON CN.OID = CON.CONNAMESPACE
          LEFT JOIN PG_CLASS R ON R.OID = CON.CONRELID
          LEFT JOIN PG_TYPE T ON T.OID = CON.CONTYPID
        WHERE CON.CONTYPE = 'c' AND LOWER(CN.NSPNAME) IN %s
          AND PG_HAS_ROLE(COALESCE(R.RELOWNER, T.TYPOWNER), 'USAGE')""".formatted(in));
    q.put(VIEWS, """
        SELECT CURRENT_DATABASE() AS TABLE_CATALOG, N.NSPNAME AS TABLE_SCHEMA, C.RELNAME AS TABLE_NAME,
          CASE WHEN PG_HAS_ROLE(C.RELOWNER, 'USAGE') THEN PG_GET_VIEWDEF(C.OID) END AS VIEW_DEFINITION
        FROM PG_CLASS C
          JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE
        WHERE C.RELKIND = 'v' AND NOT PG_IS_OTHER_TEMP_SCHEMA(N.OID) AND LOWER(N.NSPNAME) IN %s
          AND (PG_HAS_ROLE(C.RELOWNER, 'USAGE')
            OR HAS_TABLE_PRIVILEGE(C.OID, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR HAS_ANY_COLUMN_PRIVILEGE(C.OID, 'SELECT, INSERT, UPDATE, REFERENCES'))""".formatted(in));
    // the plugin reports no start value; sequences owned by a serial or identity column belong to that column
    q.put("SEQUENCES", """
        SELECT CURRENT_DATABASE() AS SEQUENCE_CATALOG, N.NSPNAME AS SEQUENCE_SCHEMA, C.RELNAME AS SEQUENCE_NAME,
          S.SEQINCREMENT AS INCREMENT, S.SEQSTART AS START_VALUE, S.SEQMIN AS MINIMUM_VALUE, S.SEQMAX AS MAXIMUM_VALUE,
          CASE WHEN S.SEQCYCLE THEN 'YES' ELSE 'NO' END AS CYCLE_OPTION
        FROM PG_SEQUENCE S
          JOIN PG_CLASS C ON C.OID = S.SEQRELID
          JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE
        WHERE LOWER(N.NSPNAME) IN %s
          AND NOT EXISTS (SELECT 1 FROM PG_DEPEND D WHERE D.CLASSID = 'pg_class'::REGCLASS AND D.OBJID = S.SEQRELID
            AND D.REFOBJSUBID > 0 AND D.DEPTYPE IN ('a', 'i'))""".formatted(in));
  }

  private static void mariadb(Map<String, String> q, String in, List<String[]> sequences) {
    q.put(TABLE_COLUMNS, """
        SELECT C.TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, C.TABLE_NAME, C.COLUMN_NAME, C.ORDINAL_POSITION,
          C.COLUMN_DEFAULT AS COLUMN_DEF,
          CASE WHEN C.IS_NULLABLE = 'YES' THEN 1 ELSE 0 END AS NULLABLE,
          CASE WHEN C.COLUMN_TYPE LIKE '%% unsigned%%' THEN CONCAT(C.DATA_TYPE, ' unsigned') ELSE C.DATA_TYPE END
            AS TYPE_NAME,
          CASE C.DATA_TYPE WHEN 'bigint' THEN -5 WHEN 'int' THEN 4 WHEN 'mediumint' THEN 4 WHEN 'smallint' THEN 5
            WHEN 'tinyint' THEN CASE WHEN C.COLUMN_TYPE LIKE 'tinyint(1)%%' THEN -7 ELSE -6 END
            WHEN 'bit' THEN -7 WHEN 'decimal' THEN 3 WHEN 'float' THEN 7 WHEN 'double' THEN 8
            WHEN 'varchar' THEN 12 WHEN 'char' THEN 1 WHEN 'tinytext' THEN -1 WHEN 'text' THEN -1
            WHEN 'mediumtext' THEN -1 WHEN 'longtext' THEN -1 WHEN 'date' THEN 91 WHEN 'datetime' THEN 93
            WHEN 'timestamp' THEN 93 WHEN 'time' THEN 92 WHEN 'binary' THEN -2 WHEN 'varbinary' THEN -3
            WHEN 'tinyblob' THEN -4 WHEN 'blob' THEN -4 WHEN 'mediumblob' THEN -4 WHEN 'longblob' THEN -4
            WHEN 'enum' THEN 12 WHEN 'set' THEN 12 ELSE 1111 END AS DATA_TYPE,
          CASE WHEN C.COLUMN_TYPE LIKE 'tinyint(1)%%' THEN 1
            WHEN C.CHARACTER_MAXIMUM_LENGTH IS NOT NULL THEN C.CHARACTER_MAXIMUM_LENGTH
            ELSE COALESCE(C.NUMERIC_PRECISION, 0) END AS COLUMN_SIZE,
          COALESCE(C.NUMERIC_SCALE, C.DATETIME_PRECISION, 0) AS DECIMAL_DIGITS,
          CASE WHEN C.EXTRA LIKE '%%auto_increment%%' THEN 'YES' ELSE 'NO' END AS IS_AUTOINCREMENT,
          CASE WHEN C.EXTRA LIKE '%%GENERATED%%' THEN 'YES' ELSE 'NO' END AS IS_GENERATEDCOLUMN,
          C.COLUMN_COMMENT AS REMARKS,
          C.COLUMN_TYPE
        FROM INFORMATION_SCHEMA.COLUMNS C
        WHERE C.TABLE_SCHEMA IN %s""".formatted(in));
    q.put(PRIMARY_KEYS, """
        SELECT TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, SEQ_IN_INDEX AS KEY_SEQ,
          INDEX_NAME AS PK_NAME
        FROM INFORMATION_SCHEMA.STATISTICS
        WHERE INDEX_NAME = 'PRIMARY' AND TABLE_SCHEMA IN %s""".formatted(in));
    q.put(FOREIGN_KEYS, """
        SELECT K.REFERENCED_TABLE_SCHEMA AS PKTABLE_CAT, NULL AS PKTABLE_SCHEM, K.REFERENCED_TABLE_NAME AS PKTABLE_NAME,
          K.REFERENCED_COLUMN_NAME AS PKCOLUMN_NAME,
          K.TABLE_SCHEMA AS FKTABLE_CAT, NULL AS FKTABLE_SCHEM, K.TABLE_NAME AS FKTABLE_NAME, K.COLUMN_NAME AS FKCOLUMN_NAME,
          K.ORDINAL_POSITION AS KEY_SEQ,
          CASE R.UPDATE_RULE WHEN 'CASCADE' THEN 0 WHEN 'RESTRICT' THEN 1 WHEN 'SET NULL' THEN 2 WHEN 'SET DEFAULT' THEN 4
            ELSE 3 END AS UPDATE_RULE,
          CASE R.DELETE_RULE WHEN 'CASCADE' THEN 0 WHEN 'RESTRICT' THEN 1 WHEN 'SET NULL' THEN 2 WHEN 'SET DEFAULT' THEN 4
            ELSE 3 END AS DELETE_RULE,
          K.CONSTRAINT_NAME AS FK_NAME, R.UNIQUE_CONSTRAINT_NAME AS PK_NAME, 7 AS DEFERRABILITY
        FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K
          JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS R
            ON R.CONSTRAINT_SCHEMA = K.CONSTRAINT_SCHEMA AND R.CONSTRAINT_NAME = K.CONSTRAINT_NAME
              AND R.TABLE_NAME = K.TABLE_NAME
        WHERE K.REFERENCED_TABLE_NAME IS NOT NULL
          AND (K.TABLE_SCHEMA IN %s OR K.REFERENCED_TABLE_SCHEMA IN %s)""".formatted(in, in));
    q.put(INDEXES, """
        SELECT TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, TABLE_NAME, NON_UNIQUE, NULL AS INDEX_QUALIFIER,
          INDEX_NAME, 3 AS TYPE, SEQ_IN_INDEX AS ORDINAL_POSITION,
          CASE WHEN SUB_PART IS NULL THEN COLUMN_NAME ELSE CONCAT(COLUMN_NAME, '(', SUB_PART, ')') END AS COLUMN_NAME,
          COLLATION AS ASC_OR_DESC,
          CARDINALITY, 0 AS PAGES, NULL AS FILTER_CONDITION, 'NO' AS IS_EXPRESSION, SUB_PART, INDEX_TYPE AS INDEX_METHOD
        FROM INFORMATION_SCHEMA.STATISTICS
        WHERE TABLE_SCHEMA IN %s""".formatted(in));
    // MariaDB 10.x keeps each sequence in a one-row table of its own: read them all in one UNION
    if (sequences.isEmpty()) {
      q.put("SEQUENCES", """
          SELECT NULL AS SEQUENCE_CATALOG, NULL AS SEQUENCE_SCHEMA, NULL AS SEQUENCE_NAME, NULL AS INCREMENT,
            NULL AS START_VALUE, NULL AS MINIMUM_VALUE, NULL AS MAXIMUM_VALUE, NULL AS CYCLE_OPTION
          FROM DUAL WHERE 1 = 0""");
    } else {
      List<String> selects = new ArrayList<>();
      for (String[] s : sequences) {
        selects.add("SELECT " + literal(s[0], true) + " AS SEQUENCE_CATALOG, NULL AS SEQUENCE_SCHEMA, " + literal(s[1], true)
            + " AS SEQUENCE_NAME, INCREMENT AS INCREMENT, START_VALUE, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION FROM "
            + backquoted(s[0]) + "." + backquoted(s[1]));
      }
      q.put("SEQUENCES", String.join("\nUNION ALL\n", selects));
    }
  }

  private static void h2(Map<String, String> q, String in, Connection connection, java.util.Set<String> owned)
      throws SQLException {
    q.put(TABLE_COLUMNS, """
        SELECT TABLE_CATALOG AS TABLE_CAT, TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,
          COLUMN_DEFAULT AS COLUMN_DEF,
          CASE WHEN IS_NULLABLE = 'YES' THEN 1 ELSE 0 END AS NULLABLE,
          DATA_TYPE AS TYPE_NAME,
          CASE DATA_TYPE WHEN 'BIGINT' THEN -5 WHEN 'INTEGER' THEN 4 WHEN 'SMALLINT' THEN 5 WHEN 'TINYINT' THEN -6
            WHEN 'BOOLEAN' THEN 16 WHEN 'NUMERIC' THEN 2 WHEN 'DECFLOAT' THEN 2 WHEN 'REAL' THEN 7
            WHEN 'DOUBLE PRECISION' THEN 8 WHEN 'CHARACTER VARYING' THEN 12 WHEN 'VARCHAR_IGNORECASE' THEN 12
            WHEN 'CHARACTER' THEN 1 WHEN 'CHARACTER LARGE OBJECT' THEN 2005 WHEN 'DATE' THEN 91 WHEN 'TIME' THEN 92
            WHEN 'TIME WITH TIME ZONE' THEN 2013 WHEN 'TIMESTAMP' THEN 93 WHEN 'TIMESTAMP WITH TIME ZONE' THEN 2014
            WHEN 'BINARY' THEN -2 WHEN 'BINARY VARYING' THEN -3 WHEN 'BINARY LARGE OBJECT' THEN 2004
            ELSE 1111 END AS DATA_TYPE,
          COALESCE(CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, 0) AS COLUMN_SIZE,
          COALESCE(NUMERIC_SCALE, DATETIME_PRECISION, 0) AS DECIMAL_DIGITS,
          CASE WHEN IS_IDENTITY = 'YES' THEN 'YES' ELSE 'NO' END AS IS_AUTOINCREMENT,
          CASE WHEN IS_GENERATED = 'ALWAYS' THEN 'YES' ELSE 'NO' END AS IS_GENERATEDCOLUMN,
          REMARKS, NULL AS ENUM_LABELS
        FROM INFORMATION_SCHEMA.COLUMNS
        WHERE LOWER(TABLE_SCHEMA) IN %s""".formatted(in));
    q.put(PRIMARY_KEYS, """
        SELECT TABLE_CATALOG AS TABLE_CAT, TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, COLUMN_NAME,
          ORDINAL_POSITION AS KEY_SEQ, CONSTRAINT_NAME AS PK_NAME
        FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
        WHERE LOWER(TABLE_SCHEMA) IN %s AND (CONSTRAINT_SCHEMA, CONSTRAINT_NAME) IN (
          SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
          WHERE CONSTRAINT_TYPE = 'PRIMARY KEY')""".formatted(in));
    q.put(FOREIGN_KEYS, h2ForeignKeys(connection, owned));
    // H2 computes its information schema on the fly and joins its tables row by row (500 tables: 3 s for
    // INDEXES joined to INDEX_COLUMNS); INDEX_COLUMNS alone has all an index needs
    q.put(INDEXES, """
        SELECT TABLE_CATALOG AS TABLE_CAT, TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, NOT IS_UNIQUE AS NON_UNIQUE,
          INDEX_CATALOG AS INDEX_QUALIFIER, INDEX_NAME, 3 AS TYPE, ORDINAL_POSITION, COLUMN_NAME,
          CASE WHEN ORDERING_SPECIFICATION = 'DESC' THEN 'D' ELSE 'A' END AS ASC_OR_DESC, 0 AS CARDINALITY,
          0 AS PAGES, NULL AS FILTER_CONDITION, 'NO' AS IS_EXPRESSION, NULL AS CONSTRAINT_TYPE
        FROM INFORMATION_SCHEMA.INDEX_COLUMNS
        WHERE LOWER(TABLE_SCHEMA) IN %s""".formatted(in));
    // the columns of unique constraints, in key order
    q.put(CONSTRAINT_COLUMN_USAGE, """
        SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION
        FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
        WHERE LOWER(TABLE_SCHEMA) IN %s""".formatted(in));
    // check constraints name no table here: their names are unique in the schema (TABLE_CONSTRAINTS has the table)
    q.put(TABLE_CONSTRAINTS, """
        SELECT CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_TYPE,
          IS_DEFERRABLE, INITIALLY_DEFERRED
        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
        WHERE LOWER(TABLE_SCHEMA) IN %s""".formatted(in));
    q.put(CHECK_CONSTRAINTS, """
        SELECT CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME, CHECK_CLAUSE
        FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS
        WHERE LOWER(CONSTRAINT_SCHEMA) IN %s""".formatted(in));
    q.put(VIEWS, """
        SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE
        FROM INFORMATION_SCHEMA.VIEWS
        WHERE LOWER(TABLE_SCHEMA) IN %s""".formatted(in));
    q.put("SEQUENCES", """
        SELECT SEQUENCE_CATALOG, SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT, START_VALUE, MINIMUM_VALUE,
          MAXIMUM_VALUE, CYCLE_OPTION
        FROM INFORMATION_SCHEMA.SEQUENCES
        WHERE LOWER(SEQUENCE_SCHEMA) IN %s""".formatted(in));
  }

  /**
   * H2's foreign keys as a constant query. Joining H2's REFERENTIAL_CONSTRAINTS to KEY_COLUMN_USAGE twice takes
   * seconds for a few hundred tables (the information schema is recomputed for each joined row), so both are read
   * flat, once each, joined here, and handed to SchemaCrawler as a {@code VALUES} list.
   */
  private static String h2ForeignKeys(Connection connection, java.util.Set<String> owned) throws SQLException {
    record Key(String schema, String name) {
    }
    record KeyColumn(String catalog, String schema, String table, String column, int position, int uniquePosition) {
    }
    Map<Key, List<KeyColumn>> columns = new java.util.HashMap<>();
    try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME,
          ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT
        FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE""")) {
      while (rs.next()) {
        columns.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
            .add(new KeyColumn(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)));
      }
    }
    List<String> rows = new ArrayList<>();
    try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
        FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS""")) {
      while (rs.next()) {
        List<KeyColumn> fk = columns.getOrDefault(new Key(rs.getString(1), rs.getString(2)), List.of());
        List<KeyColumn> pk = columns.getOrDefault(new Key(rs.getString(3), rs.getString(4)), List.of());
        for (KeyColumn f : fk) {
          KeyColumn p = pk.stream().filter(c -> c.position() == f.uniquePosition()).findFirst().orElse(null);
          if (p == null || !owned.contains(f.schema().toLowerCase(Locale.ROOT))
              && !owned.contains(p.schema().toLowerCase(Locale.ROOT))) {
            continue;
          }
          rows.add("(" + String.join(", ", literal(p.catalog(), false), literal(p.schema(), false), literal(p.table(), false),
              literal(p.column(), false), literal(f.catalog(), false), literal(f.schema(), false), literal(f.table(), false),
              literal(f.column(), false), String.valueOf(f.position()), String.valueOf(rule(rs.getString(5))),
              String.valueOf(rule(rs.getString(6))), literal(rs.getString(2), false), literal(rs.getString(4), false), "7") + ")");
        }
      }
    }
    String names = "PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, PKCOLUMN_NAME, FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME, "
        + "FKCOLUMN_NAME, KEY_SEQ, UPDATE_RULE, DELETE_RULE, FK_NAME, PK_NAME, DEFERRABILITY";
    if (rows.isEmpty()) {
      return "SELECT " + java.util.Arrays.stream(names.split(", ")).map(n -> "NULL AS " + n).collect(Collectors.joining(", "))
          + " FROM DUAL WHERE 1 = 0";
    }
    return "SELECT * FROM (VALUES\n" + String.join(",\n", rows) + "\n) AS FK(" + names + ")";
  }

  /** A JDBC {@code importedKey…} rule code from the SQL-standard rule name. */
  private static int rule(String rule) {
    return switch (rule == null ? "" : rule) {
      case "CASCADE" -> java.sql.DatabaseMetaData.importedKeyCascade;
      case "RESTRICT" -> java.sql.DatabaseMetaData.importedKeyRestrict;
      case "SET NULL" -> java.sql.DatabaseMetaData.importedKeySetNull;
      case "SET DEFAULT" -> java.sql.DatabaseMetaData.importedKeySetDefault;
      default -> java.sql.DatabaseMetaData.importedKeyNoAction;
    };
  }

  /** MariaDB's sequences in the owned databases, as (database, name) pairs: one query. */
  private static List<String[]> sequences(Connection connection, List<String> schemas) throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(schemas.size(), "?"));
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
        + "WHERE TABLE_TYPE = 'SEQUENCE' AND TABLE_SCHEMA IN (" + marks + ") ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
      for (int i = 0; i < schemas.size(); i++) {
        ps.setString(i + 1, schemas.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return out;
  }

  static String literal(String s, boolean backslashEscapes) {
    String v = backslashEscapes ? s.replace("\\", "\\\\") : s;
    return "'" + v.replace("'", "''") + "'";
  }

  private static String backquoted(String s) {
    return "`" + s.replace("`", "``") + "`";
  }
}
