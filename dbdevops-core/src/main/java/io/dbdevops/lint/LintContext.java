package io.dbdevops.lint;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.gate.RollbackRoundTrip;
import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.model.Column;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.release.SemanticVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the rules judge: the target dialect, the pending changesets and their {@link Operation}s, the released state
 * (before the pending part; empty when nothing is released), the resulting state (after it) and the typed diff
 * between the two, each difference traced back to the changeset that made it where possible. Built once per lint run;
 * immutable.
 */
public final class LintContext {

  private final Dialect dialect;
  private final List<ChangeSetInfo> pending;
  private final SchemaModel released;
  private final SchemaModel result;
  private final List<SchemaChange> pendingChanges;
  private final String changelog;
  private final Map<String, String> sources;
  private final List<Operation> operations;
  private final Optional<RollbackRoundTrip> rollbackRoundTrip;
  private final Optional<SemanticVersion> projectVersion;
  private final Optional<SemanticVersion> lastRelease;
  private final Set<String> createdTables = new HashSet<>();
  private final Map<String, String> renamedTables = new LinkedHashMap<>();
  private final Map<String, String> renamedColumns = new LinkedHashMap<>();
  private final Map<String, ChangeSetInfo> byColumn = new HashMap<>();
  private final Map<String, ChangeSetInfo> byTable = new HashMap<>();
  private final Map<String, ChangeSetInfo> byName = new HashMap<>();
  private final Map<String, ChangeSetInfo> createdIn = new HashMap<>();
  private final Map<Operation, Origin> origins = new IdentityHashMap<>();

  /**
   * What an operation acts on, as it was at the released point: the table's and the column's names there (pending
   * renames followed back), empty when the pending part made the object; and whether the index or constraint it
   * drops by name was made earlier in the pending part.
   */
  private record Origin(Optional<String> table, Optional<String> column, boolean madeInPending) {
    static final Origin NONE = new Origin(Optional.empty(), Optional.empty(), false);
  }

  private LintContext(Builder b) {
    this.dialect = Objects.requireNonNull(b.dialect, "dialect");
    this.pending = List.copyOf(b.pending);
    this.released = b.released;
    this.result = b.result;
    this.pendingChanges = b.pendingChanges != null ? List.copyOf(b.pendingChanges) : SchemaDiff.between(released, result);
    this.changelog = Objects.requireNonNullElse(b.changelog, "");
    this.sources = Map.copyOf(b.sources);
    this.operations = ChangeOperations.of(pending);
    this.rollbackRoundTrip = b.rollbackRoundTrip;
    this.projectVersion = b.projectVersion;
    this.lastRelease = b.lastRelease;
    index();
    trace();
  }

  public static Builder builder() {
    return new Builder();
  }

  private void index() {
    for (Operation op : operations) {
      ChangeSetInfo cs = op.changeSet();
      if (!op.table().isEmpty()) {
        byTable.put(op.table(), cs);
      }
      if (op instanceof Operation.CreateTable t) {
        createdTables.add(t.table());
        createdIn.put(t.table(), cs);
      } else if (op instanceof Operation.RenameTable r) {
        renamedTables.put(r.table(), r.newName());
        byTable.put(r.newName(), cs);
        if (createdTables.contains(r.table())) {
          createdTables.add(r.newName());
        }
      } else if (op instanceof Operation.RenameColumn r) {
        renamedColumns.put(Identifiers.column(r.table(), r.column()), r.newName());
        byColumn.put(Identifiers.column(r.table(), r.column()), cs);
        byColumn.put(Identifiers.column(r.table(), r.newName()), cs);
      } else {
        columnOf(op).ifPresent(column -> byColumn.put(Identifiers.column(op.table(), column), cs));
        nameOf(op).ifPresent(name -> byName.put(name, cs));
      }
    }
    List<Table> dropped = new java.util.ArrayList<>();
    List<Table> added = new java.util.ArrayList<>();
    for (SchemaChange c : pendingChanges) {
      if (c instanceof SchemaChange.TableAdded a) {
        createdTables.add(a.table().name());
        added.add(a.table());
      } else if (c instanceof SchemaChange.TableDropped d) {
        dropped.add(d.table());
      }
    }
    // a table that disappears while one with exactly its columns appears was renamed, however it was written
    for (Table d : dropped) {
      if (renamedTables.containsKey(d.name())) {
        continue;
      }
      added.stream().filter(a -> a.columns().equals(d.columns()) && !renamedTables.containsValue(a.name())).findFirst()
          .ifPresent(a -> renamedTables.put(d.name(), a.name()));
    }
  }

