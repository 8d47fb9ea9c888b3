package io.dbdevops.liquibase;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.RollbackImpossibleException;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies a changelog to a database through Liquibase's command API, quietly: Liquibase's own console output goes
 * to java.util.logging (kept at WARNING), and the caller gets the applied changesets back to print its own lines.
 * Failures become an {@link InvalidChangeException} naming the changelog file and line, or the failing changeset.
 *
 * <p>Every command runs from a {@link ParsedChangelog}: Liquibase's command API takes the parsed
 * {@code DatabaseChangeLog} ({@code DatabaseChangelogCommandStep.CHANGELOG_ARG}) instead of parsing the file again, so
 * a build's update-count, update, rollback-count and the update after it share the parse its integrity check read.
 */
public final class LiquibaseRunner {

  private static final Pattern PARSE_LINE = Pattern.compile("line (\\d+)(?:,? column (\\d+))?", Pattern.CASE_INSENSITIVE);

  /** The version of the Liquibase that runs the updates (the plugin's own, or the one a project pins). */
  public static String version() {
    return liquibase.util.LiquibaseUtil.getBuildVersion();
  }

  /** Settings of one update: contexts, labels and changelog parameters. */
  public record UpdateOptions(Optional<String> contexts, Optional<String> labels, Map<String, String> parameters) {
    public static final UpdateOptions DEFAULT = new UpdateOptions(Optional.empty(), Optional.empty(), Map.of());

    public UpdateOptions {
      parameters = Map.copyOf(parameters);
    }
  }

  /**
   * What an update did: the changesets applied, and every statement each executed, as Liquibase sent them to the
   * database (its own rendering of each change and the raw SQL), without its DATABASECHANGELOG bookkeeping.
   */
  public record UpdateResult(List<AppliedChangeSet> applied, Duration took, Map<String, List<String>> statements) {
    private static final Pattern DEFINITION = Pattern.compile("(?is)\\s*(CREATE|ALTER)\\b.*");

    public UpdateResult {
      applied = List.copyOf(applied);
      Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
      statements.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      statements = java.util.Collections.unmodifiableMap(copy);
    }

    /** Nothing applied. */
    public static final UpdateResult NONE = new UpdateResult(List.of(), Duration.ZERO, Map.of());

    /**
     * The statements that define objects ({@code CREATE} and {@code ALTER}), in order: from them the snapshot learns
     * the names the changelog gave.
     */
    public List<String> definitions() {
      return statements.values().stream().flatMap(List::stream).filter(s -> DEFINITION.matcher(s).matches()).toList();
    }

    /**
     * Every statement Liquibase executed for one changeset ({@link AppliedChangeSet#label()}), in order, as sent to the
     * database: its rendering of each change, the raw SQL of {@code sql}/{@code sqlFile}; without its own
     * DATABASECHANGELOG and DATABASECHANGELOGLOCK bookkeeping.
     */
    public List<String> statementsOf(AppliedChangeSet changeSet) {
      return statements.getOrDefault(changeSet.label(), List.of());
    }

    /** Both updates' changesets, times and statements, in order. */
    public UpdateResult then(UpdateResult next) {
      List<AppliedChangeSet> all = new ArrayList<>(applied);
      all.addAll(next.applied);
      Map<String, List<String>> statementsOfBoth = new java.util.LinkedHashMap<>(statements);
      statementsOfBoth.putAll(next.statements);
      return new UpdateResult(all, took.plus(next.took), statementsOfBoth);
    }
  }

  /**
   * Hears every statement Liquibase writes to the database and keeps, per changeset (the one that is running, told by
   * the {@link Recorder}), all but Liquibase's own bookkeeping.
   */
  private static final class StatementRecorder extends liquibase.listener.SqlListener {
    private static final Pattern BOOKKEEPING = Pattern.compile("(?is).*\\bDATABASECHANGELOG(LOCK)?\\b.*");
    private final Map<String, List<String>> statements = new java.util.LinkedHashMap<>();
    private String running;

    @Override
    public void writeSqlWillRun(String sql) {
      if (sql == null) {
        return;
      }
      if (running != null && !BOOKKEEPING.matcher(sql).matches()) {
        statements.computeIfAbsent(running, k -> new ArrayList<>()).add(sql);
      }
    }

