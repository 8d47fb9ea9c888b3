package io.dbdevops.snapshot;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What a database's catalog says about the owned schemas, exactly as read: names as the database spells them, types,
 * defaults, expressions and view definitions in its own words. {@link CatalogReader} makes the model of it. Two
 * sources fill it in: SchemaCrawler's catalog (MariaDB) and {@link DirectCatalog}'s own queries (PostgreSQL, H2).
 */
final class Crawled {

  private Crawled() {
  }

  /** The owned schemas' tables and views (in the order read) and sequences. */
  record Catalog(List<Table> tables, List<Sequence> sequences) {
  }

  /**
   * A table or view; {@code schema} is the owned schema (MariaDB: database) it is in. Primary-key, index and
   * constraint columns are in key order; a view's definition is empty when the catalog does not show it.
   */
  record Table(String schema, String name, boolean view, List<Column> columns, Optional<List<String>> primaryKey,
      List<ForeignKey> foreignKeys, List<Constraint> constraints, List<Index> indexes, String remarks,
      String definition) {
  }

  /** A column; {@code jdbcType} a {@link java.sql.Types} code; {@code enumType} a PostgreSQL enum type. */
  record Column(String name, String typeName, int jdbcType, int size, int decimalDigits, boolean nullable,
      boolean autoIncremented, String defaultValue, String remarks, boolean enumType) {
  }

  /**
   * A foreign key of the table it is listed on; the rules are {@link java.sql.DatabaseMetaData} {@code importedKey…}
   * codes (-1 unknown).
   */
  record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
      List<String> targetColumns, int deleteRule, int updateRule) {
  }

  enum ConstraintType { UNIQUE, CHECK, OTHER }

  /** A table constraint: a unique constraint's columns, a check's definition (empty when the catalog shows none). */
  record Constraint(ConstraintType type, String name, List<String> columns, String definition) {
  }

  /**
   * An index with its key columns (or, PostgreSQL, key expressions); {@code filterCondition} a partial index's
   * predicate, {@code constraintType} PostgreSQL's {@code p}/{@code u}/{@code x} when the index backs a constraint
   * (both null otherwise).
   */
  record Index(String name, List<String> columns, boolean unique, String filterCondition, String constraintType) {
  }

  /** A sequence; {@code start} null when the catalog reports none. */
  record Sequence(String schema, String name, BigInteger start, long increment, boolean cycle) {
  }
}