  /**
   * Follows every table and column through the pending operations, in changelog order, back to the released state:
   * a table or column the pending part creates (or that takes the name of one it dropped or renamed away) has no
   * released origin; one renamed by the pending part keeps the origin of its old name.
   */
  private void trace() {
    Map<String, String> lineage = new HashMap<>(); // table name now -> "r:<released name>" or "n:<serial>" (new)
    Map<String, Optional<String>> columns = new HashMap<>(); // lineage + "." + column now -> released column name
    Set<String> madeNames = new HashSet<>(); // indexes and constraints made in the pending part
    int[] serial = {0};
    java.util.function.Supplier<String> fresh = () -> "n:" + serial[0]++;
    for (Operation op : operations) {
      String table = op.table();
      if (table.isEmpty()) {
        origins.put(op, Origin.NONE);
        continue;
      }
      String id = lineage.computeIfAbsent(table, t -> released.table(t).isPresent() ? "r:" + t : fresh.get());
      Optional<String> releasedTable = id.startsWith("r:") ? Optional.of(id.substring(2)) : Optional.empty();
      Optional<String> column = op instanceof Operation.RenameColumn r ? Optional.of(r.column()) : columnOf(op);
      Optional<String> releasedColumn = column.flatMap(c -> columns.computeIfAbsent(id + "." + c,
          k -> releasedTable.flatMap(released::table).flatMap(t -> t.column(c)).map(Column::name)));
      Optional<String> dropped = droppedName(op);
      origins.put(op, new Origin(releasedTable, releasedColumn, dropped.map(madeNames::contains).orElse(false)));
      if (op instanceof Operation.CreateTable || op instanceof Operation.DropTable) {
        lineage.put(table, fresh.get());
      } else if (op instanceof Operation.RenameTable r) {
        lineage.put(r.newName(), id);
        lineage.put(table, fresh.get());
      } else if (op instanceof Operation.RenameColumn r) {
        columns.put(id + "." + r.newName(), releasedColumn);
        columns.put(id + "." + r.column(), Optional.empty());
      } else if (op instanceof Operation.AddColumn || op instanceof Operation.DropColumn) {
        columns.put(id + "." + column.orElseThrow(), Optional.empty());
      }
      dropped.ifPresent(madeNames::remove);
      if (dropped.isEmpty()) {
        nameOf(op).ifPresent(madeNames::add);
      }
    }
  }

