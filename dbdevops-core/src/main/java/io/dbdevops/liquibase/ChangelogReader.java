package io.dbdevops.liquibase;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangeInfo.ColumnInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ChangeWithColumns;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.CreateProcedureChange;
import liquibase.change.core.CreateViewChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.ui.LoggerUIService;

/**
 * Reads a changelog and its includes with Liquibase's own parser, without a database: every changeset in execution
 * order, with the checksum Liquibase stores in {@code DATABASECHANGELOG.MD5SUM}, the line it starts at, and its changes
 * as plain {@link ChangeInfo} data. What lint and the integrity file work from.
 *
 * <p>{@link #read(ChangelogSource, Selection)} returns the changesets an update with those contexts and labels runs on
 * that database, selected by Liquibase's own filters (context, label, dbms, ignore), with the changelog parameters
 * that update has: what the integrity check and lint work on. It is {@link ParsedChangelog#changeSets()} of one
 * {@link ParsedChangelog}, the parse a build shares with its updates. {@link #read(ChangelogSource)} returns every
 * changeset as written, parsed without a database. Changelog parameters matter (they are part of the checksum), so
 * pass the ones the update uses. XML is checked against Liquibase's XSD, as its update does ({@link ChangelogParsers}).
 *
 * <p>Each changeset carries two paths: {@link ChangeSetInfo#file()}, its identity as Liquibase records it (the
 * {@code logicalFilePath} when one is set), and {@link ChangeSetInfo#physicalFile()}, the file it is written in, where
 * its line is and where messages point.
 */
public final class ChangelogReader {

  /** Serializable fields carried elsewhere in {@link ChangeInfo} (columns, SQL text), not as attributes. */
  private static final List<String> NOT_ATTRIBUTES = List.of("columns", "sql", "selectQuery", "procedureText",
      "procedureBody", "rollback");

  /** Every changeset of the changelog, unfiltered. */
  public List<ChangeSetInfo> read(ChangelogSource changelog) {
    return read(changelog, Map.of());
  }

  /** Every changeset, with changelog parameters substituted as {@code ${name}}, as the update does. */
  public List<ChangeSetInfo> read(ChangelogSource changelog, Map<String, String> parameters) {
    return read(changelog, () -> {
      ChangeLogParameters changeLogParameters = new ChangeLogParameters();
      parameters.forEach(changeLogParameters::set);
      return changeLogParameters;
    });
  }

  /**
   * The changesets the selection's update runs on its database, in execution order: one parse; a build that also
   * runs the update parses once with {@link ParsedChangelog} (or {@link ParsedChangelogs}) and takes its
   * {@link ParsedChangelog#changeSets()}.
   */
  public List<ChangeSetInfo> read(ChangelogSource changelog, Selection selection) {
    return ParsedChangelog.parse(changelog, selection).changeSets();
  }

  /** Every changeset, parsed without a database (nothing is selected for one). */
  private List<ChangeSetInfo> read(ChangelogSource changelog, Supplier<ChangeLogParameters> parameters) {
    if (!Files.isRegularFile(changelog.file())) {
      throw new SetupException("changelog not found: " + changelog.file());
    }
    Quiet.apply();
    ChangelogParsers.configure();
    List<ChangeSetInfo> result = new ArrayList<>();
    try (ChangelogFiles accessor = new ChangelogFiles(changelog.root(), changelog.path())) {
      Map<String, Object> scope = new HashMap<>();
      scope.put(Scope.Attr.resourceAccessor.name(), accessor);
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      scope.put("liquibase.analytics.enabled", false);
      scope.put("liquibase.showBanner", false);
      Scope.child(scope, () -> {
        ChangeLogParameters changeLogParameters = parameters.get();
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(changelog.path(), accessor);
        DatabaseChangeLog log = parser.parse(changelog.path(), changeLogParameters, accessor);
        Lines lines = new Lines(changelog.root());
        for (ChangeSet changeSet : log.getChangeSets()) {
          int line = lines.lineOf(physicalFile(changeSet), changeSet.getId(), changeSet.getAuthor(),
              changeSet.getDbmsOriginalString());
          result.add(info(changeSet, changeSet.getStoredFilePath(), line, changelog.root()));
        }
      });
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw LiquibaseRunner.translate(e, changelog);
    }
    return List.copyOf(result);
  }

  /** The file the changeset is written in, relative to the root: not its {@code logicalFilePath}. */
  static String physicalFile(ChangeSet changeSet) {
    if (changeSet.getChangeLog() != null && changeSet.getChangeLog().getPhysicalFilePath() != null) {
      return changeSet.getChangeLog().getPhysicalFilePath();
    }
    return changeSet.getFilePath();
  }

