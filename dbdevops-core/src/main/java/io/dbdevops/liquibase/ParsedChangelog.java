package io.dbdevops.liquibase;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Set;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * A changelog as Liquibase parses it for one {@link Selection}, parsed once and shared by everything a build does
 * with it: the changesets integrity and lint judge ({@link #changeSets()}), the selection drift and status compare
 * with ({@link #selected()}), and every update, update-count, rollback-count and deploy {@link LiquibaseRunner} runs
 * (Liquibase's command API takes the parsed {@code DatabaseChangeLog} instead of parsing the file again).
 *
 * <p>Liquibase's parse depends on the database: {@code <property dbms="…">} values, the dbms filter, and the
 * checksum (a change of another dbms is left out of it). So a changelog is parsed per target dialect: with
 * {@code <lintDialect>} other than the shadow's, a build parses twice, once for each ({@link ParsedChangelogs}).
 * It also depends on the connection for a few of Liquibase's {@code database.*} parameters (the default schema, the
 * server version): a changelog whose parse used one of those with another value than the connected database's is
 * parsed again by that update, as Liquibase does it ({@link #reusableOn}).
 *
 * <p>An update leaves state in the parsed changesets (checksums computed against that database, the stored checksum
 * and file of what ran); {@link LiquibaseRunner} clears the computed checksums before each run, the rest Liquibase
 * sets again at every run's validation, and runs on one parse one at a time. {@link #changeSets()} are taken as
 * parsed, whatever ran since.
 */
public final class ParsedChangelog {

  private final ChangelogSource source;
  private final Selection selection;
  private final Filters filters;
  private final DatabaseChangeLog changeLog;
  /** Every parsed changeset, selected or not (each takes its line, so a reused id finds its own start). */
  private final List<ChangeSet> all;
  private final List<Boolean> accepted;
  /** Identities as parsed: a run's validation later sets a changeset's stored file to the one its database holds. */
  private final List<ChangeSetRef> identities;
  private final List<ChangeSetRef> selected;
  private final Set<String> askedWhileParsing;
  private final Duration parseTime;
  private List<ChangeSetInfo> changeSets;
  private final Map<Integer, DatabaseChangeLog> trimmed = new HashMap<>();
  /** What the parsers warned of while parsing ({@link YamlChecks}). */
  private final List<String> parserWarnings;
  private List<String> warnings;
  /** The files the parse and the checksums read (relative to the changelog directory). */
  private final java.util.SortedSet<String> filesRead = new java.util.TreeSet<>();
  /** Where checksums of unchanged changesets are kept between builds ({@link ChecksumCache}); empty: none. */
  private Optional<Path> checksumCache = Optional.empty();
  private int checksumsCached;

  private ParsedChangelog(ChangelogSource source, Selection selection, Filters filters, DatabaseChangeLog changeLog,
      Duration parseTime, List<String> parserWarnings, Set<String> filesRead) {
    this.parserWarnings = List.copyOf(parserWarnings);
    this.filesRead.addAll(filesRead);
    this.source = source;
    this.selection = selection;
    this.filters = filters;
    this.changeLog = changeLog;
    this.parseTime = parseTime;
    this.all = List.copyOf(changeLog.getChangeSets());
    List<Boolean> accepts = new ArrayList<>();
    List<ChangeSetRef> ids = new ArrayList<>();
    List<ChangeSetRef> chosen = new ArrayList<>();
    for (ChangeSet changeSet : all) {
      ChangeSetRef ref = new ChangeSetRef(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor());
      boolean accept = filters.accepts(changeSet);
      accepts.add(accept);
      ids.add(ref);
      if (accept) {
        chosen.add(ref);
      }
    }
    this.accepted = List.copyOf(accepts);
    this.identities = List.copyOf(ids);
    this.selected = List.copyOf(chosen);
    this.askedWhileParsing = filters.parameters().asked();
  }

  /**
   * Parses the changelog and its includes for the selection, with Liquibase's own parser and the changelog
   * parameters of that selection's update; XML is checked against Liquibase's XSD, as its update does
   * ({@link ChangelogParsers}).
   *
   * @throws SetupException the changelog file does not exist
   * @throws InvalidChangeException it cannot be parsed: the message names the file and line
   */
  public static ParsedChangelog parse(ChangelogSource changelog, Selection selection) {
    return parse(changelog, selection, Optional.empty());
  }

  /** A parse whose changesets' checksums are kept in {@code checksumCache} between builds ({@link ChecksumCache}). */
  public static ParsedChangelog parse(ChangelogSource changelog, Selection selection, Optional<Path> checksumCache) {
    ParsedChangelog parsed = parseOnly(changelog, selection);
    parsed.checksumCache = Objects.requireNonNull(checksumCache, "checksumCache");
    return parsed;
  }

  private static ParsedChangelog parseOnly(ChangelogSource changelog, Selection selection) {
    Objects.requireNonNull(changelog, "changelog");
    Objects.requireNonNull(selection, "selection");
    if (!Files.isRegularFile(changelog.file())) {
      throw new SetupException("changelog not found: " + changelog.file());
    }
    Quiet.apply();
    SettledConfiguration.settle();
    ChangelogParsers.configure();
    Filters filters = Filters.of(selection);
    long t0 = System.nanoTime();
    DatabaseChangeLog[] parsed = new DatabaseChangeLog[1];
    List<String> warnings;
    Set<String> read;
    try (ChangelogFiles accessor = new ChangelogFiles(changelog.root(), changelog.path())) {
      Scope.child(scope(accessor, filters.database()), () -> parsed[0] = ChangeLogParserFactory.getInstance()
          .getParser(changelog.path(), accessor).parse(changelog.path(), filters.parameters(), accessor));
      warnings = accessor.warnings();
      read = accessor.filesRead();
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw LiquibaseRunner.translate(e, changelog);
    }
    return new ParsedChangelog(changelog, selection, filters, parsed[0], Duration.ofNanos(System.nanoTime() - t0),
        warnings, read);
  }

  /** The scope a changelog is parsed and checksummed in: its files, quiet, and the database it is selected for. */
  static Map<String, Object> scope(DirectoryResourceAccessor accessor, Database database) {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.resourceAccessor.name(), accessor);
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    scope.put("liquibase.analytics.enabled", false);
    scope.put("liquibase.showBanner", false);
    // the checksum leaves out changes of another dbms (checksum version 9): it is the selected database's
    scope.put(Scope.Attr.database.name(), database);
    return scope;
  }

  public ChangelogSource source() {
    return source;
  }

  public Selection selection() {
    return selection;
  }

  /** How long Liquibase took to parse it. */
  public Duration parseTime() {
    return parseTime;
  }

  /** The identities of the changesets the selection's update runs on a fresh database, in execution order. */
  public List<ChangeSetRef> selected() {
    return selected;
  }

  /**
   * The changesets the selection's update runs, in execution order, as plain records: the checksum Liquibase stores,
   * the line each starts at, the changes (see {@link ChangelogReader}). Built on first use, once.
   */
  public synchronized List<ChangeSetInfo> changeSets() {
    if (changeSets == null) {
      changeSets = readChangeSets();
    }
    return changeSets;
  }

  /** How many of {@link #changeSets()}' checksums came from the checksum cache. */
  public synchronized int checksumsCached() {
    return checksumsCached;
  }

  private List<ChangeSetInfo> readChangeSets() {
    List<ChangeSetInfo> result = new ArrayList<>();
    ChecksumCache cache = checksumCache.map(d -> ChecksumCache.open(d, source.root(), selection, filters.parameters()))
        .orElseGet(() -> ChecksumCache.none(source.root()));
    try (ChangelogFiles accessor = new ChangelogFiles(source.root(), source.path())) {
      Scope.child(scope(accessor, filters.database()), () -> {
        // as parsed: not the checksums an update computed against its database since
        changeLog.clearCheckSums();
        ChangelogReader.Lines lines = new ChangelogReader.Lines(source.root());
        for (int i = 0; i < all.size(); i++) {
          ChangeSet changeSet = all.get(i);
          int line = lines.lineOf(ChangelogReader.physicalFile(changeSet), changeSet.getId(), changeSet.getAuthor(),
              changeSet.getDbmsOriginalString());
          if (accepted.get(i)) {
            result.add(ChangelogReader.info(changeSet, identities.get(i).file(), line, source.root(),
                cache.checksum(changeSet, ChangelogReader.physicalFile(changeSet))));
          }
        }
        filesRead.addAll(accessor.filesRead());
      });
      cache.save();
      checksumsCached = cache.hits();
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw LiquibaseRunner.translate(e, source);
    }
    return List.copyOf(result);
  }

  /**
   * The parsed changelog for an update on {@code database}, or empty when that update must parse it again: the
   * database is another kind than the one it was parsed for (a MySQL server for {@code mariadb}), or the parse used
   * one of Liquibase's {@code database.*} parameters that the connected database answers differently.
   */
  Optional<DatabaseChangeLog> reusableOn(Database database) {
    if (!filters.database().getShortName().equalsIgnoreCase(database.getShortName())) {
      return Optional.empty();
    }
    if (!askedWhileParsing.isEmpty()) {
      ChangeLogParameters offline = new ChangeLogParameters(filters.database());
      ChangeLogParameters online = new ChangeLogParameters(database);
      for (String key : askedWhileParsing) {
        if (!Objects.equals(String.valueOf(offline.getValue(key, null)), String.valueOf(online.getValue(key, null)))) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(changeLog);
  }

  /**
   * The parsed changelog without its first {@code applied} selected changesets, for an update or rollback on a
   * database that is known to hold them already (the gate applied them a moment ago, or restored an image of that
   * point): Liquibase validates and checks the status of every changeset it is given, on every command, and on a
   * long history that walk costs more than the few changesets pending. Changesets that run again by themselves
   * ({@code runAlways}, {@code runOnChange}) stay in, in their place, as do the ones the selection leaves out after
   * that point (Liquibase filters them as it would). The changesets are the parsed ones (their own changelog files,
   * contexts, preconditions); only the list around them is new. Built once per count.
   */
  synchronized DatabaseChangeLog after(int applied) {
    return trimmed.computeIfAbsent(applied, n -> {
      DatabaseChangeLog part = new DatabaseChangeLog(changeLog.getPhysicalFilePath());
      part.setLogicalFilePath(changeLog.getLogicalFilePath());
      part.setObjectQuotingStrategy(changeLog.getObjectQuotingStrategy());
      part.setChangeLogParameters(changeLog.getChangeLogParameters());
      part.setContextFilter(changeLog.getContextFilter());
      part.setPreconditions(changeLog.getPreconditions());
      int seen = 0;
      for (int i = 0; i < all.size(); i++) {
        ChangeSet changeSet = all.get(i);
        if (seen >= n || changeSet.isAlwaysRun() || changeSet.isRunOnChange()) {
          // as it stands in the parse: addChangeSet would move runOrder="first"/"last" changesets again
          part.getChangeSets().add(changeSet);
        }
        if (accepted.get(i)) {
          seen++;
        }
      }
      return part;
    });
  }

  /**
   * What is valid but almost certainly not meant, one line each, naming the file and line: a changeset without changes,
   * an attribute Liquibase ignores, a formatted-SQL file without its header.
   */
  public synchronized List<String> warnings() {
    if (warnings == null) {
      warnings = ChangelogWarnings.of(source.root(), all, parserWarnings);
    }
    return warnings;
  }

  /**
   * The files of the changelog directory the parse and the changesets' checksums read (the changelog files, and the
   * {@code sqlFile}, {@code loadData} and view files of the selected changesets), relative to the directory, sorted.
   */
  public synchronized java.util.SortedSet<String> filesRead() {
    changeSets();
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(filesRead));
  }

  /** The parameters it was parsed with (an update that reuses the parse runs with them). */
  ParsedParameters parameters() {
    return filters.parameters();
  }
}