  /** The index or constraint an operation drops by name. */
  private static Optional<String> droppedName(Operation op) {
    if (op instanceof Operation.DropIndex i) {
      return Optional.of(i.name());
    } else if (op instanceof Operation.DropForeignKey f) {
      return Optional.of(f.name());
    } else if (op instanceof Operation.DropConstraint c) {
      return Optional.of(c.name());
    }
    return Optional.empty();
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The pending changesets, in changelog order. */
  public List<ChangeSetInfo> pending() {
    return pending;
  }

  /** The state at the released point; {@link SchemaModel#EMPTY} when nothing is released. */
  public SchemaModel released() {
    return released;
  }

  /** The state after the pending changesets. */
  public SchemaModel result() {
    return result;
  }

  /** The typed differences from {@link #released()} to {@link #result()}. */
  public List<SchemaChange> pendingChanges() {
    return pendingChanges;
  }

  /** What the pending changesets do, from their change objects and SQL, in changelog order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The pending changesets' update → rollback → update on the shadow, when it was run (DBD602). */
  public Optional<RollbackRoundTrip> rollbackRoundTrip() {
    return rollbackRoundTrip;
  }

  /** The version the project builds ({@code 2.0.0-SNAPSHOT}), when known: what DBD901 checks. */
  public Optional<SemanticVersion> projectVersion() {
    return projectVersion;
  }

  /** The version of the last release the integrity file records; empty when none is (DBD901 then does not judge). */
  public Optional<SemanticVersion> lastRelease() {
    return lastRelease;
  }

  /** The master changelog, for findings that no changeset can be named for. */
  public String changelog() {
    return changelog;
  }

  /** True when the table is created by the pending part: it is new and empty when the release runs. */
  public boolean isNew(String table) {
    return createdTables.contains(table);
  }

  /** Tables created in the pending part (lower case). */
  public Set<String> createdTables() {
    return Set.copyOf(createdTables);
  }

  /** Tables renamed in the pending part, old name → new name (from the changes, or a drop/add of the same table). */
  public Map<String, String> renamedTables() {
    return Map.copyOf(renamedTables);
  }

  /** True when a pending change renames some column of {@code table} to {@code column} (its new name). */
  public boolean isRenamedColumnTarget(String table, String column) {
    return renamedColumns.entrySet().stream()
        .anyMatch(e -> e.getValue().equals(column) && e.getKey().startsWith(table + "."));
  }

  /** True when {@code table.column} is renamed by a pending change. */
  public boolean isRenamedColumn(String table, String column) {
    return renamedColumns.containsKey(Identifiers.column(table, column));
  }

  /**
   * The table {@code op} acts on as it was in the released state, followed back through pending renames; empty when
   * the pending part created it (with nothing released: always). Backward-compatibility rules judge only objects
   * that have one: nothing running reads a table that no release had.
   */
  public Optional<Table> releasedTableOf(Operation op) {
    return origin(op).table().flatMap(released::table);
  }

  /** The column {@code op} acts on as it was in the released state (see {@link #releasedTableOf}). */
  public Optional<Column> releasedColumnOf(Operation op) {
    Origin origin = origin(op);
    return origin.column().flatMap(c -> origin.table().flatMap(released::table).flatMap(t -> t.column(c)));
  }

  /**
   * True when what {@code op} acts on existed in the released state: its column when it acts on one column, else its
   * table — and, for an index or constraint dropped by name, not one the pending part made. What the
   * backward-compatibility rules (drops, renames, type and NOT NULL changes) ask before they judge a change.
   */
  public boolean existedAtRelease(Operation op) {
    Origin origin = origin(op);
    if (origin.table().isEmpty()) {
      return false;
    }
    boolean actsOnColumn = op instanceof Operation.RenameColumn || columnOf(op).isPresent();
    return (!actsOnColumn || origin.column().isPresent()) && !origin.madeInPending();
  }

  private Origin origin(Operation op) {
    return origins.getOrDefault(op, Origin.NONE);
  }

  public Optional<Table> releasedTable(String name) {
    return released.table(name);
  }

  public Optional<Column> releasedColumn(String table, String column) {
    return released.table(table).flatMap(t -> t.column(column));
  }

  /** The raw text of a changeset in its file (comments included), when it was read. */
  public Optional<String> source(ChangeSetInfo changeSet) {
    return Optional.ofNullable(sources.get(changeSet.key()));
  }

  /**
   * The pending changeset that made a state difference: the last one whose changes name the same column, index,
   * constraint or table, else the last one whose raw SQL mentions the table.
   */
  public Optional<ChangeSetInfo> attribute(SchemaChange change) {
    String table = change.objectName();
    Optional<ChangeSetInfo> exact;
    if (change instanceof SchemaChange.TableAdded) {
      exact = Optional.ofNullable(createdIn.get(table));
    } else if (change instanceof SchemaChange.ColumnAdded a) {
      exact = column(table, a.column().name());
    } else if (change instanceof SchemaChange.ColumnDropped d) {
      exact = column(table, d.column().name());
    } else if (change instanceof SchemaChange.ColumnModified m) {
      exact = column(table, m.from().name());
    } else if (change instanceof SchemaChange.ForeignKeyAdded f) {
      // the changeset that added this foreign key, also to a table the pending part created (a later changeset, maybe
      // in another file); only a foreign key declared in the createTable itself is the createTable's
      exact = named(f.foreignKey().name()).or(() -> addedForeignKey(table, f.foreignKey()));
    } else if (change instanceof SchemaChange.ForeignKeyDropped f) {
      exact = named(f.foreignKey().name());
    } else if (change instanceof SchemaChange.ForeignKeyModified f) {
      exact = named(f.to().name());
    } else if (change instanceof SchemaChange.UniqueConstraintAdded u) {
      exact = named(u.constraint().name());
    } else if (change instanceof SchemaChange.UniqueConstraintDropped u) {
      exact = named(u.constraint().name());
    } else if (change instanceof SchemaChange.IndexAdded i) {
      exact = named(Optional.of(i.index().name()));
    } else if (change instanceof SchemaChange.IndexDropped i) {
      exact = named(Optional.of(i.index().name()));
    } else if (change instanceof SchemaChange.IndexModified i) {
      exact = named(Optional.of(i.to().name()));
    } else if (change instanceof SchemaChange.CheckAdded c) {
      exact = named(c.check().name());
    } else if (change instanceof SchemaChange.CheckDropped c) {
      exact = named(c.check().name());
    } else {
      exact = Optional.empty();
    }
    if (exact.isEmpty() && addsAPart(change)) {
      // a part of a table the pending part created that no later change made: the createTable declared it
      exact = Optional.ofNullable(createdIn.get(table));
    }
    return exact.or(() -> Optional.ofNullable(byTable.get(table))).or(() -> mentioning(table));
  }

  private static boolean addsAPart(SchemaChange change) {
    return change instanceof SchemaChange.ColumnAdded || change instanceof SchemaChange.ForeignKeyAdded
        || change instanceof SchemaChange.UniqueConstraintAdded || change instanceof SchemaChange.IndexAdded
        || change instanceof SchemaChange.CheckAdded;
  }

  /** The column an operation acts on, if it acts on one column. */
  private static Optional<String> columnOf(Operation op) {
    if (op instanceof Operation.AddColumn a) {
      return Optional.of(a.column().name());
    } else if (op instanceof Operation.DropColumn d) {
      return Optional.of(d.column());
    } else if (op instanceof Operation.ChangeType c) {
      return Optional.of(c.column());
    } else if (op instanceof Operation.SetNotNull n) {
      return Optional.of(n.column());
    } else if (op instanceof Operation.DropNotNull n) {
      return Optional.of(n.column());
    }
    return Optional.empty();
  }

  /** The index or constraint an operation names. */
  private static Optional<String> nameOf(Operation op) {
    if (op instanceof Operation.CreateIndex i) {
      return Optional.of(i.name());
    } else if (op instanceof Operation.DropIndex i) {
      return Optional.of(i.name());
    } else if (op instanceof Operation.AddForeignKey f) {
      return f.name();
    } else if (op instanceof Operation.DropForeignKey f) {
      return Optional.of(f.name());
    } else if (op instanceof Operation.DropConstraint c) {
      return Optional.of(c.name());
    } else if (op instanceof Operation.AddUnique u) {
      return u.name();
    } else if (op instanceof Operation.AddCheck c) {
      return c.name();
    }
    return Optional.empty();
  }

  /** The last pending operation adding a foreign key like {@code fk} to {@code table} (columns and target as written). */
  private Optional<ChangeSetInfo> addedForeignKey(String table, io.dbdevops.model.ForeignKey fk) {
    ChangeSetInfo last = null;
    for (Operation op : operations) {
      if (op instanceof Operation.AddForeignKey a && a.table().equals(table)
          && (a.columns().isEmpty() || a.columns().equals(fk.columns()))
          && (a.referencedTable().isEmpty() || a.referencedTable().equals(fk.referencedTable()))) {
        last = a.changeSet();
      }
    }
    return Optional.ofNullable(last);
  }

  private Optional<ChangeSetInfo> column(String table, String column) {
    return Optional.ofNullable(byColumn.get(Identifiers.column(table, column)));
  }

  private Optional<ChangeSetInfo> named(Optional<String> name) {
    return name.map(byName::get);
  }

  private Optional<ChangeSetInfo> mentioning(String table) {
    Pattern word = Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(table) + "(?![\\w$])");
    ChangeSetInfo last = null;
    for (ChangeSetInfo cs : pending) {
      for (ChangeInfo c : cs.changes()) {
        if (c.sql().isPresent() && word.matcher(c.sql().get()).find()) {
          last = cs;
        }
      }
    }
    return Optional.ofNullable(last);
  }

