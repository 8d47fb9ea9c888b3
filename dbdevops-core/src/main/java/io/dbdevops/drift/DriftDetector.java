package io.dbdevops.drift;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.RowDiff;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.env.Environment;
import io.dbdevops.env.Grant;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.TableData;
import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.DeclaredNames;
import io.dbdevops.snapshot.RowReader;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Drift of a live environment: reads its DATABASECHANGELOG (SELECT only, on a read-only session), applies exactly
 * those changesets to a shadow of the same dialect with the environment's contexts, labels and parameters, snapshots
 * both and diffs expected → live, plus the grants. The live database is never written to.
 *
 * <p>The shadow: a temporary database on the environment's own server (the {@code url} provider, with the
 * environment's credentials) when they may create one; else, for PostgreSQL, embedded PostgreSQL; else a clear
 * error. An explicit shadow setting overrides both.
 */
public final class DriftDetector {

  private final ShadowProviders shadows;
  private final LiquibaseRunner liquibase;
  private final Snapshotter snapshotter;

  public DriftDetector(ShadowProviders shadows) {
    this(shadows, new LiquibaseRunner(), new SchemaCrawlerSnapshotter());
  }

  public DriftDetector(ShadowProviders shadows, LiquibaseRunner liquibase, Snapshotter snapshotter) {
    this.shadows = shadows;
    this.liquibase = liquibase;
    this.snapshotter = snapshotter;
  }

  /**
   * The changelog, the shadow to build the expected state on (empty: chosen as above), and where to keep expected
   * states for reuse while the changelog and the applied changesets stay the same (empty: never reused).
   */
  public record Settings(ChangelogSource changelog, Optional<ShadowSettings> shadow, Consumer<String> progress,
      Optional<java.nio.file.Path> cacheDirectory, List<String> referenceData, Optional<SharedExpectedStates> shared) {
    public Settings {
      shared = java.util.Objects.requireNonNullElse(shared, Optional.<SharedExpectedStates>empty());
      shadow = java.util.Objects.requireNonNullElse(shadow, Optional.<ShadowSettings>empty());
      progress = progress == null ? s -> { } : progress;
      cacheDirectory = java.util.Objects.requireNonNullElse(cacheDirectory, Optional.<java.nio.file.Path>empty());
      referenceData = referenceData == null ? List.of() : referenceData.stream().map(String::strip)
          .map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().sorted().toList();
    }

    public Settings(ChangelogSource changelog, Optional<ShadowSettings> shadow, Consumer<String> progress,
        Optional<java.nio.file.Path> cacheDirectory, List<String> referenceData) {
      this(changelog, shadow, progress, cacheDirectory, referenceData, Optional.empty());
    }

    public Settings(ChangelogSource changelog, Optional<ShadowSettings> shadow, Consumer<String> progress,
        Optional<java.nio.file.Path> cacheDirectory) {
      this(changelog, shadow, progress, cacheDirectory, List.of());
    }

    /**
     * Parses for one environment's work: borrowed from the run's (see {@link SharedExpectedStates#parses()}), or its
     * own; close to give them back.
     */
    public io.dbdevops.liquibase.SharedParses.Lease parses() {
      return shared.map(s -> s.parses().borrow()).orElseGet(io.dbdevops.liquibase.SharedParses::own);
    }

    /** These settings sharing expected states with the other environments of the same run (see {@link SharedExpectedStates}). */
    public Settings sharing(SharedExpectedStates states) {
      return new Settings(changelog, shadow, progress, cacheDirectory, referenceData, Optional.of(states));
    }

    /**
     * These settings with reference tables: their live rows are compared with the rows the applied changesets make
     * on the shadow (what the environment should hold now; rows a pending changeset changes are pending, not drift).
     */
    public Settings withReferenceData(List<String> tables) {
      return new Settings(changelog, shadow, progress, cacheDirectory, tables, shared);
    }

    public Settings(ChangelogSource changelog, Optional<ShadowSettings> shadow, Consumer<String> progress) {
      this(changelog, shadow, progress, Optional.empty());
    }

    public Settings(ChangelogSource changelog) {
      this(changelog, Optional.empty(), null, Optional.empty());
    }
  }

