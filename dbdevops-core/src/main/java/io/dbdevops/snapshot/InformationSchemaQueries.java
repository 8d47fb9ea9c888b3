package io.dbdevops.snapshot;

import io.dbdevops.config.Dialect;
import java.util.Map;

/**
 * The information-schema queries SchemaCrawler runs, one per object type, where its defaults fall short: H2 has no
 * SchemaCrawler plugin (so without these it reads no check constraints, views or sequences), and the PostgreSQL
 * plugin reports no sequence start value.
 */
final class InformationSchemaQueries {

  private InformationSchemaQueries() {
  }

  /** Keys are SchemaCrawler's {@code InformationSchemaKey} names. */
  static Map<String, String> forDialect(Dialect dialect) {
    return switch (dialect) {
      case H2 -> Map.of(
          "TABLE_CONSTRAINTS", """
              SELECT CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_TYPE,
                IS_DEFERRABLE, INITIALLY_DEFERRED
              FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS""",
          "CHECK_CONSTRAINTS", """
              SELECT CONSTRAINT_CATALOG, CONSTRAINT_SCHEMA, CONSTRAINT_NAME, CHECK_CLAUSE
              FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS""",
          "VIEWS", """
              SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE
              FROM INFORMATION_SCHEMA.VIEWS""",
          "SEQUENCES", """
              SELECT SEQUENCE_CATALOG, SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT, START_VALUE, MINIMUM_VALUE,
                MAXIMUM_VALUE, CYCLE_OPTION
              FROM INFORMATION_SCHEMA.SEQUENCES""");
      case POSTGRESQL -> Map.of(
          "SEQUENCES", """
              SELECT CURRENT_DATABASE()::INFORMATION_SCHEMA.SQL_IDENTIFIER AS SEQUENCE_CATALOG, SEQUENCE_SCHEMA,
                SEQUENCE_NAME, INCREMENT, START_VALUE, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION
              FROM INFORMATION_SCHEMA.SEQUENCES""");
      case MARIADB -> Map.of();
    };
  }
}