  // ---- findings ----

  /** A finding about a change object or statement, pointing at its changeset. */
  public Finding finding(Rule rule, Operation op, String object, String message, String why, String fix) {
    return finding(rule, op.changeSet(), object, message, why, fix);
  }

  /** A finding about a changeset as a whole. */
  public Finding finding(Rule rule, ChangeSetInfo cs, String object, String message, String why, String fix) {
    RuleMeta meta = rule.meta();
    return new Finding(meta.code(), meta.name(), meta.severity(), object, site(cs, Finding.Origin.CHANGE), message, why,
        fix, Optional.empty());
  }

  /** A finding about a state difference, pointing at the changeset that made it where one can be named. */
  public Finding finding(Rule rule, SchemaChange change, String object, String message, String why, String fix) {
    Finding.Site site = attribute(change).map(cs -> site(cs, Finding.Origin.STATE))
        .orElseGet(() -> new Finding.Site(Optional.empty(), Optional.empty(), changelog, 0, Finding.Origin.STATE));
    RuleMeta meta = rule.meta();
    return new Finding(meta.code(), meta.name(), meta.severity(), object, site, message, why, fix, Optional.empty());
  }

  static Finding.Site site(ChangeSetInfo cs, Finding.Origin origin) {
    return new Finding.Site(Optional.of(cs.id()), Optional.of(cs.author()), cs.physicalFile(), cs.line(), origin,
        cs.file());
  }