  /** {@code file}: the changeset's identity as Liquibase records it (its stored file path, as parsed). */
  static ChangeSetInfo info(ChangeSet changeSet, String file, int line, Path root) {
    return info(changeSet, file, line, root, changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
  }

  /** With the checksum known ({@link ChecksumCache}). */
  static ChangeSetInfo info(ChangeSet changeSet, String file, int line, Path root, String checksum) {
    boolean hasRollback = changeSet.getRollback() != null && !changeSet.getRollback().getChanges().isEmpty();
    List<ChangeInfo> changes = new ArrayList<>();
    for (Change change : changeSet.getChanges()) {
      changes.add(change(change, changeSet, root));
    }
    return new ChangeSetInfo(file, changeSet.getId(), changeSet.getAuthor(), checksum, line,
        changeSet.isRunInTransaction(), hasRollback, Optional.ofNullable(blankToNull(changeSet.getComments())), changes,
        changeSet.getValidCheckSums().stream().map(Object::toString).sorted().toList(), physicalFile(changeSet));
  }

  private static ChangeInfo change(Change change, ChangeSet changeSet, Path root) {
    Map<String, String> attributes = new TreeMap<>();
    for (String field : change.getSerializableFields()) {
      if (NOT_ATTRIBUTES.contains(field)) {
        continue;
      }
      Object value = change.getSerializableFieldValue(field);
      if (isSimple(value)) {
        attributes.put(field, value.toString());
      }
    }
    List<ColumnInfo> columns = new ArrayList<>();
    if (change instanceof ChangeWithColumns<?> withColumns && withColumns.getColumns() != null) {
      for (ColumnConfig column : withColumns.getColumns()) {
        if (column != null && column.getName() != null) {
          columns.add(column(column));
        }
      }
    }
    return new ChangeInfo(change.getSerializedObjectName(), attributes, columns, sql(change, changeSet, root));
  }

  private static boolean isSimple(Object value) {
    return value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
        || value instanceof liquibase.statement.DatabaseFunction;
  }

  private static ColumnInfo column(ColumnConfig column) {
    ConstraintsConfig constraints = column.getConstraints();
    Optional<Boolean> nullable = Optional.empty();
    if (constraints != null && constraints.isNullable() != null) {
      nullable = Optional.of(constraints.isNullable());
    } else if (constraints != null && Boolean.TRUE.equals(constraints.isPrimaryKey())) {
      nullable = Optional.of(false); // a primary key column is NOT NULL
    }
    Optional<String> defaultValue = Optional.empty();
    boolean computed = false;
    if (column.getDefaultValueComputed() != null) {
      defaultValue = Optional.of(column.getDefaultValueComputed().toString());
      computed = true;
    } else if (column.getDefaultValueSequenceNext() != null) {
      defaultValue = Optional.of(column.getDefaultValueSequenceNext().toString());
      computed = true;
    } else if (column.getDefaultValue() != null) {
      defaultValue = Optional.of(column.getDefaultValue());
    } else if (column.getDefaultValueNumeric() != null) {
      defaultValue = Optional.of(column.getDefaultValueNumeric().toString());
    } else if (column.getDefaultValueBoolean() != null) {
      defaultValue = Optional.of(column.getDefaultValueBoolean().toString());
    } else if (column.getDefaultValueDate() != null) {
      defaultValue = Optional.of(Optional.ofNullable(column.getRawDateValue()).orElse(column.getDefaultValueDate().toString()));
    }
    return new ColumnInfo(column.getName(), Optional.ofNullable(column.getType()), nullable, defaultValue, computed,
        Boolean.TRUE.equals(column.isAutoIncrement()));
  }

  private static Optional<String> sql(Change change, ChangeSet changeSet, Path root) {
    if (change instanceof AbstractSQLChange sqlChange) {
      return Optional.ofNullable(sqlChange.getSql());
    }
    if (change instanceof CreateViewChange view) {
      if (view.getSelectQuery() != null) {
        return Optional.of(view.getSelectQuery());
      }
      return readPath(view.getPath(), view.getRelativeToChangelogFile(), changeSet, root);
    }
    if (change instanceof CreateProcedureChange procedure) {
      if (procedure.getProcedureText() != null) {
        return Optional.of(procedure.getProcedureText());
      }
      return readPath(procedure.getPath(), procedure.isRelativeToChangelogFile(), changeSet, root);
    }
    return Optional.empty();
  }

  /** The text of a change's {@code path} file, resolved as Liquibase does (relative to the changelog file or root). */
  private static Optional<String> readPath(String path, Boolean relative, ChangeSet changeSet, Path root) {
    if (path == null) {
      return Optional.empty();
    }
    Path file = Boolean.TRUE.equals(relative)
        ? Optional.ofNullable(root.resolve(physicalFile(changeSet)).getParent()).orElse(root).resolve(path)
        : root.resolve(path);
    if (!file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
      return Optional.empty(); // outside the changelog directory: not read (the parse refuses it, see ChangelogFiles)
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Finds the line each changeset starts at, per file, in the order the changesets appear. */
  static final class Lines {
    private final Path root;
    private final Map<String, List<ChangesetLines.Start>> starts = new LinkedHashMap<>();

    Lines(Path root) {
      this.root = root;
    }

    /**
     * The first unused start of this id and author, of the same dbms when there is one: the parser leaves out
     * changesets of another dbms than the selection's, so a reused id's variants are told apart by it.
     */
    int lineOf(String file, String id, String author, String dbms) {
      List<ChangesetLines.Start> inFile = starts.computeIfAbsent(file, this::scan);
      ChangesetLines.Start fallback = null;
      for (ChangesetLines.Start start : inFile) {
        if (!start.used() && start.id().equals(id) && (start.author() == null || start.author().equals(author))) {
          if (start.sameDbms(dbms)) {
            start.use();
            return start.line();
          }
          fallback = fallback == null ? start : fallback;
        }
      }
      if (fallback != null) {
        fallback.use();
        return fallback.line();
      }
      return 0;
    }

    private List<ChangesetLines.Start> scan(String file) {
      Path path = root.resolve(file);
      if (!Files.isRegularFile(path)) {
        return List.of();
      }
      try {
        return ChangesetLines.scan(file, Files.readString(path, StandardCharsets.UTF_8));
      } catch (IOException | java.io.UncheckedIOException e) {
        return List.of();
      }
    }
  }
}