  /**
   * A drift report plus what deploy and plan need: the expected state once the pending changesets are applied, the
   * live state, and the shadow's update of the pending part (every statement it executed, per changeset).
   *
   * @param shadowSchema the shadow's default schema (MariaDB: its database), which its statements may name where the
   *     environment's own is meant
   * @param liveSchema the environment's default schema (MariaDB: its database)
   */
  public record Checked(DriftReport report, SchemaModel expectedAfterPending, SortedSet<Grant> liveGrants,
      DeclaredNames declared, SchemaModel expected, SchemaModel live, LiquibaseRunner.UpdateResult pendingUpdate,
      String shadowSchema, String liveSchema, Optional<HalfApplied> halfApplied) {
    public Checked {
      halfApplied = java.util.Objects.requireNonNullElse(halfApplied, Optional.<HalfApplied>empty());
    }
  }

  public DriftReport check(LiveTarget target, Settings settings) {
    try (io.dbdevops.liquibase.SharedParses.Lease parses = settings.parses()) {
      return checked(target, settings, false, false, parses.parses()).report();
    }
  }

  /**
   * The check before a deploy: a database without DATABASECHANGELOG is a fresh one (nothing applied) instead of an
   * error, and the pending changesets are applied to the shadow too, for the post-deploy validation. The changelog is
   * taken from {@code parses} (parsed once for the environment's dialect), so the deploy reuses that parse.
   */
  public Checked checkForDeploy(LiveTarget target, Settings settings, ParsedChangelogs parses) {
    return checkForDeploy(target, settings, parses, false);
  }

  /**
   * {@link #checkForDeploy(LiveTarget, Settings, ParsedChangelogs)}; after an interrupted deploy (one that died
   * inside its update: it left Liquibase's lock), drift made only of the next pending changeset's objects is that
   * changeset half applied ({@link Checked#halfApplied()}). Without that evidence drift is drift (a hot fix that added
   * what the next changeset adds is not a half-applied changeset).
   */
  public Checked checkForDeploy(LiveTarget target, Settings settings, ParsedChangelogs parses,
      boolean afterInterruptedDeploy) {
    return checked(target, settings, true, afterInterruptedDeploy, parses);
  }

