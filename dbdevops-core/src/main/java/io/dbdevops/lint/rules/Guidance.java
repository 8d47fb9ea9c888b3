package io.dbdevops.lint.rules;

/** The safe sequences the destructive and incompatible rules recommend, worded once. */
final class Guidance {

  static final String COLUMN_EXPAND_CONTRACT = "Expand/contract: add the new column, backfill it, switch readers and "
      + "writers to it, and drop the old one in a later release, once no running version reads it";
  static final String TABLE_EXPAND_CONTRACT = "Expand/contract: add the new table, backfill it, switch readers and "
      + "writers to it, and drop the old one in a later release, once no running version reads it";
  static final String RENAME_COLUMN = "Expand/contract: add the new column, backfill it (keep both in sync while both "
      + "exist, e.g. with a trigger), switch readers, and drop the old one in a later release";
  static final String RENAME_TABLE = "Expand/contract: add the new table (or a view under the new name), backfill it, "
      + "switch readers, and drop the old one in a later release";
  static final String LOCK_WHY = "PostgreSQL takes an ACCESS EXCLUSIVE lock";
  static final String NEW_TABLES = "tables created in the same pending part are exempt";

  private Guidance() {
  }
}