    void running(String changeSet) {
      running = changeSet;
      statements.computeIfAbsent(changeSet, k -> new ArrayList<>());
    }
  }

  /** The database an update is on, as messages name it, unless told otherwise. */
  public static final String SHADOW = "the shadow database";

  /**
   * One update of a database from a parsed changelog, with its contexts, labels and parameters.
   *
   * @param count at most this many of the changesets not yet applied, in changelog order (Liquibase's update-count);
   *     {@code 0}: all of them. Running it again applies the next ones: how the gate snapshots the released point
   * @param where the database as a failing changeset's message names it ({@link #SHADOW}, an environment)
   * @param progress hears of each changeset as soon as it ran
   * @param after the first this many selected changesets are known to be applied already (the caller applied them
   *     on this database a moment ago, or restored an image of that point): Liquibase is given only the rest (see
   *     {@link ParsedChangelog#after}), so the update's validation and status checks do not walk the whole history
   */
  public record Update(ParsedChangelog changelog, int count, String where, Consumer<AppliedChangeSet> progress,
      int after) {
    public Update {
      Objects.requireNonNull(changelog, "changelog");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(progress, "progress");
      if (count < 0) {
        throw new IllegalArgumentException("count " + count + " is negative");
      }
      if (after < 0) {
        throw new IllegalArgumentException("after " + after + " is negative");
      }
    }

    /** Every changeset not yet applied, on the shadow, with no one listening. */
    public static Update of(ParsedChangelog changelog) {
      return new Update(changelog, 0, SHADOW, applied -> { }, 0);
    }

    /** At most {@code count} changesets ({@code 0}: all). */
    public Update upTo(int count) {
      return new Update(changelog, count, where, progress, after);
    }

    /** On the database {@code where} names, for messages. */
    public Update on(String where) {
      return new Update(changelog, count, where, progress, after);
    }

    /** Telling {@code progress} of each changeset as it finishes. */
    public Update onEach(Consumer<AppliedChangeSet> progress) {
      return new Update(changelog, count, where, progress, after);
    }

    /** Knowing the first {@code applied} selected changesets are applied on this database already. */
    public Update after(int applied) {
      return new Update(changelog, count, where, progress, applied);
    }
  }

  /**
   * Parses the changelog for the connection's database and applies every changeset not yet applied: one parse, one
   * update. A build that parses once for several steps uses {@link #update(Connection, Update)}.
   */
  public UpdateResult update(Connection connection, ChangelogSource changelog, UpdateOptions options) {
    Dialect dialect;
    try {
      dialect = Dialect.of(connection);
    } catch (SQLException e) {
      throw new SetupException("cannot read the database product of " + SHADOW + ": " + e.getMessage(), e);
    }
    return update(connection, Update.of(ParsedChangelog.parse(changelog, new Selection(options, dialect))));
  }

