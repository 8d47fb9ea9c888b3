package io.dbdevops.release;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.Gate;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.model.Column;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies the pending part of the changelog against the released state, by semantic versioning:
 * <ul>
 *   <li>{@link Bump#MAJOR}: what a running older version breaks on — a table, column, view or sequence dropped, a
 *       rename, a narrowed type, NOT NULL or a unique constraint/index/primary key on columns that existed at the
 *       release, a new NOT NULL column without default (nor identity) on an existing table, a default removed from a
 *       NOT NULL column, a view that loses columns, a revoked grant;</li>
 *   <li>{@link Bump#MINOR}: compatible additions — new tables, views, sequences, nullable columns or columns with a
 *       default, indexes, foreign keys and checks (added or dropped), widening, NOT NULL dropped;</li>
 *   <li>{@link Bump#PATCH}: nothing schema-visible — comments, grants added, and each pending changeset that changes
 *       no schema object at all (reference data, data fixes);</li>
 *   <li>{@link Bump#NONE}: nothing pending.</li>
 * </ul>
 * Two sources, each change traced to its changeset: the typed diff of the pending part (each {@link SchemaChange}
 * case, attributed as lint attributes it, {@link LintContext#attribute}), and the findings of the lint rules whose
 * {@link RuleMeta#bump()} is not NONE (they see renames, narrowing, grants in the changesets themselves). The POM's
 * lint settings do not apply: a disabled rule still classifies. No Maven, no database: the shadow did its work.
 */
public final class Classifier {

  /** The reason of a pending changeset that changes no schema object (reference data, a data fix). */
  public static final String DATA_ONLY = "only data, no schema object, is changed";

  private final RuleRegistry registry;

  /** With the rules on the class path. */
  public Classifier() {
    this(RuleRegistry.load());
  }

  public Classifier(RuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * The entry point for goals: classifies {@code pending} (the changesets after the last release, as
   * {@link io.dbdevops.integrity.IntegrityResult#pending()} gives them) over the shadow's staged states
   * ({@link Gate#build(io.dbdevops.gate.GateSettings, int)} with the released count). The rules judge for the
   * shadow's dialect.
   */
  public Classification classify(Gate.Staged staged, List<ChangeSetInfo> pending) {
    return classify(staged, pending, staged.built().dialect(), "");
  }

  /** {@link #classify(Gate.Staged, List)} for the target {@code dialect}; {@code changelog}: the master's path. */
  public Classification classify(Gate.Staged staged, List<ChangeSetInfo> pending, Dialect dialect, String changelog) {
    if (pending.isEmpty()) {
      return Classification.NONE;
    }
    return classify(LintContext.builder().dialect(dialect).pending(pending).released(staged.released())
        .result(staged.built().model()).pendingChanges(staged.pendingChanges()).changelog(changelog).build());
  }

  /** Classifies the pending part a lint context holds. */
  public Classification classify(LintContext context) {
    if (context.pending().isEmpty()) {
      return Classification.NONE;
    }
    List<Reason> reasons = new ArrayList<>();
    for (Rule rule : registry.all()) {
      RuleMeta meta = rule.meta();
      if (meta.bump() == Bump.NONE || !rule.appliesTo(context.dialect())) {
        continue;
      }
      List<Finding> findings = rule.check(context);
      // one per object, as the linter keeps it: the changeset's own change over the state diff's view of it
      Set<String> fromChanges = new HashSet<>();
      findings.stream().filter(f -> f.site().origin() == Finding.Origin.CHANGE)
          .forEach(f -> fromChanges.add(f.object().toLowerCase(Locale.ROOT)));
      for (Finding f : findings) {
        if (f.site().origin() == Finding.Origin.STATE && fromChanges.contains(f.object().toLowerCase(Locale.ROOT))) {
          continue;
        }
        reasons.add(new Reason(meta.bump(), f.object(), f.message(), Optional.of(meta.code() + " " + meta.name()),
            f.site()));
      }
    }
    List<Reason> fromRules = List.copyOf(reasons);
    for (SchemaChange change : context.pendingChanges()) {
      Reason reason = typed(context, change);
      if (fromRules.stream().noneMatch(r -> covers(r, reason))) {
        reasons.add(reason);
      }
    }
    for (Operation op : context.operations()) {
      if (op instanceof Operation.Revoke r) {
        reasons.add(new Reason(Bump.MAJOR, String.join(", ", r.grantees()), "REVOKE " + r.what() + " FROM "
            + String.join(", ", r.grantees()) + ": running versions lose the access they use", Optional.empty(),
            site(op.changeSet(), Finding.Origin.CHANGE)));
      } else if (op instanceof Operation.Grant g) {
        reasons.add(new Reason(Bump.PATCH, String.join(", ", g.grantees()), "GRANT " + g.what() + " TO "
            + String.join(", ", g.grantees()), Optional.empty(), site(op.changeSet(), Finding.Origin.CHANGE)));
      }
    }
    Set<String> cited = new HashSet<>();
    reasons.forEach(r -> r.site().changeSetKey().ifPresent(cited::add));
    for (ChangeSetInfo cs : context.pending()) {
      if (!cited.contains(cs.key())) {
        reasons.add(new Reason(Bump.PATCH, cs.id(), DATA_ONLY, Optional.empty(), site(cs, Finding.Origin.CHANGE)));
      }
    }
    reasons = dedupe(reasons);
    reasons.sort(Comparator.comparing(Reason::bump).reversed()
        .thenComparing(r -> r.site().file()).thenComparingInt(r -> r.site().line())
        .thenComparing(Reason::object).thenComparing(Reason::change));
    Bump level = reasons.stream().map(Reason::bump).reduce(Bump.PATCH, Bump::max);
    return new Classification(level, reasons);
  }

  private static List<Reason> dedupe(List<Reason> reasons) {
    Set<String> seen = new HashSet<>();
    List<Reason> out = new ArrayList<>();
    for (Reason r : reasons) {
      if (seen.add(r.bump() + "|" + r.object() + "|" + r.change() + "|" + r.site().location())) {
        out.add(r);
      }
    }
    return out;
  }

  /** True when a rule's reason already says what the typed change says: same changeset, object, at least its class. */
  private static boolean covers(Reason byRule, Reason typed) {
    if (byRule.bump().compareTo(typed.bump()) < 0
        || !byRule.site().changeSetKey().equals(typed.site().changeSetKey())) {
      return false;
    }
    String a = byRule.object().toLowerCase(Locale.ROOT);
    String b = typed.object().toLowerCase(Locale.ROOT);
    return a.equals(b) || table(a).equals(b) || (!b.contains(".") && table(a).equals(table(b)) && !typedIsWhole(typed));
  }

  private static boolean typedIsWhole(Reason typed) {
    return typed.change().startsWith("table ") || typed.change().startsWith("view ")
        || typed.change().startsWith("sequence ");
  }

  private static String table(String object) {
    int dot = object.indexOf('.');
    return dot < 0 ? object : object.substring(0, dot);
  }

  /** The class of one typed change, with the changeset that made it. */
  private static Reason typed(LintContext context, SchemaChange change) {
    SchemaModel released = context.released();
    String t = change.objectName();
    boolean existing = released.table(t).isPresent();
    Bump bump;
    String object = t;
    String what;
    if (change instanceof SchemaChange.TableAdded a) {
      bump = Bump.MINOR;
      what = a.describe() + " is added";
    } else if (change instanceof SchemaChange.TableDropped d) {
      bump = Bump.MAJOR;
      what = d.describe() + " is dropped";
    } else if (change instanceof SchemaChange.TableCommentChanged c) {
      bump = Bump.PATCH;
      what = "the comment of table " + t + " changes";
    } else if (change instanceof SchemaChange.ColumnAdded a) {
      Column c = a.column();
      object = Identifiers.column(t, c.name());
      boolean required = !c.nullable() && c.defaultValue().isEmpty() && !c.identity();
      bump = existing && required ? Bump.MAJOR : Bump.MINOR;
      what = object + " is added" + (bump == Bump.MAJOR ? " NOT NULL without a default to an existing table: "
          + "running versions' inserts fail" : c.nullable() ? " (nullable)"
          : c.identity() ? " (identity)" : " (with a default)");
    } else if (change instanceof SchemaChange.ColumnDropped d) {
      object = Identifiers.column(t, d.column().name());
      bump = Bump.MAJOR;
      what = object + " is dropped";
    } else if (change instanceof SchemaChange.ColumnModified m) {
      object = Identifiers.column(t, m.from().name());
      bump = columnModified(m, existedAtRelease(released, t, m.from().name()));
      what = object + ": " + m.describe().substring(("column " + m.from().name() + ": ").length());
    } else if (change instanceof SchemaChange.PrimaryKeyChanged p) {
      bump = p.to().isPresent() && existing ? Bump.MAJOR : Bump.MINOR;
      what = "the primary key of " + t + " " + (p.from().isEmpty() ? "is added" : p.to().isEmpty() ? "is dropped"
          : "changes") + ": " + p.describe();
    } else if (change instanceof SchemaChange.UniqueConstraintAdded u) {
      bump = existedAtRelease(released, t, u.constraint().columns()) ? Bump.MAJOR : Bump.MINOR;
      what = t + ": " + u.describe() + " is added";
    } else if (change instanceof SchemaChange.IndexAdded i) {
      bump = i.index().unique() && existedAtRelease(released, t, i.index().columns()) ? Bump.MAJOR : Bump.MINOR;
      what = t + ": " + i.describe() + " is added";
    } else if (change instanceof SchemaChange.IndexModified i) {
      bump = i.to().unique() && !i.from().unique() && existedAtRelease(released, t, i.to().columns())
          ? Bump.MAJOR : Bump.MINOR;
      what = t + ": " + i.describe();
    } else if (change instanceof SchemaChange.ViewAdded v) {
      bump = Bump.MINOR;
      what = v.describe() + " is added";
    } else if (change instanceof SchemaChange.ViewDropped v) {
      bump = Bump.MAJOR;
      what = v.describe() + " is dropped";
    } else if (change instanceof SchemaChange.ViewModified v) {
      bump = v.to().columns().containsAll(v.from().columns()) ? Bump.MINOR : Bump.MAJOR;
      what = "view " + t + " " + (bump == Bump.MAJOR ? "loses columns: " : "changes: ") + v.describe();
    } else if (change instanceof SchemaChange.SequenceAdded s) {
      bump = Bump.MINOR;
      what = "sequence " + t + " is added";
    } else if (change instanceof SchemaChange.SequenceDropped s) {
      bump = Bump.MAJOR;
      what = "sequence " + t + " is dropped";
    } else if (change instanceof SchemaChange.SequenceModified s) {
      bump = Bump.MINOR;
      what = "sequence " + t + " changes: " + s.describe();
    } else if (change instanceof SchemaChange.ForeignKeyAdded f) {
      bump = Bump.MINOR;
      what = t + ": " + f.describe() + " is added";
    } else if (change instanceof SchemaChange.ForeignKeyDropped f) {
      bump = Bump.MINOR;
      what = t + ": " + f.describe() + " is dropped";
    } else if (change instanceof SchemaChange.ForeignKeyModified f) {
      bump = Bump.MINOR;
      what = t + ": " + f.describe();
    } else if (change instanceof SchemaChange.UniqueConstraintDropped u) {
      bump = Bump.MINOR;
      what = t + ": " + u.describe() + " is dropped";
    } else if (change instanceof SchemaChange.IndexDropped i) {
      bump = Bump.MINOR;
      what = t + ": " + i.describe() + " is dropped";
    } else if (change instanceof SchemaChange.CheckAdded c) {
      bump = Bump.MINOR;
      what = t + ": " + c.describe() + " is added";
    } else if (change instanceof SchemaChange.CheckDropped c) {
      bump = Bump.MINOR;
      what = t + ": " + c.describe() + " is dropped";
    } else if (change instanceof SchemaChange.RowAdded || change instanceof SchemaChange.RowRemoved
        || change instanceof SchemaChange.RowModified) {
      // reference data: rows an older version reads the same way
      bump = Bump.PATCH;
      what = "reference data of " + t + ": " + change.describe();
    } else {
      throw new IllegalStateException("a change the classifier does not know: " + change);
    }
    Finding.Site site = context.attribute(change).or(() -> naming(context, t))
        .map(cs -> site(cs, Finding.Origin.STATE))
        .orElseGet(() -> new Finding.Site(Optional.empty(), Optional.empty(), context.changelog(), 0,
            Finding.Origin.STATE));
    return new Reason(bump, object, what, Optional.empty(), site);
  }

  /** A column change: narrowing and incompatible types are the type rule's (DBD203); here what the diff alone shows. */
  private static Bump columnModified(SchemaChange.ColumnModified m, boolean existed) {
    Bump bump = Bump.PATCH; // a comment
    for (SchemaChange.ColumnChangeKind kind : m.kinds()) {
      Bump k = switch (kind) {
        case TYPE -> Bump.MINOR;
        case NULLABILITY -> m.from().nullable() && !m.to().nullable() && existed ? Bump.MAJOR : Bump.MINOR;
        case DEFAULT -> m.to().defaultValue().isEmpty() && !m.to().nullable() && !m.to().identity() && existed
            ? Bump.MAJOR : Bump.MINOR;
        case IDENTITY -> m.from().identity() && !m.to().identity() && !m.to().nullable()
            && m.to().defaultValue().isEmpty() && existed ? Bump.MAJOR : Bump.MINOR;
        case COMMENT -> Bump.PATCH;
      };
      bump = bump.max(k);
    }
    return bump;
  }

  /**
   * The last pending changeset one of whose changes names {@code object} in an attribute ({@code tableName},
   * {@code viewName}, …): for changes lint does not trace, such as {@code setTableRemarks}.
   */
  private static Optional<ChangeSetInfo> naming(LintContext context, String object) {
    ChangeSetInfo last = null;
    for (ChangeSetInfo cs : context.pending()) {
      for (io.dbdevops.liquibase.ChangeInfo c : cs.changes()) {
        if (c.attributes().values().stream().anyMatch(v -> v.equalsIgnoreCase(object))) {
          last = cs;
        }
      }
    }
    return Optional.ofNullable(last);
  }

  private static boolean existedAtRelease(SchemaModel released, String table, String column) {
    return released.table(table).flatMap(t -> t.column(column)).isPresent();
  }

  private static boolean existedAtRelease(SchemaModel released, String table, List<String> columns) {
    Optional<Table> t = released.table(table);
    return t.isPresent() && columns.stream().allMatch(c -> t.get().column(c).isPresent());
  }

  private static Finding.Site site(ChangeSetInfo cs, Finding.Origin origin) {
    return new Finding.Site(Optional.of(cs.id()), Optional.of(cs.author()), cs.physicalFile(), cs.line(), origin,
        cs.file());
  }
}