  /** Builds a context; the released and resulting states default to empty, the diff to the one between them. */
  public static final class Builder {
    private Dialect dialect = Dialect.H2;
    private List<ChangeSetInfo> pending = List.of();
    private SchemaModel released = SchemaModel.EMPTY;
    private SchemaModel result = SchemaModel.EMPTY;
    private List<SchemaChange> pendingChanges;
    private String changelog = "";
    private Map<String, String> sources = Map.of();
    private Optional<RollbackRoundTrip> rollbackRoundTrip = Optional.empty();
    private Optional<SemanticVersion> projectVersion = Optional.empty();
    private Optional<SemanticVersion> lastRelease = Optional.empty();

    private Builder() {
    }

    /** The version the project builds (DBD901). */
    public Builder projectVersion(Optional<SemanticVersion> value) {
      this.projectVersion = Objects.requireNonNull(value);
      return this;
    }

    /** The version of the last release recorded in the integrity file (DBD901). */
    public Builder lastRelease(Optional<SemanticVersion> value) {
      this.lastRelease = Objects.requireNonNull(value);
      return this;
    }

    /** The rollback round trip of the pending part, when the gate ran it (empty: DBD602 has nothing to judge). */
    public Builder rollbackRoundTrip(Optional<RollbackRoundTrip> value) {
      this.rollbackRoundTrip = Objects.requireNonNull(value);
      return this;
    }

    public Builder dialect(Dialect value) {
      this.dialect = value;
      return this;
    }

    public Builder pending(List<ChangeSetInfo> value) {
      this.pending = value;
      return this;
    }

    public Builder released(SchemaModel value) {
      this.released = Objects.requireNonNull(value);
      return this;
    }

    public Builder result(SchemaModel value) {
      this.result = Objects.requireNonNull(value);
      return this;
    }

    /** The diff of the pending part when already computed (otherwise computed from released and result). */
    public Builder pendingChanges(List<SchemaChange> value) {
      this.pendingChanges = value;
      return this;
    }

    public Builder changelog(String value) {
      this.changelog = value;
      return this;
    }

    /** Raw changeset texts by changeset key (see {@link ChangeSetSources}), for acceptances written as comments. */
    public Builder sources(Map<String, String> value) {
      this.sources = value;
      return this;
    }

    public LintContext build() {
      return new LintContext(this);
    }
  }
}