  private Checked checked(LiveTarget target, Settings settings, boolean forDeploy, boolean interrupted,
      ParsedChangelogs parses) {
    long t0 = System.nanoTime();
    Environment env = target.environment();
    String where = target.description();
    try (Connection live = target.connect(true)) {
      Dialect dialect = dialect(live, where);
      List<History.Row> rows = forDeploy ? History.read(live, where).orElse(List.of()) : History.require(live, where);
      // A plain drift check reuses what it built before from the same changelog: the selection and the expected state.
      Optional<ExpectedStateCache> cache = forDeploy ? Optional.empty()
          : settings.cacheDirectory().map(ExpectedStateCache::new);
      Optional<String> changelogKey = cache.map(c -> c.changelogKey(settings.changelog(), env, dialect));
      // parsed once, when first needed (a reused selection and expected state need no parse)
      Supplier<ParsedChangelog> changelog = () -> parses.get(settings.changelog(), env.updateOptions(), dialect);
      List<ChangeSetRef> selected = cache.flatMap(c -> c.readSelection(changelogKey.get())).orElseGet(() -> {
        List<ChangeSetRef> parsed = changelog.get().selected();
        cache.ifPresent(c -> c.writeSelection(changelogKey.get(), parsed));
        return parsed;
      });
      Applied applied = Applied.of(rows, selected);
      List<String> liveSchemas = env.schemas().isEmpty() ? List.of(defaultSchema(live, dialect)) : env.schemas();

      long e0 = System.nanoTime();
      SchemaModel expected;
      SchemaModel afterPending;
      String shadowDescription;
      LiquibaseRunner.UpdateResult pendingUpdate = LiquibaseRunner.UpdateResult.NONE;
      String shadowSchema = defaultSchema(live, dialect);
      Optional<String> key = changelogKey.filter(k -> applied.count() > 0)
          .map(k -> ExpectedStateCache.stateKey(k, applied.count()) + ExpectedStateCache.dataKey(settings.referenceData()));
      Optional<ExpectedStateCache.Entry> cached = key.flatMap(k -> cache.get().read(k));
      DeclaredNames declared;
      List<TableData> expectedData = List.of();
      if (cached.isPresent()) {
        expected = cached.get().model();
        declared = cached.get().declared();
        expectedData = cached.get().data();
        afterPending = expected;
        shadowDescription = "reused expected state " + key.get() + " (changelog and history unchanged)";
        settings.progress().accept(shadowDescription);
      } else {
        java.util.concurrent.atomic.AtomicBoolean builtHere = new java.util.concurrent.atomic.AtomicBoolean();
        Supplier<Built> build = () -> {
          builtHere.set(true);
          return build(target, dialect, settings, changelog, applied, forDeploy);
        };
        Optional<String> sharedKey = settings.shared().map(x -> sharedKey(live, dialect, env, settings, applied, forDeploy));
        Built b = sharedKey.isPresent() ? settings.shared().get().get(sharedKey.get(), build) : build.get();
        if (!builtHere.get()) {
          settings.progress().accept("expected state: the one built in this run for another environment at the same "
              + "changesets (same engine and version, contexts, labels, parameters and schemas)");
        }
        expected = b.expected();
        declared = b.declared();
        expectedData = b.data();
        afterPending = b.afterPending();
        pendingUpdate = b.pendingUpdate();
        shadowDescription = b.shadowDescription();
        shadowSchema = b.shadowSchema();
        SchemaModel built = expected;
        DeclaredNames names = declared;
        List<TableData> rowsBuilt = expectedData;
        key.ifPresent(k -> cache.get().write(k, built, names, rowsBuilt));
      }
      Duration expectedTime = Duration.ofNanos(System.nanoTime() - e0);

      long l0 = System.nanoTime();
      // the live database is read with the names the changelog's statements gave on the shadow
      SchemaModel liveModel = snapshotter.snapshot(live, dialect, new SnapshotScope(liveSchemas, declared));
      SortedSet<Grant> liveGrants = env.checksGrants() ? new GrantReader().read(live, dialect, liveSchemas) : new TreeSet<>();
      // the live rows of the reference tables the expected state holds (SELECT only, on the read-only session)
      List<String> expectedTables = expectedData.stream().map(TableData::table).toList();
      List<TableData> liveData = new RowReader().read(live, dialect, single(liveSchemas), liveModel.tables().stream()
          .filter(t -> expectedTables.contains(t.name()) && t.primaryKey().isPresent()).toList());
      Duration liveTime = Duration.ofNanos(System.nanoTime() - l0);

      List<SchemaChange> structural = SchemaDiff.between(expected, liveModel);
      List<SchemaChange> schemaDrift = new ArrayList<>(structural);
      schemaDrift.addAll(RowDiff.between(expectedData, liveData));
      List<GrantDrift> grantDrift = grantDrift(env.grants(), liveGrants).stream()
          // an expected grant may come with a pending changeset: missing ones count once nothing is pending
          .filter(g -> applied.pending().isEmpty() || g.sign() == SchemaChange.Sign.ADDED).toList();
      Optional<History.Row> last = rows.stream().max(java.util.Comparator.comparing(History.Row::dateExecuted)
          .thenComparing(History.Row::orderExecuted));
      DriftReport report = new DriftReport(env.title(), io.dbdevops.shadow.JdbcUrls.redact(env.url()), dialect,
          shadowDescription, rows.size(), last, applied.pending(), applied.problems(), schemaDrift, grantDrift,
          env.checksGrants(), env.driftPolicy(),
          new DriftReport.Timings(expectedTime, liveTime, Duration.ofNanos(System.nanoTime() - t0)));
      // a half-applied changeset shows in the schema; drifted rows alone are not one
      Optional<HalfApplied> half = forDeploy && interrupted && !structural.isEmpty()
          ? halfApplied(target, dialect, settings, changelog.get(), applied, expected, liveModel, declared)
          : Optional.empty();
      return new Checked(report, afterPending, liveGrants, declared, expected, liveModel, pendingUpdate, shadowSchema,
          defaultSchema(live, dialect), half);
    } catch (SQLException e) {
      throw new SetupException("cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  /** What the shadow gave: the expected state at the applied changesets and, before a deploy, after the pending ones. */
  private record Built(SchemaModel expected, DeclaredNames declared, List<TableData> data, SchemaModel afterPending,
      LiquibaseRunner.UpdateResult pendingUpdate, String shadowDescription, String shadowSchema) {
  }

  private Built build(LiveTarget target, Dialect dialect, Settings settings, Supplier<ParsedChangelog> changelog,
      Applied applied, boolean forDeploy) {
    Environment env = target.environment();
    try (ShadowDatabase shadow = openShadow(target, dialect, settings)) {
      String shadowDescription = shadow.description();
      settings.progress().accept("shadow database: " + shadowDescription);
      shadow.notes().forEach(settings.progress());
      SnapshotScope shadowScope = shadowScope(env, dialect, shadow);
      SchemaModel expected = SchemaModel.EMPTY;
      DeclaredNames declared = DeclaredNames.fromStatements(List.of());
      List<TableData> expectedData = List.of();
      if (applied.count() > 0) {
        declared = DeclaredNames.fromStatements(liquibase.update(shadow.connection(),
            Update.of(changelog.get()).upTo(applied.count())).definitions());
        expected = snapshotter.snapshot(shadow.connection(), shadow.dialect(), shadowScope.withDeclared(declared));
        applied.checkShadow(History.require(shadow.connection(), shadowDescription));
        // the rows the applied changesets make: read before any pending changeset runs on this shadow
        expectedData = new RowReader().read(shadow.connection(), shadow.dialect(), single(shadowScope.schemas()),
            referenceTables(expected, settings.referenceData()));
      }
      SchemaModel afterPending = expected;
      LiquibaseRunner.UpdateResult pendingUpdate = LiquibaseRunner.UpdateResult.NONE;
      if (forDeploy && !applied.pending().isEmpty()) {
        pendingUpdate = liquibase.update(shadow.connection(), Update.of(changelog.get()));
        declared = declared.plus(DeclaredNames.fromStatements(pendingUpdate.definitions()));
        afterPending = snapshotter.snapshot(shadow.connection(), shadow.dialect(), shadowScope.withDeclared(declared));
      }
      return new Built(expected, declared, expectedData, afterPending, pendingUpdate, shadowDescription,
          shadow.defaultSchema());
    }
  }

  /**
   * What makes two environments expect the same state in one run: the engine and its version, the changelog, the
   * contexts, labels, parameters, schemas and reference tables, the explicit shadow, the applied changesets (as keys)
   * and, before a deploy, the pending ones.
   */
  private static String sharedKey(Connection live, Dialect dialect, Environment env, Settings settings, Applied applied,
      boolean forDeploy) {
    try {
      return String.join("\u0000", dialect.name(), live.getMetaData().getDatabaseProductVersion(),
          settings.changelog().root().toString(), settings.changelog().path(),
          env.updateOptions().contexts().orElse(""), env.updateOptions().labels().orElse(""),
          new java.util.TreeMap<>(env.updateOptions().parameters()).toString(), String.join(",", env.schemas()),
          String.join(",", settings.referenceData()), settings.shadow().map(ShadowSettings::provider).orElse("") + "@"
              + settings.shadow().flatMap(ShadowSettings::url).map(io.dbdevops.shadow.JdbcUrls::redact).orElse(""),
          String.valueOf(applied.count()), String.join(",", applied.expectedKeys()), String.valueOf(forDeploy),
          forDeploy ? applied.pending().stream().map(ChangeSetRef::key).collect(java.util.stream.Collectors.joining(","))
              : "");
    } catch (SQLException e) {
      throw new SetupException("cannot read the server version of " + env.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the drift is the next pending changeset, partly or wholly there without its history row (a deploy stopped
   * inside it where DDL commits by itself): every drifted object is one that changeset makes or changes. Built only
   * when there is drift before a deploy that follows an interrupted one: a second shadow at the applied changesets
   * plus that one.
   */
  private Optional<HalfApplied> halfApplied(LiveTarget target, Dialect dialect, Settings settings,
      ParsedChangelog changelog, Applied applied, SchemaModel expected, SchemaModel live, DeclaredNames declared) {
    if (applied.pending().isEmpty() || !applied.problems().isEmpty()) {
      return Optional.empty();
    }
    List<SchemaChange> drift = SchemaDiff.between(expected, live);
    SchemaModel afterNext;
    try (ShadowDatabase shadow = openShadow(target, dialect, settings)) {
      liquibase.update(shadow.connection(), Update.of(changelog).upTo(applied.count() + 1));
      afterNext = snapshotter.snapshot(shadow.connection(), shadow.dialect(),
          shadowScope(target.environment(), dialect, shadow).withDeclared(declared));
    }
    List<SchemaChange> next = SchemaDiff.between(expected, afterNext);
    Set<String> nextObjects = new java.util.HashSet<>();
    next.forEach(c -> nextObjects.add(c.objectKind() + " " + c.objectName()));
    if (next.isEmpty() || !drift.stream().allMatch(c -> nextObjects.contains(c.objectKind() + " " + c.objectName()))) {
      return Optional.empty();
    }
    ChangeSetRef ref = applied.pending().get(0);
    Optional<io.dbdevops.liquibase.ChangeSetInfo> info = changelog.changeSets().stream()
        .filter(c -> c.key().equals(ref.key())).findFirst();
    String location = info.map(io.dbdevops.liquibase.ChangeSetInfo::location).orElse(ref.file());
    boolean schemaOnly = info.map(c -> !c.changes().isEmpty()
        && c.changes().stream().allMatch(ch -> STRUCTURAL.contains(ch.type()))).orElse(false);
    return Optional.of(new HalfApplied(ref.id(), ref.author(), location, drift, SchemaDiff.between(live, afterNext),
        schemaOnly));
  }

  /** Liquibase changes whose whole effect is in the schema the snapshot reads (no SQL of the user's, no data). */
  private static final Set<String> STRUCTURAL = Set.of("createTable", "addColumn", "createIndex", "addPrimaryKey",
      "addForeignKeyConstraint", "addUniqueConstraint", "createView", "createSequence", "renameColumn", "renameTable",
      "renameView", "dropTable", "dropColumn", "dropIndex", "dropView", "dropSequence", "dropForeignKeyConstraint",
      "dropPrimaryKey", "dropUniqueConstraint", "modifyDataType", "addDefaultValue", "dropDefaultValue",
      "dropNotNullConstraint", "setColumnRemarks", "setTableRemarks");

  /** Expected grants vs live ones: {@code +} live only, {@code -} expected only. */
  public static List<GrantDrift> grantDrift(List<Grant> expected, SortedSet<Grant> live) {
    if (expected.isEmpty()) {
      return List.of();
    }
    List<GrantDrift> drift = new ArrayList<>();
    Set<Grant> wanted = new TreeSet<>(expected);
    for (Grant g : live) {
      if (!wanted.contains(g)) {
        drift.add(new GrantDrift(g, SchemaChange.Sign.ADDED));
      }
    }
    for (Grant g : wanted) {
      if (!live.contains(g)) {
        drift.add(new GrantDrift(g, SchemaChange.Sign.REMOVED));
      }
    }
    drift.sort(java.util.Comparator.comparing(GrantDrift::grant));
    return drift;
  }

  /** The reference tables the expected state holds (one a pending changeset creates is not there yet: not drift). */
  private static List<io.dbdevops.model.Table> referenceTables(SchemaModel expected, List<String> names) {
    return RowReader.referenceTables(expected, names.stream().filter(n -> expected.table(n).isPresent()).toList(),
        "the expected state");
  }

  private static Optional<String> single(List<String> schemas) {
    return schemas.size() == 1 ? Optional.of(schemas.get(0)) : Optional.empty();
  }

  /**
   * A shadow of the environment's engine, as the drift check builds its expected state on: the explicit shadow setting,
   * else a temporary database on the environment's server, else (PostgreSQL) embedded PostgreSQL.
   */
  public ShadowDatabase openShadow(LiveTarget target, Dialect dialect, Settings settings) {
    if (settings.shadow().isPresent()) {
      return shadows.open(settings.shadow().get());
    }
    ShadowSettings sameServer = new ShadowSettings("url", Optional.of(target.url()), target.username(), target.password());
    try {
      return shadows.open(sameServer);
    } catch (SetupException e) {
      if (dialect != Dialect.POSTGRESQL) {
        throw new SetupException("cannot build the expected state of " + target.description() + ": " + e.getMessage()
            + "; or set -Ddbdevops.shadow=url with -Ddbdevops.shadow.url pointing at a " + dialect.word()
            + " server where a temporary database may be created", e);
      }
      settings.progress().accept("no temporary database on the environment's server (" + e.getMessage()
          + "); using embedded PostgreSQL");
      return shadows.open(new ShadowSettings("postgres-embedded", Optional.empty(), Optional.empty(), null));
    }
  }

  private static SnapshotScope shadowScope(Environment env, Dialect dialect, ShadowDatabase shadow) {
    // a MariaDB shadow is a database of its own name: it stands for the environment's one database
    if (env.schemas().isEmpty() || dialect == Dialect.MARIADB && env.schemas().size() == 1) {
      return SnapshotScope.of(shadow.defaultSchema());
    }
    return new SnapshotScope(env.schemas());
  }

  static String defaultSchema(Connection c, Dialect dialect) throws SQLException {
    String s = dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema();
    if (s == null) {
      throw new SetupException("the connection has no default " + (dialect == Dialect.MARIADB ? "database" : "schema")
          + ": name the database in the environment's <url>, or set <schemas>");
    }
    return s;
  }

  private static Dialect dialect(Connection c, String where) {
    try {
      return Dialect.of(c);
    } catch (SQLException e) {
      throw new SetupException("cannot read the database product of " + where + ": " + e.getMessage(), e);
    }
  }

  /** The applied changesets laid over the changelog: how many to apply to the shadow, what is pending, what is odd. */
  record Applied(int count, List<ChangeSetRef> pending, List<String> problems, List<String> expectedKeys) {

    static Applied of(List<History.Row> rows, List<ChangeSetRef> selected) {
      Set<String> appliedKeys = new LinkedHashSet<>();
      rows.forEach(r -> appliedKeys.add(r.key()));
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < selected.size(); i++) {
        index.put(selected.get(i).key(), i);
      }
      List<String> problems = new ArrayList<>();
      int last = -1;
      for (History.Row r : rows) {
        Integer i = index.get(r.key());
        if (i == null) {
          problems.add("changeset " + r.id() + " (author " + r.author() + ", " + r.file() + ") is applied but not in the "
              + "changelog for these contexts/labels");
        } else {
          last = Math.max(last, i);
        }
      }
      List<ChangeSetRef> pending = new ArrayList<>();
      List<String> expectedKeys = new ArrayList<>();
      for (int i = 0; i < selected.size(); i++) {
        ChangeSetRef c = selected.get(i);
        if (i <= last) {
          expectedKeys.add(c.key());
        }
        if (!appliedKeys.contains(c.key())) {
          pending.add(c);
          if (i < last) {
            problems.add("changeset " + c.id() + " (author " + c.author() + ", " + c.file() + ") is not applied, but "
                + "changesets after it are: applied out of order");
          }
        }
      }
      return new Applied(last + 1, pending, problems, expectedKeys);
    }

    /** The shadow must hold exactly the changesets the environment has; Liquibase's update-count decides otherwise. */
    void checkShadow(List<History.Row> shadowRows) {
      List<String> keys = shadowRows.stream().map(History.Row::key).toList();
      if (!keys.equals(expectedKeys)) {
        throw new SetupException("the expected state could not be rebuilt at the applied changesets: the shadow applied "
            + keys.size() + ", expected " + expectedKeys.size() + " (check the environment's contexts and labels)");
      }
    }
  }
}
