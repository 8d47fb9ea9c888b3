package io.dbdevops.liquibase;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * The changelog parameters a {@link ParsedChangelog} is parsed with: Liquibase's own for the selection's offline
 * database (its dbms-specific {@code <property dbms="…">} values), which also notes the {@code database.*} parameters
 * Liquibase derives from the database ({@code ${database.defaultSchemaName}}, …) the changelog asks for. Some of those
 * need a connection: offline they are empty or differ, so a parse that used one is not reused for an update whose
 * database answers differently ({@link ParsedChangelog#reusableOn}). While an update runs, those parameters are
 * answered from the connected database, as Liquibase's own parse-per-update does: an {@code sqlFile} is read and
 * expanded when it runs, not when it is parsed.
 */
final class ParsedParameters extends ChangeLogParameters {

  private static final String DATABASE = "database.";

  private final Set<String> asked = ConcurrentHashMap.newKeySet();
  /** Every parameter looked up, with the changelog it was asked in and the value given: what substitution used. */
  private final java.util.Map<String, String> lookups = new ConcurrentHashMap<>();
  private volatile ChangeLogParameters connected;

  ParsedParameters(Database database) {
    super(database);
  }

  @Override
  public Object getValue(String key, DatabaseChangeLog changeLog) {
    // the superclass constructor sets its own parameters before this class's fields exist
    if (asked != null && key != null && key.startsWith(DATABASE)) {
      asked.add(key);
      ChangeLogParameters live = connected;
      Object value = live == null ? null : live.getValue(key, changeLog);
      if (value != null) {
        return value;
      }
    }
    Object value = super.getValue(key, changeLog);
    if (lookups != null && key != null) {
      lookups.put(key + " in " + (changeLog == null ? "" : changeLog.getPhysicalFilePath()), String.valueOf(value));
    }
    return value;
  }

  /** The parameters looked up so far and the values they had ({@link ChecksumCache}'s key). */
  java.util.SortedMap<String, String> lookups() {
    return new java.util.TreeMap<>(lookups);
  }

  /** The {@code database.*} parameters asked for so far. */
  Set<String> asked() {
    return Set.copyOf(asked);
  }

  /**
   * Until the returned binding is closed, Liquibase's {@code database.*} parameters are those of {@code database} (a
   * connected one, running an update); other parameters stay the changelog's.
   */
  Binding bind(Database database) {
    ChangeLogParameters before = connected;
    connected = new ChangeLogParameters(Objects.requireNonNull(database, "database"));
    return () -> connected = before;
  }

  /** Ends a {@link #bind}. */
  interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
