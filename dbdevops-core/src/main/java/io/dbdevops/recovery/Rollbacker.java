package io.dbdevops.recovery;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.deploy.DeployLock;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.drift.History;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.plan.CanonicalStatement;
import io.dbdevops.plan.Reversibility;
import io.dbdevops.provision.ReleasedVersion;
import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.DeclaredNames;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolls an environment back ({@code dbdevops:rollback}) to a released version of {@code dbdevops.sum} or by
 * {@code count:N}, as a DBA would: under the {@link DeployLock}; behind the same drift gate as a deploy; refused before
 * any change when a changeset in range cannot be reversed (no inverse, no {@code <rollback>}: roll forward instead);
 * rehearsed first on a same-engine shadow at the applied changesets, whose statements are what the live rollback runs
 * (a rollback failing there never touches the live database; a dry run prints them and stops); a backup first when
 * the policy asks ({@link Backups}); afterwards the live schema is validated against the state expected at the target
 * (the shadow after the rehearsal).
 */
public final class Rollbacker {

  public static final String TO = "-Ddbdevops.rollbackTo";
  public static final String CONFIRM = "-Ddbdevops.rollback.confirm";

  private static final Pattern COUNT = Pattern.compile("count:(\\d+)");

  private final DriftDetector drift;
  private final LiquibaseRunner liquibase = new LiquibaseRunner();
  private final Snapshotter snapshotter = new SchemaCrawlerSnapshotter();

  public Rollbacker(ShadowProviders shadows) {
    this.drift = new DriftDetector(shadows, liquibase, snapshotter);
  }

  /**
   * One rollback.
   *
   * @param rollbackTo a released version ({@code 1.2.0}) or {@code count:N}
   * @param sum the project's {@code dbdevops.sum} (its release lines)
   * @param confirm the environment's name, when it is {@code <protected>} or has {@code <requirePlan>}
   * @param progress one line per step worth a console line (the shadow, the backup)
   */
  public record Request(LiveTarget target, DriftDetector.Settings settings, String rollbackTo, SumFile sum,
      boolean dryRun, Optional<String> confirm, Consumer<String> progress) {
    public Request {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(settings, "settings");
      sum = Objects.requireNonNullElse(sum, SumFile.EMPTY);
      confirm = Objects.requireNonNullElse(confirm, Optional.<String>empty());
      progress = progress == null ? s -> { } : progress;
    }
  }