  /**
   * Applies the changesets not yet applied (all, or at most {@link Update#count()}), without parsing the changelog
   * again. On a live database Liquibase's own DATABASECHANGELOGLOCK serialises concurrent callers (another JVM too): a
   * second deploy waits (polling every second, up to Liquibase's changelogLockWaitTimeInMinutes), then finds nothing
   * left to apply, so every changeset is applied exactly once. A failing changeset is reported as failing on
   * {@link Update#where()}.
   */
  public UpdateResult update(Connection connection, Update update) {
    StatementRecorder statements = new StatementRecorder();
    Recorder recorder = new Recorder(update.progress(), update.where(), statements);
    long start = System.nanoTime();
    if (update.after() > 0 && update.changelog().after(update.after()).getChangeSets().isEmpty()) {
      // the database holds every changeset already and none runs again by itself: nothing for Liquibase to do
      return UpdateResult.NONE;
    }
    try {
      CommandScope command = update.count() > 0
          ? new CommandScope(UpdateCountCommandStep.COMMAND_NAME).addArgumentValue(UpdateCountCommandStep.COUNT_ARG,
              update.count())
          : new CommandScope(UpdateCommandStep.COMMAND_NAME);
      command.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG);
      execute(connection, update.changelog(), update.after(), command, recorder, statements);
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw translate(e, update.changelog().source(), recorder);
    }
    return new UpdateResult(recorder.applied, Duration.ofNanos(System.nanoTime() - start), statements.statements);
  }

  /**
   * Records the next changeset not yet applied as executed without running it (Liquibase's mark-next-changeset-ran):
   * for a changeset a killed deploy applied completely but could not record.
   */
  public void markNextRan(Connection connection, ParsedChangelog changelog, String where) {
    Recorder recorder = new Recorder(applied -> { }, where);
    try {
      execute(connection, changelog, 0,
          new CommandScope(liquibase.command.core.MarkNextChangesetRanCommandStep.COMMAND_NAME), recorder, null);
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      throw translate(e, changelog.source(), recorder);
    }
  }

  /**
   * A changeset whose rollback failed: {@code irreversible} when Liquibase has no way to roll it back (a change with
   * no inverse and no {@code <rollback>}: DBD601's concern), otherwise its rollback ran and the database refused it.
   */
  public record RollbackFailure(AppliedChangeSet changeSet, boolean irreversible, String message) {
  }

  /**
   * What a rollback did: the changesets rolled back (latest first), and the one that failed, if any; {@code statements}
   * every statement each rollback executed ({@link AppliedChangeSet#label()}), Liquibase's bookkeeping left out.
   */
  public record RollbackResult(List<AppliedChangeSet> rolledBack, Optional<RollbackFailure> failure, Duration took,
      Map<String, List<String>> statements) {
    public RollbackResult {
      rolledBack = List.copyOf(rolledBack);
      Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
      (statements == null ? Map.<String, List<String>>of() : statements).forEach((k, v) -> copy.put(k, List.copyOf(v)));
      statements = java.util.Collections.unmodifiableMap(copy);
    }

    public RollbackResult(List<AppliedChangeSet> rolledBack, Optional<RollbackFailure> failure, Duration took) {
      this(rolledBack, failure, took, Map.of());
    }

    /** The statements one changeset's rollback executed, in order. */
    public List<String> statementsOf(AppliedChangeSet changeSet) {
      return statements.getOrDefault(changeSet.label(), List.of());
    }
  }

  /**
   * Rolls back the last {@code count} applied changesets (Liquibase's rollback-count), quietly as {@link #update}, from
   * the parsed changelog. A changeset that cannot be rolled back, or whose rollback fails, ends the rollback and is
   * returned as the result's failure rather than thrown; a changelog that cannot be read still throws
   * {@link InvalidChangeException}.
   */
  public RollbackResult rollbackCount(Connection connection, ParsedChangelog changelog, int count) {
    return rollbackCount(connection, changelog, count, 0);
  }

  /**
   * {@link #rollbackCount(Connection, ParsedChangelog, int)} when the first {@code after} selected changesets are
   * known to be applied and none of them is among the {@code count} to roll back: Liquibase is given only the
   * changesets after them (see {@link Update#after()}).
   */
  public RollbackResult rollbackCount(Connection connection, ParsedChangelog changelog, int count, int after) {
    return rollbackCount(connection, changelog, count, after, SHADOW);
  }

  /**
   * {@link #rollbackCount(Connection, ParsedChangelog, int, int)} on the database {@code where} names (for messages),
   * recording every statement each changeset's rollback executes ({@link RollbackResult#statements()}).
   */
  public RollbackResult rollbackCount(Connection connection, ParsedChangelog changelog, int count, int after,
      String where) {
    if (count <= 0) {
      throw new IllegalArgumentException("count " + count + " is not positive");
    }
    StatementRecorder statements = new StatementRecorder();
    Recorder recorder = new Recorder(applied -> { }, where, statements);
    long start = System.nanoTime();
    try {
      execute(connection, changelog, after, new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
          .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count), recorder, statements);
    } catch (InvalidChangeException | SetupException e) {
      throw e;
    } catch (Exception e) {
      if (recorder.rollbackFailed == null) {
        throw translate(e, changelog.source(), recorder);
      }
      ChangeSet cs = recorder.rollbackFailed;
      Exception cause = recorder.rollbackFailure != null ? recorder.rollbackFailure : e;
      // no inverse and no <rollback>: DBD601's finding, not a broken round trip
      boolean irreversible = find(cause, RollbackImpossibleException.class) != null
          || find(e, RollbackImpossibleException.class) != null
          || mentions(cause, "No inverse to", "does not support automatic rollback")
          || mentions(e, "No inverse to", "does not support automatic rollback");
      return new RollbackResult(recorder.rolledBack, Optional.of(new RollbackFailure(
          new AppliedChangeSet(cs.getFilePath(), cs.getId(), cs.getAuthor(), Duration.ZERO), irreversible,
          databaseMessage(cause))), Duration.ofNanos(System.nanoTime() - start), statements.statements);
    }
    return new RollbackResult(recorder.rolledBack, Optional.empty(), Duration.ofNanos(System.nanoTime() - start),
        statements.statements);
  }

  /**
   * Runs one command on the connection's database, quietly: with the parsed changelog when it fits that database
   * ({@link ParsedChangelog#reusableOn}), else, as Liquibase does by itself, parsing the file again for it.
   */
  private static void execute(Connection connection, ParsedChangelog parsed, int after, CommandScope command,
      Recorder recorder, StatementRecorder statements) throws Exception {
    ChangelogSource changelog = parsed.source();
    if (!Files.isRegularFile(changelog.file())) {
      throw new SetupException("changelog not found: " + changelog.file());
    }
    Quiet.apply();
    SettledConfiguration.settle();
    UpdateOptions options = parsed.selection().options();
    boolean autoCommit = connection.getAutoCommit();
    // a connection that commits each changeset together with its DATABASECHANGELOG row, where DDL is transactional
    ChangeSetTransactions transactions = new ChangeSetTransactions(connection);
    Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(transactions);
    transactions.transactionalDdl(database.supportsDDLInTransaction());
    recorder.transactions = transactions;
    command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.path())
        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder);
    options.contexts().ifPresent(c -> command.addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, c));
    options.labels().ifPresent(l -> command.addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, l));
    Optional<DatabaseChangeLog> reusable = parsed.reusableOn(database);
    boolean done = false;
    try (ChangelogFiles accessor = new ChangelogFiles(changelog.root(), changelog.path())) {
      Map<String, Object> scope = quietScope(accessor);
      if (reusable.isEmpty()) {
        if (!options.parameters().isEmpty()) {
          ChangeLogParameters parameters = new ChangeLogParameters(database);
          options.parameters().forEach(parameters::set);
          command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters);
        }
        run(statements, scope, command);
        done = true;
        return;
      }
      // one run at a time on a parse: the run leaves its checksums and stored values in the changesets
      synchronized (parsed) {
        DatabaseChangeLog changeLog = after > 0 ? parsed.after(after) : reusable.get();
        forgetEarlierRun(changeLog);
        command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changeLog)
            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parsed.parameters());
        try (ParsedParameters.Binding connected = parsed.parameters().bind(database)) {
          run(statements, scope, command);
        }
        done = true;
      }
    } finally {
      if (!done) {
        releaseLockAfterFailure(database, transactions);
      }
      // Liquibase leaves a PostgreSQL connection out of autocommit; the caller gets it back as it gave it
      if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * A run that failed on PostgreSQL while writing a changeset's history row leaves its transaction aborted, and
   * Liquibase's own lock release, which follows, fails on it before its rollback: DATABASECHANGELOGLOCK would stay
   * locked by this run and the next update wait for it. Then roll back (the changeset goes with its row) and release
   * the lock this run still holds.
   */
  private static void releaseLockAfterFailure(Database database, ChangeSetTransactions transactions) {
    if (!transactions.historyRowFailed()) {
      return;
    }
    try {
      transactions.rollback();
      liquibase.lockservice.LockServiceFactory.getInstance().getLockService(database).releaseLock();
    } catch (liquibase.exception.DatabaseException | liquibase.exception.LockException | RuntimeException e) {
      // the failure is the message; a lock left behind is released by the next deploy (it holds the deploy lock)
    }
  }

  private static void run(StatementRecorder statements, Map<String, Object> scope, CommandScope command)
      throws Exception {
    if (statements == null) {
      Scope.child(scope, () -> command.execute());
    } else {
      Scope.child(statements, scope, () -> command.execute());
    }
  }

  /**
   * What a fresh parse would not hold: the checksums computed against the database of an earlier run (Liquibase
   * computes them again, against this one) and the changesets an earlier run skipped (its update summary's).
   */
  private static void forgetEarlierRun(DatabaseChangeLog changeLog) {
    changeLog.clearCheckSums();
    changeLog.getSkippedChangeSets().clear();
    changeLog.getSkippedBecauseOfPreconditionsChangeSets().clear();
    changeLog.getSkippedBecauseOfOsMismatchChangeSets().clear();
    changeLog.getSkippedBecauseOfLicenseChangeSets().clear();
  }

  /** True when a message anywhere in the exception chain contains one of the phrases. */
  private static boolean mentions(Throwable e, String... phrases) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String phrase : phrases) {
        if (message.contains(phrase)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Liquibase's scope for a command: the changelog files, its console to our (silenced) log, no banner or analytics. */
  private static Map<String, Object> quietScope(DirectoryResourceAccessor accessor) {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.resourceAccessor.name(), accessor);
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    scope.put("liquibase.showBanner", false);
    scope.put("liquibase.analytics.enabled", false);
    scope.put("liquibase.changelogLockPollRate", 1);
    // Liquibase's DEPLOYMENT_ID is its root scope's, made once per JVM: each command is a deployment of its own, as it
    // is for Liquibase's command line (its format: the last 10 digits of the time in milliseconds)
    String millis = String.valueOf(System.currentTimeMillis());
    scope.put(Scope.Attr.deploymentId.name(), millis.substring(Math.max(0, millis.length() - 10)));
    return scope;
  }

  /** A parse failure as dbdevops' own exception, naming file and line (also used by {@link ChangelogReader}). */
  static RuntimeException translate(Exception e, ChangelogSource changelog) {
    return translate(e, changelog, null);
  }

  private static RuntimeException translate(Exception e, ChangelogSource changelog, Recorder recorder) {
    if (recorder != null && recorder.failed != null) {
      ChangeSet cs = recorder.failed;
      Throwable failure = recorder.failure != null ? recorder.failure : e;
      String location = location(changelog, cs);
      String message = databaseMessage(failure);
      return new ChangeSetFailedException("changeset " + cs.getId() + " (author " + cs.getAuthor() + ") in "
          + location + " failed on " + recorder.where + ": " + message, e,
          new AppliedChangeSet(cs.getFilePath(), cs.getId(), cs.getAuthor(),
              Duration.ofNanos(System.nanoTime() - recorder.started)), location, message,
          Optional.ofNullable(find(failure, java.sql.SQLException.class)), recorder.applied);
    }
    ChangelogFileException file = find(e, ChangelogFileException.class);
    if (file != null) {
      return new InvalidChangeException("malformed changelog: " + describe(file, changelog), e);
    }
    ChangeLogParseException parse = find(e, ChangeLogParseException.class);
    if (parse != null || find(e, org.xml.sax.SAXParseException.class) != null
        || find(e, org.yaml.snakeyaml.error.MarkedYAMLException.class) != null) {
      return new InvalidChangeException("malformed changelog: " + parseLocation(e, changelog), e);
    }
    liquibase.exception.ValidationFailedException invalid = find(e, liquibase.exception.ValidationFailedException.class);
    if (invalid != null) {
      return new InvalidChangeException("invalid changelog " + changelog.path() + ": " + oneLine(invalid.getMessage()), e);
    }
    liquibase.exception.SetupException setup = find(e, liquibase.exception.SetupException.class);
    if (setup != null) {
      return new InvalidChangeException("invalid changelog " + changelog.path() + ": " + oneLine(setup.getMessage()), e);
    }
    return new InvalidChangeException("Liquibase update failed: " + oneLine(rootMessage(e)), e);
  }

  /**
   * {@code db/changelog/changes/002.sql:3}: the changeset's file and the line it starts at (found as
   * {@link ChangelogReader} does), or the file alone when the line cannot be found.
   */
  static String location(ChangelogSource changelog, ChangeSet cs) {
    String file = cs.getFilePath();
    int line = 0;
    try {
      java.nio.file.Path path = changelog.root().resolve(file);
      if (Files.isRegularFile(path)) {
        for (ChangesetLines.Start start : ChangesetLines.scan(file, Files.readString(path,
            java.nio.charset.StandardCharsets.UTF_8))) {
          if (start.id().equals(cs.getId()) && (start.author() == null || start.author().equals(cs.getAuthor()))) {
            line = start.line();
            break;
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      line = 0; // the message still names the file
    }
    return line > 0 ? file + ":" + line : file;
  }

  private static final Pattern NOT_FOUND = Pattern.compile("The file (\\S+) was not found in the configured search path");
  private static final Pattern ENTITY = Pattern.compile("Unable to resolve xml entity (\\S+?)\\.?(?:\\s|$)");
  private static final Pattern XSD_CHOICES = Pattern.compile("\\s*One of '\\{.*?\\}' is expected\\.");

  /**
   * "db/changelog/changes/003.xml line 12 column 5: message" for a file the parse knows failed: dbdevops' own finding,
   * or the parser's, with the line and column the parser gives.
   */
  private static String describe(ChangelogFileException failure, ChangelogSource changelog) {
    String file = failure.file();
    if (failure.problem().isPresent()) {
      return file + (failure.line() > 0 ? " line " + failure.line() : "") + ": " + failure.problem().get();
    }
    Throwable e = failure.getCause();
    String all = messages(e);
    Matcher entity = ENTITY.matcher(all);
    if (entity.find()) {
      // Liquibase's resolver refused it (nothing was read); its advice to turn secure parsing off is not ours
      String target = entity.group(1);
      int line = lineContaining(changelog, file, target);
      return file + (line > 0 ? " line " + line : "") + ": refers to the external entity or DTD " + target
          + ", which is not read (an XML external entity); remove the <!DOCTYPE …> and write the content into the "
          + "changelog, or include another changelog file with <include>";
    }
    Matcher missing = NOT_FOUND.matcher(all);
    if (missing.find()) {
      return file + ": includes " + missing.group(1) + ", which does not exist in the changelog directory "
          + changelog.root() + " (check the path; with relativeToChangelogFile=\"true\" it is relative to " + file
          + ")";
    }
    org.xml.sax.SAXParseException sax = find(e, org.xml.sax.SAXParseException.class);
    if (sax != null) {
      return file + " line " + sax.getLineNumber() + " column " + sax.getColumnNumber() + ": " + xsd(oneLine(sax.getMessage()));
    }
    org.yaml.snakeyaml.error.MarkedYAMLException yaml = find(e, org.yaml.snakeyaml.error.MarkedYAMLException.class);
    if (yaml != null && yaml.getProblemMark() != null) {
      return file + " line " + (yaml.getProblemMark().getLine() + 1) + " column " + (yaml.getProblemMark().getColumn() + 1)
          + ": " + oneLine(yaml.getProblem());
    }
    java.nio.charset.CharacterCodingException coding = find(e, java.nio.charset.CharacterCodingException.class);
    if (coding != null) {
      return file + ": is not UTF-8 text; save the file as UTF-8";
    }
    ChangeLogParseException parse = find(e, ChangeLogParseException.class);
    String message = oneLine(parse != null ? parse.getMessage() : rootMessage(e));
    return message.contains(file) ? message : file + ": " + message;
  }

  /** The messages of an exception chain, one after another. */
  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** The first line of the changelog file that contains {@code text}, 0 when none does or it cannot be read. */
  private static int lineContaining(ChangelogSource changelog, String file, String text) {
    try (java.io.BufferedReader reader = Files.newBufferedReader(changelog.root().resolve(file),
        java.nio.charset.StandardCharsets.UTF_8)) {
      String line;
      for (int n = 1; (line = reader.readLine()) != null; n++) {
        if (line.contains(text)) {
          return n;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** An XSD message without its namespaces and without the list of every element it would have taken instead. */
  private static String xsd(String message) {
    String plain = message.replace("\"http://www.liquibase.org/xml/ns/dbchangelog\":", "");
    Matcher choices = XSD_CHOICES.matcher(plain);
    if (choices.find() && choices.group().length() > 200) {
      plain = choices.replaceFirst(" It is not an element Liquibase's XSD allows there (a misspelt change type?).");
    }
    return plain.replace("'{", "'").replace("}'", "'");
  }

  /** "db/changelog/changes/003.xml line 12 column 5: message" from the parser's exception chain. */
  private static String parseLocation(Exception e, ChangelogSource changelog) {
    org.xml.sax.SAXParseException sax = find(e, org.xml.sax.SAXParseException.class);
    org.yaml.snakeyaml.error.MarkedYAMLException yaml = find(e, org.yaml.snakeyaml.error.MarkedYAMLException.class);
    String file = fileIn(e).orElse(changelog.path());
    if (sax != null) {
      return file + " line " + sax.getLineNumber() + " column " + sax.getColumnNumber() + ": " + oneLine(sax.getMessage());
    }
    if (yaml != null && yaml.getProblemMark() != null) {
      return file + " line " + (yaml.getProblemMark().getLine() + 1) + " column " + (yaml.getProblemMark().getColumn() + 1)
          + ": " + oneLine(yaml.getProblem());
    }
    String message = oneLine(find(e, ChangeLogParseException.class).getMessage());
    Matcher m = PARSE_LINE.matcher(message);
    return (m.find() || message.contains(file) ? "" : file + ": ") + message;
  }

  /**
   * The changelog file an exception chain names, when one does: the last one named, since Liquibase names the
   * including file before the included file that is broken.
   */
  private static Optional<String> fileIn(Throwable e) {
    Pattern file = Pattern.compile("([\\w./\\-]+\\.(?:xml|ya?ml|sql|json))");
    String found = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = file.matcher(t.getMessage());
        while (m.find()) {
          found = m.group(1);
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private static String databaseMessage(Throwable e) {
    java.sql.SQLException sql = find(e, java.sql.SQLException.class);
    return oneLine(sql != null ? sql.getMessage() : rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** One line, without Java class-name prefixes, and without the repeats Liquibase's exception chains add. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    int nested = line.indexOf(" liquibase.exception.");
    if (nested > 0) {
      line = line.substring(0, nested).trim();
    }
    return line.replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "").trim();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Records what ran, how long each took, and which changeset failed. */
  private static final class Recorder extends AbstractChangeExecListener {
    private final List<AppliedChangeSet> applied = new ArrayList<>();
    private final Consumer<AppliedChangeSet> progress;
    private long started;
    private ChangeSet failed;
    private Exception failure;
    private final List<AppliedChangeSet> rolledBack = new ArrayList<>();
    private ChangeSet rollbackFailed;
    private Exception rollbackFailure;

    private final String where;
    /** The connection that commits each changeset with its history row; set once the database is known. */
    private ChangeSetTransactions transactions;

    private final StatementRecorder statements;

    Recorder(Consumer<AppliedChangeSet> progress, String where) {
      this(progress, where, null);
    }

    Recorder(Consumer<AppliedChangeSet> progress, String where, StatementRecorder statements) {
      this.progress = progress;
      this.where = where;
      this.statements = statements;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog log, Database db, ChangeSet.RunStatus status) {
      started = System.nanoTime();
      if (transactions != null) {
        transactions.starting(changeSet);
      }
      if (statements != null) {
        statements.running(changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor());
      }
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database db, ChangeSet.ExecType execType) {
      AppliedChangeSet done = new AppliedChangeSet(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(),
          Duration.ofNanos(System.nanoTime() - started));
      applied.add(done);
      progress.accept(done);
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog log, Database db) {
      started = System.nanoTime();
      if (statements != null) {
        statements.running(changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor());
      }
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database db) {
      rolledBack.add(new AppliedChangeSet(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(),
          Duration.ofNanos(System.nanoTime() - started)));
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog log, Database db, Exception exception) {
      rollbackFailed = changeSet;
      rollbackFailure = exception;
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog log, Database db, Exception exception) {
      failed = changeSet;
      failure = exception;
      if (transactions != null) {
        try {
          transactions.failed();
        } catch (liquibase.exception.DatabaseException e) {
          // the changeset's failure is the message; the connection is closed after a failed deploy
        }
      }
    }
  }
}
