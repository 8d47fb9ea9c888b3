package io.dbdevops.state;

/** The keys of the state file format, shared by reader and writer. */
final class StateKeys {

  static final String TABLE = "table";
  static final String VIEW = "view";
  static final String SEQUENCE = "sequence";
  static final String COMMENT = "comment";
  static final String COLUMNS = "columns";
  static final String NAME = "name";
  static final String TYPE = "type";
  static final String NULLABLE = "nullable";
  static final String DEFAULT = "default";
  static final String IDENTITY = "identity";
  static final String PRIMARY_KEY = "primaryKey";
  static final String FOREIGN_KEYS = "foreignKeys";
  static final String REFERENCES = "references";
  static final String REFERENCED_COLUMNS = "referencedColumns";
  static final String ON_DELETE = "onDelete";
  static final String ON_UPDATE = "onUpdate";
  static final String UNIQUE_CONSTRAINTS = "uniqueConstraints";
  static final String INDEXES = "indexes";
  static final String UNIQUE = "unique";
  static final String WHERE = "where";
  static final String DIALECT_SPECIFIC = "dialectSpecific";
  static final String CHECKS = "checks";
  static final String EXPRESSION = "expression";
  static final String DEFINITION = "definition";
  static final String START = "start";
  static final String INCREMENT = "increment";
  static final String CYCLE = "cycle";

  private StateKeys() {
  }
}