  public RollbackOutcome rollback(Request request) {
    long t0 = System.nanoTime();
    LiveTarget target = request.target();
    Environment env = target.environment();
    String spec = checkTarget(request.rollbackTo(), request.sum());
    if (!request.dryRun() && (env.isProtected() || env.requirePlan())
        && !request.confirm().map(String::trim).filter(env.name()::equals).isPresent()) {
      throw new SetupException("environment '" + env.name() + "' is " + (env.isProtected() ? "<protected>"
          : "under <requirePlan>") + ": a rollback of it must be confirmed with " + CONFIRM + "=" + env.name()
          + " (-Ddbdevops.dryRun=true shows what it would run without it); nothing was changed");
    }
    try (Connection connection = target.connect(false);
        DeployLock lock = DeployLock.acquire(connection, target.description());
        io.dbdevops.liquibase.SharedParses.Lease lease = request.settings().parses()) {
      // a locked DATABASECHANGELOGLOCK under the deploy lock can only be a dead deploy's (as Deployer releases it)
      Dialect dialect = Dialect.of(connection);
      io.dbdevops.deploy.StaleLiquibaseLock.release(connection, dialect, target.description())
          .ifPresent(request.progress());
      ParsedChangelogs parses = lease.parses();
      ParsedChangelog parsed = parses.get(request.settings().changelog(), env.updateOptions(), dialect);
      List<History.Row> rows = History.require(connection, target.description());
      int applied = rows.size();
      // what is asked, judged on the history before the drift check builds its shadow: a refusal comes at once
      int count = count(spec, request.sum(), parsed, applied, target);
      DriftDetector.Checked checked = drift.checkForDeploy(target, request.settings(), parses);
      DriftReport before = checked.report();
      if (!before.historyProblems().isEmpty()) {
        throw new SetupException("cannot roll back " + target.description() + ": its DATABASECHANGELOG does not fit the "
            + "changelog (" + String.join("; ", before.historyProblems()) + "); nothing was changed");
      }
      List<History.Row> range = new ArrayList<>(rows.subList(applied - count, applied));
      java.util.Collections.reverse(range);
      Map<String, ChangeSetInfo> byKey = new LinkedHashMap<>();
      parsed.changeSets().forEach(c -> byKey.putIfAbsent(c.key(), c));
      if (before.hasDrift() && env.driftPolicy() == DriftPolicy.FAIL) {
        return new RollbackOutcome(env.name(), dialect.word(), spec, applied, applied - count, label(rows, applied),
            label(rows, applied - count), List.of(), request.dryRun(), true, before, Optional.empty(), List.of(),
            Duration.ofNanos(System.nanoTime() - t0));
      }
      if (count == 0) {
        // at the version already: its drift check compared the live schema with the expected state there
        return new RollbackOutcome(env.name(), dialect.word(), spec, applied, applied, label(rows, applied),
            label(rows, applied), List.of(), request.dryRun(), false, before, Optional.empty(), List.of(),
            Duration.ofNanos(System.nanoTime() - t0));
      }
      List<String> irreversible = new ArrayList<>();
      for (History.Row r : range) {
        ChangeSetInfo info = byKey.get(r.key());
        if (info != null && Reversibility.of(info) == Reversibility.IRREVERSIBLE) {
          irreversible.add("changeset " + info.id() + " (author " + info.author() + ", " + info.location() + ")");
        }
      }
      if (!irreversible.isEmpty()) {
        throw new InvalidChangeException("cannot roll back " + target.description() + " to " + spec + ": "
            + String.join(", ", irreversible) + (irreversible.size() == 1 ? " has" : " have") + " no inverse and no "
            + "<rollback> (DBD601); nothing was changed. Roll forward instead: write a new changeset that undoes "
            + (irreversible.size() == 1 ? "it" : "them") + ", then run dbdevops:deploy", null);
      }

      // the rehearsal: the same rollback on a shadow at the applied changesets
      Rehearsal rehearsal = rehearse(target, dialect, request, parsed, applied, count, checked.liveSchema());
      List<RollbackOutcome.Step> steps = new ArrayList<>();
      for (History.Row r : range) {
        ChangeSetInfo info = byKey.get(r.key());
        steps.add(new RollbackOutcome.Step(r.id(), r.author(), info == null ? r.file() : info.location(),
            rehearsal.statements().getOrDefault(r.key(), List.of()), Duration.ZERO));
      }
      if (request.dryRun()) {
        return new RollbackOutcome(env.name(), dialect.word(), spec, applied, applied - count, label(rows, applied),
            label(rows, applied - count), steps, true, false, before, Optional.empty(), List.of(),
            Duration.ofNanos(System.nanoTime() - t0));
      }
      Map<String, List<String>> byChangeSet = new LinkedHashMap<>();
      range.forEach(r -> byChangeSet.put(r.key(), rehearsal.statements().getOrDefault(r.key(), List.of())));
      Optional<Backup> backup = new Backups().before(new Backups.Request(target, dialect, "rollback", byChangeSet,
          applied, request.settings().progress()));

      LiquibaseRunner.RollbackResult live = liquibase.rollbackCount(connection, parsed, count, 0,
          target.description());
      Map<String, Duration> took = new LinkedHashMap<>();
      live.rolledBack().forEach(a -> took.put(a.label(), a.took()));
      List<RollbackOutcome.Step> done = steps.stream().map(s -> new RollbackOutcome.Step(s.id(), s.author(),
          s.location(), s.statements(), took.getOrDefault(key(range, s), Duration.ZERO))).toList();
      if (live.failure().isPresent()) {
        AppliedChangeSet failed = live.failure().get().changeSet();
        throw new InvalidChangeException("the rollback of changeset " + failed.id() + " (author " + failed.author()
            + ") failed on " + target.description() + ": " + live.failure().get().message() + "; "
            + Plural.of(live.rolledBack().size(), "changeset") + " had been rolled back before it"
            + backup.map(b -> "; backup in " + b.directory()).orElse(""), null);
      }
      List<SchemaChange> differences = validate(target, dialect, before, rehearsal);
      return new RollbackOutcome(env.name(), dialect.word(), spec, applied, applied - count, label(rows, applied),
          label(rows, applied - count), done, false, false, before, backup, differences,
          Duration.ofNanos(System.nanoTime() - t0));
    } catch (SQLException e) {
      throw new SetupException("cannot close the connection to " + target.description() + ": " + e.getMessage(), e);
    }
  }

  private static String key(List<History.Row> range, RollbackOutcome.Step s) {
    return range.stream().filter(r -> r.id().equals(s.id()) && r.author().equals(s.author())).map(History.Row::key)
        .findFirst().orElse("");
  }

  /** {@code id (author)} of the last of the first {@code n} applied changesets. */
  private static Optional<String> label(List<History.Row> rows, int n) {
    return n <= 0 ? Optional.empty() : Optional.of(rows.get(n - 1).id() + " (" + rows.get(n - 1).author() + ")");
  }

  /**
   * {@value #TO} as given, checked without a database: named, a {@code count:N} or a version of a {@code release} line
   * of the sum file. A fleet checks it once before its environments start (one message, not one per environment).
   *
   * @return it, trimmed
   * @throws SetupException naming {@value #TO}
   */
  public static String checkTarget(String rollbackTo, SumFile sum) {
    String spec = rollbackTo == null ? "" : rollbackTo.trim();
    if (spec.isEmpty()) {
      throw new SetupException("name where to roll back to: " + TO + "=<released version> (a release line of "
          + "dbdevops.sum) or " + TO + "=count:N (the last N applied changesets)");
    }
    if (spec.startsWith("count")) {
      if (!COUNT.matcher(spec).matches()) {
        throw new SetupException(TO + "=" + spec + ": write count:N with N a number of changesets (count:2)");
      }
    } else {
      ReleasedVersion.of(sum, spec, TO);
    }
    return spec;
  }

