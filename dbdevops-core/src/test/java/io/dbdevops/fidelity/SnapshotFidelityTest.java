package io.dbdevops.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.fidelity.Catalog.CatalogColumn;
import io.dbdevops.fidelity.Catalog.CatalogFk;
import io.dbdevops.fidelity.Catalog.CatalogIndex;
import io.dbdevops.fidelity.Catalog.CatalogTable;
import io.dbdevops.fidelity.FidelityChangelog.FkSpec;
import io.dbdevops.fidelity.FidelityChangelog.IndexSpec;
import io.dbdevops.fidelity.FidelityChangelog.Scope;
import io.dbdevops.fidelity.FidelityChangelog.TableSpec;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import io.dbdevops.testdb.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8, the fidelity test: a generated ~250-table enterprise changelog (see {@link FidelityChangelog}) applied
 * through the gate ({@link Gate#build}: shadow, {@link LiquibaseRunner}, {@link SchemaCrawlerSnapshotter}) on H2,
 * PostgreSQL and MariaDB, and the snapshot compared with the engine's own catalog ({@link Catalog}), queried directly
 * on the same shadow connection right after the snapshot.
 *
 * <p>The oracle for indexes is "leave out only what the database itself made for a constraint": on PostgreSQL an index
 * that backs a primary key or unique constraint ({@code pg_constraint.conindid}), on H2 one the catalog marks
 * {@code IS_GENERATED}; everything a createIndex made is a user index. On MariaDB an index InnoDB made for a foreign key
 * and an explicit createIndex named like the foreign key look the same in information_schema, so the expected list is
 * the generator's (indexes created and not dropped), cross-checked with information_schema.STATISTICS in
 * {@link #changelogMakesWhatTheGeneratorPlanned}.
 *
 * <p>Foreign-key rules are compared with the catalog as it spells them. One engine fact is allowed for: H2 reports
 * RESTRICT whether the changelog said RESTRICT, NO ACTION or nothing, and MariaDB reports RESTRICT for RESTRICT and for
 * nothing; so where those two catalogs say RESTRICT, the state may say {@code restrict} or {@code no action}.
 * PostgreSQL, whose catalog tells them apart, must keep each as it is.
 *
 * <p>Each engine is applied once per JVM (the runs are cached); the counts of catalog vs state are printed at the end.
 */
class SnapshotFidelityTest {

  static final long SEED = 8;
  static final int PORTABLE_TABLES = 238;
  static final FidelityChangelog CHANGELOG = FidelityChangelog.generate(SEED, PORTABLE_TABLES);

  private static final Map<Engine, Object> RUNS = new EnumMap<>(Engine.class);
  private static Path root;

  /** One engine's result: the snapshot, the catalog read on the same connection, and timings. */
  record Run(Engine engine, SchemaModel model, Catalog catalog, int changeSets, Duration update, Duration snapshot) {
    Map<String, Table> tables() {
      return model.tables().stream().collect(Collectors.toMap(Table::name, t -> t, (a, b) -> a, TreeMap::new));
    }
  }

  /** The gate's snapshotter, reading the engine's catalog on the same connection right after the snapshot. */
  private static final class CatalogReadingSnapshotter implements Snapshotter {
    private final Engine engine;
    private final Snapshotter delegate = new SchemaCrawlerSnapshotter();
    Catalog catalog;
    Duration took = Duration.ZERO;

    CatalogReadingSnapshotter(Engine engine) {
      this.engine = engine;
    }

    @Override
    public SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope) {
      long t0 = System.nanoTime();
      SchemaModel model = delegate.snapshot(connection, dialect, scope);
      took = Duration.ofNanos(System.nanoTime() - t0);
      try {
        catalog = Catalog.read(connection, engine, scope.schemas().get(0));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the " + engine + " catalog: " + e.getMessage(), e);
      }
      return model;
    }
  }

  static synchronized Run run(Engine engine) {
    Object cached = RUNS.get(engine);
    if (cached == null) {
      try {
        cached = apply(engine);
      } catch (org.opentest4j.TestAbortedException e) {
        throw e; // no server: TestDatabases skips (or fails, in CI) every time it is asked
      } catch (RuntimeException | AssertionError e) {
        cached = e;
      }
      RUNS.put(engine, cached);
    }
    if (cached instanceof RuntimeException e) {
      throw e;
    }
    if (cached instanceof AssertionError e) {
      throw e;
    }
    return (Run) cached;
  }

  private static Run apply(Engine engine) {
    ChangelogSource changelog = changelog();
    CatalogReadingSnapshotter snapshotter = new CatalogReadingSnapshotter(engine);
    GateSettings settings = new GateSettings(changelog, root.resolve("state-" + engine), engine.shadow(), List.of(),
        new UpdateOptions(Optional.of(FidelityChangelog.contexts(engine)), Optional.empty(), Map.of()));
    Gate.Built built = new Gate(ShadowProviders.load(), new LiquibaseRunner(), snapshotter, GateListener.SILENT).build(settings);
    assertThat(snapshotter.catalog).as("catalog read on %s", engine).isNotNull();
    return new Run(engine, built.model(), snapshotter.catalog, built.update().applied().size(), built.update().took(),
        snapshotter.took);
  }

  private static synchronized ChangelogSource changelog() {
    try {
      if (root == null) {
        root = Files.createTempDirectory("dbdevops-fidelity-");
        CHANGELOG.write(root.resolve("changelog"));
      }
      return new ChangelogSource(root.resolve("changelog"), FidelityChangelog.MASTER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the fixture itself: the changelog made what the generator planned (if this fails, the test is wrong, not the code)

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void changelogMakesWhatTheGeneratorPlanned(Engine engine) {
    Run run = run(engine);
    Map<String, TableSpec> expected = CHANGELOG.tablesOn(engine);
    Map<String, CatalogTable> catalog = run.catalog().tables();
    List<String> problems = new ArrayList<>();
    if (!catalog.keySet().equals(expected.keySet())) {
      problems.add("tables: catalog has " + difference(catalog.keySet(), expected.keySet()) + " the generator did not plan, "
          + "lacks " + difference(expected.keySet(), catalog.keySet()));
    }
    for (TableSpec t : expected.values()) {
      CatalogTable c = catalog.get(t.name);
      if (c == null) {
        continue;
      }
      List<String> cols = c.columns.stream().map(CatalogColumn::name).toList();
      if (!cols.equals(List.copyOf(t.columns.keySet()))) {
        problems.add(t.name + ": columns " + cols + ", planned " + t.columns.keySet());
      }
      if (!c.primaryKey.equals(t.primaryKey)) {
        problems.add(t.name + ": primary key " + c.primaryKey + ", planned " + t.primaryKey);
      }
      Set<String> fkNames = t.foreignKeys.stream().map(FkSpec::name).collect(Collectors.toCollection(TreeSet::new));
      if (!c.foreignKeys.keySet().equals(fkNames)) {
        problems.add(t.name + ": foreign keys " + c.foreignKeys.keySet() + ", planned " + fkNames);
      }
      for (FkSpec fk : t.foreignKeys) {
        CatalogFk cf = c.foreignKeys.get(fk.name());
        if (cf != null && (!cf.columns().equals(fk.columns()) || !cf.referencedTable().equals(fk.referencedTable())
            || !cf.onDelete().equals(catalogRule(engine, fk.onDelete())) || !cf.onUpdate().equals(catalogRule(engine, fk.onUpdate())))) {
          problems.add(t.name + "." + fk.name() + ": catalog " + cf + ", planned " + fk);
        }
      }
      Set<List<String>> uniques = c.uniques.values().stream().map(Catalog.CatalogUnique::columns).collect(Collectors.toSet());
      Set<List<String>> plannedUniques = t.uniques.stream().map(FidelityChangelog.UniqueSpec::columns).collect(Collectors.toSet());
      if (!uniques.equals(plannedUniques)) {
        problems.add(t.name + ": unique constraints " + uniques + ", planned " + plannedUniques);
      }
      Map<String, List<String>> planned = t.indexes.stream().collect(Collectors.toMap(IndexSpec::name, IndexSpec::columns,
          (a, b) -> a, TreeMap::new));
      for (IndexSpec i : t.indexes) {
        CatalogIndex ci = c.indexes.get(i.name());
        if (ci == null || !ci.columns().equals(i.columns()) || ci.unique()) {
          problems.add(t.name + ": planned index " + i + " is in the catalog as " + ci);
        }
      }
      for (CatalogIndex ci : c.indexes.values()) {
        if (planned.containsKey(ci.name())) {
          if (ci.madeForConstraint().orElse(false)) {
            problems.add(t.name + ": the catalog says the database made the planned index " + ci.name() + " for a constraint");
          }
          continue;
        }
        // not planned: the database must have made it for a constraint, by the catalog's own word where it has one
        boolean forForeignKey = c.foreignKeys.values().stream().anyMatch(f -> f.name().equals(ci.name())
            && f.columns().equals(ci.columns()));
        boolean explained = ci.madeForConstraint().orElse(engine == Engine.MARIADB && forForeignKey);
        if (!explained) {
          problems.add(t.name + ": index " + ci + " was not planned and the catalog does not say a constraint made it");
        }
      }
    }
    assertNoProblems("the changelog on " + engine + " against the generator's plan (a test defect if this fails)", problems);
  }

  /** How an engine's catalog reports a rule the changelog gave (or left out). */
  private static String catalogRule(Engine engine, Optional<String> rule) {
    String r = rule.map(s -> s.toLowerCase(Locale.ROOT)).orElse("no action");
    return switch (engine) {
      case POSTGRESQL -> r;
      case MARIADB -> rule.isEmpty() ? "restrict" : r;
      case H2 -> r.equals("no action") ? "restrict" : r;
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the snapshot against the catalog

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void tablesAndColumnsAreTheCatalogs(Engine engine) {
    Run run = run(engine);
    Map<String, Table> state = run.tables();
    Map<String, CatalogTable> catalog = run.catalog().tables();
    List<String> problems = new ArrayList<>();
    if (!state.keySet().equals(catalog.keySet())) {
      problems.add("tables: state has " + difference(state.keySet(), catalog.keySet()) + " the catalog has not; lacks "
          + difference(catalog.keySet(), state.keySet()));
    }
    for (CatalogTable c : catalog.values()) {
      Table t = state.get(c.name);
      if (t == null) {
        continue;
      }
      List<String> catalogColumns = c.columns.stream().map(CatalogColumn::name).toList();
      List<String> stateColumns = t.columns().stream().map(Column::name).toList();
      if (!stateColumns.equals(catalogColumns)) {
        problems.add(c.name + ": columns " + stateColumns + ", catalog " + catalogColumns);
      }
      for (CatalogColumn cc : c.columns) {
        Optional<Column> sc = t.column(cc.name());
        if (sc.isEmpty()) {
          continue;
        }
        Column s = sc.get();
        if (s.nullable() != cc.nullable()) {
          problems.add(c.name + "." + cc.name() + ": nullable " + s.nullable() + ", catalog " + cc.nullable());
        }
        if (s.identity() != cc.identity()) {
          problems.add(c.name + "." + cc.name() + ": identity " + s.identity() + ", catalog " + cc.identity());
        }
        if (s.defaultValue().isPresent() != cc.defaultValue().isPresent()) {
          problems.add(c.name + "." + cc.name() + ": default " + s.defaultValue().orElse("(none)") + ", catalog "
              + cc.defaultValue().orElse("(none)"));
        } else if (cc.defaultValue().map(d -> d.contains(FidelityChangelog.LEGACY_TS)).orElse(false)
            && !s.defaultValue().orElseThrow().contains(FidelityChangelog.LEGACY_TS)) {
          problems.add(c.name + "." + cc.name() + ": default " + s.defaultValue().get() + ", catalog " + cc.defaultValue().get());
        }
      }
    }
    assertNoProblems("tables and columns on " + engine, problems);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void primaryKeysAreTheCatalogs(Engine engine) {
    Run run = run(engine);
    List<String> problems = new ArrayList<>();
    eachTable(run, (c, t) -> {
      List<String> state = t.primaryKey().map(PrimaryKey::columns).orElse(List.of());
      if (!state.equals(c.primaryKey)) {
        problems.add(c.name + ": primary key " + state + ", catalog " + c.primaryKey);
      }
    });
    assertNoProblems("primary keys on " + engine, problems);
  }

  /** By name: twins (two foreign keys on the same columns to the same table) are two. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void foreignKeysAreTheCatalogsByName(Engine engine) {
    Run run = run(engine);
    List<String> problems = new ArrayList<>();
    eachTable(run, (c, t) -> {
      if (t.foreignKeys().size() != c.foreignKeys.size()) {
        problems.add(c.name + ": " + t.foreignKeys().size() + " foreign keys, catalog " + c.foreignKeys.size() + " "
            + c.foreignKeys.keySet());
      }
      Map<String, ForeignKey> named = new TreeMap<>();
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.name().isEmpty()) {
          problems.add(c.name + ": foreign key " + fk.key() + " has lost its name (catalog: "
              + c.foreignKeys.values().stream().filter(f -> f.columns().equals(fk.columns())).map(CatalogFk::name).toList() + ")");
        } else {
          named.put(fk.name().get(), fk);
        }
      }
      for (CatalogFk cf : c.foreignKeys.values()) {
        ForeignKey s = named.get(cf.name());
        if (s == null) {
          continue;
        }
        if (!s.columns().equals(cf.columns()) || !s.referencedTable().equals(cf.referencedTable())
            || !s.referencedColumns().equals(cf.referencedColumns())) {
          problems.add(c.name + "." + cf.name() + ": " + s.key() + ", catalog " + cf.columns() + "->" + cf.referencedTable()
              + cf.referencedColumns());
        }
        if (!ruleMatches(engine, s.onDelete(), cf.onDelete())) {
          problems.add(c.name + "." + cf.name() + ": on delete " + s.onDelete() + ", catalog " + cf.onDelete());
        }
        if (!ruleMatches(engine, s.onUpdate(), cf.onUpdate())) {
          problems.add(c.name + "." + cf.name() + ": on update " + s.onUpdate() + ", catalog " + cf.onUpdate());
        }
      }
    });
    assertNoProblems("foreign keys on " + engine, problems);
  }

  /** H2 and MariaDB report RESTRICT for the rule they default to: there either word is the catalog's. */
  private static boolean ruleMatches(Engine engine, String state, String catalog) {
    if (engine != Engine.POSTGRESQL && catalog.equals("restrict")) {
      return state.equals("restrict") || state.equals("no action");
    }
    return state.equals(catalog);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void uniqueConstraintsAreTheCatalogs(Engine engine) {
    Run run = run(engine);
    List<String> problems = new ArrayList<>();
    eachTable(run, (c, t) -> {
      List<String> state = t.uniqueConstraints().stream().map(UniqueConstraint::key).sorted().toList();
      List<String> cat = c.uniques.values().stream().map(u -> String.join(",", u.columns())).sorted().toList();
      if (!state.equals(cat)) {
        problems.add(c.name + ": unique " + state + ", catalog " + cat);
      }
    });
    assertNoProblems("unique constraints on " + engine, problems);
  }

  /** Only what the database itself made for a constraint is left out. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void userIndexesAreAllThereAndOnlyThem(Engine engine) {
    Run run = run(engine);
    Map<String, TableSpec> planned = CHANGELOG.tablesOn(engine);
    List<String> problems = new ArrayList<>();
    eachTable(run, (c, t) -> {
      Map<String, String> expected = new TreeMap<>();
      userIndexes(engine, c, planned.get(c.name)).forEach(i -> expected.put(i.name(), describe(i.columns(), i.unique())));
      Map<String, String> state = new TreeMap<>();
      t.indexes().forEach(i -> state.put(i.name(), describe(i.columns(), i.unique())));
      if (!state.equals(expected)) {
        Set<String> missing = difference(expected.keySet(), state.keySet());
        Set<String> extra = difference(state.keySet(), expected.keySet());
        List<String> changed = expected.keySet().stream().filter(state::containsKey)
            .filter(n -> !state.get(n).equals(expected.get(n))).map(n -> n + " " + state.get(n) + " vs " + expected.get(n)).toList();
        problems.add(c.name + ":" + (missing.isEmpty() ? "" : " missing " + missing) + (extra.isEmpty() ? "" : " extra " + extra)
            + (changed.isEmpty() ? "" : " differ " + changed));
      }
    });
    assertNoProblems("user indexes on " + engine, problems);
  }

  /** The user indexes by the oracle rule: the catalog's word where it has one, the generator's on MariaDB. */
  static List<CatalogIndex> userIndexes(Engine engine, CatalogTable c, TableSpec planned) {
    if (engine == Engine.MARIADB) {
      Set<String> explicit = planned == null ? Set.of() : planned.indexes.stream().map(IndexSpec::name).collect(Collectors.toSet());
      return c.indexes.values().stream().filter(i -> explicit.contains(i.name())).toList();
    }
    return c.indexes.values().stream().filter(i -> !i.madeForConstraint().orElseThrow()).toList();
  }

  private static String describe(List<String> columns, boolean unique) {
    return (unique ? "unique " : "") + columns;
  }

  /**
   * Two columns whose catalog types differ get different state types, and one catalog type always the same state type.
   * One documented allowance: Liquibase writes TIMESTAMP as {@code timestamp} and DATETIME as {@code datetime} on
   * MariaDB, but both as {@code timestamp} on PostgreSQL and H2, so MariaDB's plain {@code datetime} and
   * {@code timestamp} may share the portable {@code timestamp} (the portable changelog's state would differ otherwise).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void typesTheCatalogTellsApartStayApart(Engine engine) {
    Run run = run(engine);
    Map<String, Set<String>> statesOfNative = new TreeMap<>();
    Map<String, Set<String>> nativesOfState = new TreeMap<>();
    Map<String, String> example = new TreeMap<>();
    eachTable(run, (c, t) -> c.columns.forEach(cc -> t.column(cc.name()).ifPresent(sc -> {
      String native_ = engine == Engine.MARIADB && cc.nativeType().equals("datetime") ? "timestamp" : cc.nativeType();
      String state = sc.type().toString();
      statesOfNative.computeIfAbsent(native_, k -> new TreeSet<>()).add(state);
      nativesOfState.computeIfAbsent(state, k -> new TreeSet<>()).add(native_);
      example.putIfAbsent(native_, c.name + "." + cc.name());
    })));
    List<String> problems = new ArrayList<>();
    nativesOfState.forEach((state, natives) -> {
      if (natives.size() > 1) {
        problems.add("state type " + state + " for catalog types " + natives.stream().map(n -> n + " (e.g. " + example.get(n) + ")")
            .toList());
      }
    });
    statesOfNative.forEach((native_, states) -> {
      if (states.size() > 1) {
        problems.add("catalog type " + native_ + " read as " + states);
      }
    });
    assertNoProblems("column types on " + engine, problems);
  }

  @Test
  void mariaDbTypesThatDifferInTheCatalogStayDistinct() {
    Run run = run(Engine.MARIADB);
    CatalogTable c = run.catalog().tables().get(FidelityChangelog.MARIADB_TABLE);
    Table t = run.tables().get(FidelityChangelog.MARIADB_TABLE);
    assertThat(t).as("state of %s", FidelityChangelog.MARIADB_TABLE).isNotNull();
    Map<String, String> native_ = new LinkedHashMap<>();
    Map<String, String> state = new LinkedHashMap<>();
    for (String col : List.of("status_code", "is_active", "changed_at", "created_at", "body", "summary")) {
      native_.put(col, c.column(col).orElseThrow().nativeType());
      state.put(col, t.column(col).orElseThrow().type().toString());
    }
    assertThat(native_).as("the fixture: what MariaDB made").containsExactly(Map.entry("status_code", "tinyint(4)"),
        Map.entry("is_active", "tinyint(1)"), Map.entry("changed_at", "datetime(6)"), Map.entry("created_at", "datetime"),
        Map.entry("body", "longtext"), Map.entry("summary", "mediumtext"));
    assertThat(state.get("is_active")).as("tinyint(1) is MariaDB's boolean").isEqualTo("boolean");
    assertThat(state.get("status_code")).as("tinyint(4) is a number, not a boolean").isNotEqualTo("boolean");
    assertThat(Set.copyOf(state.values())).as("six catalog types, six state types: %s", state).hasSize(6);
  }

  @Test
  void postgresOidIsNotABigint() {
    Run run = run(Engine.POSTGRESQL);
    CatalogTable c = run.catalog().tables().get(FidelityChangelog.PG_TABLE);
    Table t = run.tables().get(FidelityChangelog.PG_TABLE);
    assertThat(c.column("blob_oid").orElseThrow().nativeType()).as("the fixture").isEqualTo("oid");
    assertThat(c.column("size_bytes").orElseThrow().nativeType()).as("the fixture").isEqualTo("bigint");
    String oid = t.column("blob_oid").orElseThrow().type().toString();
    assertThat(oid).as("oid in the state").isNotIn("bigint", "integer")
        .isNotEqualTo(t.column("size_bytes").orElseThrow().type().toString());
  }

  /**
   * PostgreSQL's catalog tells RESTRICT from NO ACTION (they differ there: NO ACTION is checked at the end of the
   * statement and may be deferred), so an explicit RESTRICT must stay restrict. Not asserted on MariaDB and H2, whose
   * catalogs report RESTRICT for a foreign key without a rule too (see {@link #ruleMatches}).
   */
  @Test
  void restrictIsKeptAsRestrict() {
    Run run = run(Engine.POSTGRESQL);
    CatalogTable orders = run.catalog().tables().get("orders");
    assertThat(orders.foreignKeys.get(FidelityChangelog.RESTRICT_FK).onDelete()).as("the fixture").isEqualTo("restrict");
    assertThat(run.catalog().tables().get("invoice").foreignKeys.get("fk_4c2b1e9a0d").onUpdate()).as("the fixture")
        .isEqualTo("restrict");
    assertThat(namedForeignKey(run, "orders", FidelityChangelog.RESTRICT_FK).onDelete())
        .as("%s on delete", FidelityChangelog.RESTRICT_FK).isEqualTo("restrict");
    assertThat(run.tables().get("invoice").foreignKeys().stream().filter(f -> f.columns().equals(List.of("order_id")))
        .findFirst().orElseThrow().onUpdate()).as("invoice.fk_4c2b1e9a0d on update").isEqualTo("restrict");
  }

  /** Names given in the changelog are kept even where they look like the names some engine generates. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void explicitNamesThatLookGeneratedAreKept(Engine engine) {
    Run run = run(engine);
    Map<String, Table> tables = run.tables();
    List<String> problems = new ArrayList<>();
    Map<String, String> fks = Map.of("orders_ibfk_1", "orders", "invoice_customer_id_fkey", "invoice", "fk_4c2b1e9a0d",
        "invoice", "fk_session_api_key", "session");
    fks.forEach((name, table) -> {
      if (tables.get(table).foreignKeys().stream().noneMatch(f -> f.name().equals(Optional.of(name)))) {
        problems.add("foreign key " + table + "." + name + " (state: " + tables.get(table).foreignKeys().stream()
            .map(f -> f.name().orElse("<no name>") + " " + f.key()).toList() + ")");
      }
    });
    CHANGELOG.tablesOn(engine).values().stream().flatMap(t -> t.foreignKeys.stream().map(f -> Map.entry(t.name, f.name())))
        .filter(e -> e.getValue().contains("_ibfk_") && !fks.containsKey(e.getValue()))
        .filter(e -> tables.get(e.getKey()).foreignKeys().stream().noneMatch(f -> f.name().equals(Optional.of(e.getValue()))))
        .forEach(e -> problems.add("foreign key " + e.getKey() + "." + e.getValue()));
    Map<String, String> indexes = Map.of("invoice_index_2", "invoice", "fk_4c2b1e9a0d", "invoice", "idx_session_api_key",
        "session", FidelityChangelog.RESTRICT_FK, "orders");
    indexes.forEach((name, table) -> {
      if (tables.get(table).indexes().stream().noneMatch(i -> i.name().equals(name))) {
        problems.add("index " + table + "." + name + " (state: " + tables.get(table).indexes().stream().map(Index::name).toList() + ")");
      }
    });
    assertNoProblems("explicit names that look generated, on " + engine, problems);
  }

  /** The committed state is the files: they must read back as the model they were written from (twins too). */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void stateFilesReadBackAsTheSnapshot(Engine engine) {
    Run run = run(engine);
    Path state = root.resolve("state-" + engine);
    new StateWriter().write(run.model(), state);
    SchemaModel back = new StateReader().read(state);
    List<String> problems = new ArrayList<>();
    Map<String, Table> read = back.tables().stream().collect(Collectors.toMap(Table::name, t -> t));
    for (Table t : run.model().tables()) {
      if (!t.equals(read.get(t.name()))) {
        problems.add(t.name() + ": written " + t + "\n      read " + read.get(t.name()));
      }
    }
    assertNoProblems("state files read back on " + engine, problems);
  }

  /**
   * The state is canonical: it does not depend on the order the catalog lists a table's foreign keys, unique
   * constraints, indexes and checks in (twins, which share columns and target, included). Seen on the current code:
   * two builds of this changelog on H2 or MariaDB list twins in different orders.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void stateDoesNotDependOnTheCatalogsOrder(Engine engine) {
    Run run = run(engine);
    List<String> problems = new ArrayList<>();
    for (Table t : run.model().tables()) {
      Table reversed = new Table(t.name(), t.columns(), t.primaryKey(), reversed(t.foreignKeys()), reversed(t.uniqueConstraints()),
          reversed(t.indexes()), reversed(t.checks()), t.comment());
      if (!reversed.equals(t)) {
        problems.add(t.name() + ": foreign keys " + names(t.foreignKeys()) + " become " + names(reversed.foreignKeys())
            + " when the catalog lists them the other way round");
      }
    }
    assertNoProblems("canonical order on " + engine, problems);
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> r = new ArrayList<>(list);
    java.util.Collections.reverse(r);
    return r;
  }

  private static List<String> names(List<ForeignKey> fks) {
    return fks.stream().map(f -> f.name().orElse("<no name>")).toList();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // portability

  /**
   * The portable tables give the same state files on H2, PostgreSQL and MariaDB, and the context-split tables the same
   * on PostgreSQL and MariaDB, except for the documented engine differences taken out by {@link #portable}.
   */
  @Test
  void portableChangelogGivesTheSameStateOnEveryEngine() {
    Map<Engine, Map<String, String>> rendered = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      rendered.put(engine, rendered(run(engine)));
    }
    List<String> problems = new ArrayList<>();
    for (TableSpec t : CHANGELOG.tables()) {
      if (t.scope != Scope.PORTABLE && t.scope != Scope.CONTEXT_SPLIT) {
        continue;
      }
      // engines grouped by the state file they give for the table
      Map<String, List<Engine>> groups = new LinkedHashMap<>();
      for (Engine engine : Engine.values()) {
        if (t.scope.existsOn(engine)) {
          groups.computeIfAbsent(Objects.requireNonNullElse(rendered.get(engine).get(t.name), "<no state file>"),
              k -> new ArrayList<>()).add(engine);
        }
      }
      if (groups.size() > 1) {
        List<Map.Entry<String, List<Engine>>> g = new ArrayList<>(groups.entrySet());
        g.sort(Comparator.comparing((Map.Entry<String, List<Engine>> e) -> -e.getValue().size()));
        StringBuilder line = new StringBuilder(t.name + ":");
        for (int i = 1; i < g.size(); i++) {
          line.append(' ').append(g.get(i).getValue()).append(" vs ").append(g.get(0).getValue()).append(": ")
              .append(firstDifference(g.get(i).getKey(), g.get(0).getKey()));
        }
        problems.add(line.toString());
      }
    }
    assertNoProblems("portable tables across engines", problems);
  }

  /** Table name → its state file, after the documented engine differences are taken out. */
  private static Map<String, String> rendered(Run run) {
    SchemaModel model = portable(run);
    Map<String, String> out = new TreeMap<>();
    new StateWriter().render(model, Path.of("s")).forEach((p, text) -> out.put(p.getFileName().toString()
        .replaceAll("\\.yaml$", ""), text));
    return out;
  }

  /**
   * The documented engine differences, taken out of every engine's model alike:
   * <ul>
   *   <li>foreign-key rules: where H2 or MariaDB read RESTRICT (or NO ACTION), the rule the changelog meant is taken
   *       from the generator (restrict if it said RESTRICT, otherwise no action), as PostgreSQL's catalog keeps it;</li>
   *   <li>renamed columns: Liquibase's renameColumn on MariaDB is {@code CHANGE old new <columnDataType>}, which drops
   *       NOT NULL and the default unless columnDataType repeats them (the hotfixes here, like most, do not): the
   *       renamed columns really are nullable without default there, so their nullability and default are not
   *       compared.</li>
   * </ul>
   */
  private static SchemaModel portable(Run run) {
    Map<String, FkSpec> planned = CHANGELOG.foreignKeysOn(run.engine());
    List<Table> tables = new ArrayList<>();
    for (Table t : run.model().tables()) {
      List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> {
        FkSpec p = fk.name().map(planned::get).orElse(null);
        if (p == null || run.engine() == Engine.POSTGRESQL) {
          return fk;
        }
        return new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), fk.referencedColumns(),
            meant(fk.onDelete(), p.onDelete()), meant(fk.onUpdate(), p.onUpdate()));
      }).toList();
      List<Column> columns = t.columns().stream().map(c -> c.name().equals(FidelityChangelog.RENAMED_TO)
          ? new Column(c.name(), c.type(), true, Optional.empty(), c.identity(), c.comment()) : c).toList();
      tables.add(new Table(t.name(), columns, t.primaryKey(), fks, t.uniqueConstraints(), t.indexes(), t.checks(), t.comment()));
    }
    return new SchemaModel(tables, run.model().views(), run.model().sequences());
  }

  private static String meant(String read, Optional<String> written) {
    if (!read.equals("restrict") && !read.equals("no action")) {
      return read;
    }
    return written.map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> w.equals("restrict")).orElse("no action");
  }

  private static String firstDifference(String actual, String expected) {
    if (actual == null || expected == null) {
      return actual == null ? "no state file" : "PostgreSQL has no state file";
    }
    String[] a = actual.split("\n");
    String[] e = expected.split("\n");
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String al = i < a.length ? a[i] : "<end>";
      String el = i < e.length ? e[i] : "<end>";
      if (!al.equals(el)) {
        return "line " + (i + 1) + " '" + al.trim() + "' vs '" + el.trim() + "'";
      }
    }
    return "(same lines, different ending)";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the numbers

  @AfterAll
  static void removeTheChangelog() throws IOException {
    if (root != null) {
      try (java.util.stream.Stream<Path> files = Files.walk(root)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @AfterAll
  static void printCounts() {
    if (RUNS.values().stream().noneMatch(Run.class::isInstance)) {
      return;
    }
    FidelityChangelog.Stats s = CHANGELOG.stats();
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n[fidelity] seed %d: %d tables generated, %d changesets in %d files; %d index-then-FK, %d FK"
        + " without index, %d twins, %d late FKs, %d later indexes on FK columns, %d dropped indexes, %d dropped columns,"
        + " %d renamed columns%n", SEED, CHANGELOG.tables().size(), s.changeSets(), s.files(), s.indexThenForeignKey(),
        s.foreignKeyWithoutIndex(), s.twins(), s.lateForeignKeys(), s.supersedingIndexes(), s.droppedIndexes(),
        s.droppedColumns(), s.renamedColumns()));
    List<Engine> engines = RUNS.keySet().stream().toList();
    out.append(String.format("[fidelity] %-26s", "catalog / state (* differ)"));
    engines.forEach(e -> out.append(String.format("%18s", e.name().toLowerCase(Locale.ROOT))));
    out.append('\n');
    Map<String, java.util.function.Function<Run, String>> rows = new LinkedHashMap<>();
    rows.put("tables", r -> pair(r.catalog().tables().size(), r.model().tables().size()));
    rows.put("columns", r -> pair(catalogSum(r, c -> c.columns.size()), stateSum(r, t -> t.columns().size())));
    rows.put("primary keys", r -> pair(catalogSum(r, c -> c.primaryKey.isEmpty() ? 0 : 1),
        stateSum(r, t -> t.primaryKey().isPresent() ? 1 : 0)));
    rows.put("foreign keys", r -> pair(catalogSum(r, c -> c.foreignKeys.size()), stateSum(r, t -> t.foreignKeys().size())));
    rows.put("  with their name", r -> pair(catalogSum(r, c -> c.foreignKeys.size()),
        stateSum(r, t -> (int) t.foreignKeys().stream().filter(f -> f.name().isPresent()).count())));
    rows.put("  on delete restrict", r -> pairIf(r.engine() == Engine.POSTGRESQL, catalogSum(r, c -> (int) c.foreignKeys.values().stream()
        .filter(f -> f.onDelete().equals("restrict")).count()), stateSum(r, t -> (int) t.foreignKeys().stream()
        .filter(f -> f.onDelete().equals("restrict")).count())));
    rows.put("unique constraints", r -> pair(catalogSum(r, c -> c.uniques.size()), stateSum(r, t -> t.uniqueConstraints().size())));
    rows.put("user indexes", r -> pair(catalogSum(r, c -> userIndexes(r.engine(), c, CHANGELOG.tablesOn(r.engine()).get(c.name))
        .size()), stateSum(r, t -> t.indexes().size())));
    rows.put("  all indexes (catalog)", r -> String.valueOf(catalogSum(r, c -> c.indexes.size())));
    rows.put("column defaults", r -> pair(catalogSum(r, c -> (int) c.columns.stream().filter(x -> x.defaultValue().isPresent())
        .count()), stateSum(r, t -> (int) t.columns().stream().filter(x -> x.defaultValue().isPresent()).count())));
    rows.put("update / snapshot", r -> String.format("%.1fs / %.1fs", r.update().toMillis() / 1000.0,
        r.snapshot().toMillis() / 1000.0));
    rows.forEach((label, cell) -> {
      out.append(String.format("[fidelity] %-26s", label));
      engines.forEach(e -> out.append(String.format("%18s", RUNS.get(e) instanceof Run r ? cell.apply(r) : "failed")));
      out.append('\n');
    });
    for (Engine e : engines) {
      if (RUNS.get(e) instanceof Run r) {
        Map<String, Set<String>> types = new TreeMap<>();
        eachTable(r, (c, t) -> c.columns.forEach(cc -> t.column(cc.name()).ifPresent(sc -> types.computeIfAbsent(
            cc.nativeType(), k -> new TreeSet<>()).add(sc.type().toString()))));
        out.append("[fidelity] ").append(e.name().toLowerCase(Locale.ROOT)).append(" types catalog -> state: ")
            .append(types.entrySet().stream().map(x -> x.getKey() + " -> " + String.join("|", x.getValue()))
                .collect(Collectors.joining(", "))).append('\n');
      }
    }
    System.out.print(out);
  }

  private static String pair(int catalog, int state) {
    return pairIf(true, catalog, state);
  }

  /** Marked only when {@code strict}: H2's and MariaDB's RESTRICT also counts foreign keys without a rule. */
  private static String pairIf(boolean strict, int catalog, int state) {
    return catalog + " / " + state + (catalog == state || !strict ? "  " : " *");
  }

  private static int catalogSum(Run run, java.util.function.ToIntFunction<CatalogTable> f) {
    return run.catalog().tables().values().stream().mapToInt(f).sum();
  }

  private static int stateSum(Run run, java.util.function.ToIntFunction<Table> f) {
    return run.model().tables().stream().mapToInt(f).sum();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private interface TablePair {
    void accept(CatalogTable catalog, Table state);
  }

  private static void eachTable(Run run, TablePair each) {
    Map<String, Table> state = run.tables();
    for (CatalogTable c : run.catalog().tables().values()) {
      Table t = state.get(c.name);
      if (t != null) {
        each.accept(c, t);
      }
    }
  }

  private static ForeignKey namedForeignKey(Run run, String table, String name) {
    Table t = run.tables().get(table);
    return t.foreignKeys().stream().filter(f -> f.name().equals(Optional.of(name))).findFirst()
        .orElseGet(() -> fail("no foreign key named " + name + " in the state of " + table + ": " + t.foreignKeys()));
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  /**
   * Fails with the number of problems and the first 60 of them, one a line; all of them are written to
   * {@code target/fidelity/<what>.txt} for whoever fixes them.
   */
  private static void assertNoProblems(String what, List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    List<String> sorted = problems.stream().sorted(Comparator.naturalOrder()).toList();
    try {
      Path file = Path.of("target", "fidelity", what.replaceAll("[^A-Za-z0-9]+", "-") + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", sorted) + "\n");
    } catch (IOException e) {
      // the failure below still says what is wrong
    }
    fail(what + ": " + problems.size() + " difference(s)\n  " + String.join("\n  ", sorted.subList(0, Math.min(60, sorted.size())))
        + (sorted.size() > 60 ? "\n  ... and " + (sorted.size() - 60) + " more" : ""));
  }
}