  /**
   * How many of the last applied changesets {@code spec} ({@link #checkTarget checked}) rolls back; refused naming
   * {@value #TO} when past what is applied.
   */
  static int count(String spec, SumFile sum, ParsedChangelog parsed, int applied, LiveTarget target) {
    Matcher m = COUNT.matcher(spec);
    int count;
    if (m.matches()) {
      count = Integer.parseInt(m.group(1));
      if (count > applied) {
        throw new SetupException(TO + "=" + spec + ": " + target.description() + " has only "
            + Plural.of(applied, "changeset") + " applied; nothing was changed");
      }
    } else {
      ReleasedVersion version = ReleasedVersion.of(sum, spec, TO);
      int at = version.count(parsed.selected());
      count = applied - at;
      if (count < 0) {
        throw new SetupException(TO + "=" + spec + ": " + target.description() + " has " + Plural.of(applied,
            "changeset") + " applied, fewer than version " + version.version() + " holds (" + at + "): it is not past "
            + "that version; nothing was changed");
      }
    }
    if (count == 0 && m.matches()) {
      throw new SetupException(TO + "=" + spec + ": nothing to roll back on " + target.description() + " (it is at "
          + "that point already, " + Plural.of(applied, "changeset") + " applied); nothing was changed");
    }
    // a version the environment is at already: nothing to do (a fleet's rerun finds the ones done before so)
    return count;
  }

  /** The rehearsal's statements per changeset key (with the live schema's name), and the expected state after it. */
  record Rehearsal(Map<String, List<String>> statements, SchemaModel expected, DeclaredNames declared, String shadow) {
  }

  private Rehearsal rehearse(LiveTarget target, Dialect dialect, Request request, ParsedChangelog parsed, int applied,
      int count, String liveSchema) {
    Environment env = target.environment();
    try (ShadowDatabase shadow = drift.openShadow(target, dialect, request.settings())) {
      request.settings().progress().accept("rehearsing the rollback on " + shadow.description());
      LiquibaseRunner.UpdateResult up = liquibase.update(shadow.connection(), Update.of(parsed).upTo(applied));
      DeclaredNames declared = DeclaredNames.fromStatements(up.definitions());
      LiquibaseRunner.RollbackResult result = liquibase.rollbackCount(shadow.connection(), parsed, count, 0);
      if (result.failure().isPresent()) {
        AppliedChangeSet failed = result.failure().get().changeSet();
        throw new InvalidChangeException("the rollback of changeset " + failed.id() + " (author " + failed.author()
            + ") fails on the rehearsal shadow (" + shadow.description() + "): " + result.failure().get().message()
            + "; nothing was changed on " + target.description() + ". Fix its <rollback>, or roll forward with a new "
            + "changeset", null);
      }
      SnapshotScope scope = env.schemas().isEmpty() || dialect == Dialect.MARIADB && env.schemas().size() == 1
          ? SnapshotScope.of(shadow.defaultSchema()) : new SnapshotScope(env.schemas());
      SchemaModel expected = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope.withDeclared(declared));
      String shadowSchema = shadow.defaultSchema();
      Pattern name = shadowSchema == null || shadowSchema.equals(liveSchema) ? null
          : Pattern.compile("(?<![\\w$])" + Pattern.quote(shadowSchema) + "(?![\\w$])");
      Map<String, List<String>> statements = new LinkedHashMap<>();
      result.statements().forEach((k, v) -> statements.put(k, v.stream().map(s -> CanonicalStatement.of(name == null
          ? s : name.matcher(s).replaceAll(Matcher.quoteReplacement(liveSchema)))).toList()));
      return new Rehearsal(statements, expected, declared, shadow.description());
    }
  }

  private List<SchemaChange> validate(LiveTarget target, Dialect dialect, DriftReport before, Rehearsal rehearsal) {
    try (Connection live = target.connect(true)) {
      List<String> schemas = target.environment().schemas().isEmpty()
          ? List.of(dialect == Dialect.MARIADB ? live.getCatalog() : live.getSchema()) : target.environment().schemas();
      SchemaModel now = snapshotter.snapshot(live, dialect, new SnapshotScope(schemas, rehearsal.declared()));
      Set<SchemaChange> known = new HashSet<>(before.schemaDrift());
      return SchemaDiff.between(rehearsal.expected(), now).stream().filter(c -> !known.contains(c)).toList();
    } catch (SQLException e) {
      throw new SetupException("cannot validate " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /** {@code 1 changeset}, {@code 2 changesets}. */
  static final class Plural {
    private Plural() {
    }

    static String of(int n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
  }
}
