package io.dbdevops.fuzz;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Random edits of a state, as a user makes them by hand before {@code dbdevops:generate}: columns added, dropped,
 * widened, made (not) nullable; indexes, unique constraints, foreign keys and tables added and dropped; views dropped.
 * Every edit keeps the state valid (nothing dropped that a key, an index or a view still uses).
 */
final class FuzzEdits {

  private FuzzEdits() {
  }

  static SchemaModel edit(SchemaModel model, Choices c) {
    SchemaModel m = model;
    int edits = 1 + c.pick(4);
    for (int i = 0; i < edits; i++) {
      m = once(m, c, i);
    }
    return m;
  }

  /** The edits as the diff's lines, for a failure message. */
  static String describe(SchemaModel from, SchemaModel to) {
    return String.join("; ", DiffRendering.lines(SchemaDiff.between(from, to)));
  }

  private static SchemaModel once(SchemaModel m, Choices c, int n) {
    List<Table> tables = m.tables();
    Table t = c.of(tables);
    int kind = c.pick(12); // 6 and 11: drop a foreign key, else flip a column's nullability
    switch (kind) {
      case 0 -> {
        return replace(m, t, with(t, cols -> append(cols, Column.of("e" + n, ColumnType.of("varchar", 40), true))));
      }
      case 1 -> {
        List<Column> free = t.columns().stream().filter(col -> !used(m, t, col.name())).toList();
        if (free.isEmpty() || t.columns().size() == 1) {
          return m;
        }
        Column drop = c.of(free);
        return replace(m, t, with(t, cols -> cols.stream().filter(col -> col != drop).toList()));
      }
      case 2 -> {
        List<Column> widen = t.columns().stream().filter(col -> col.type().name().equals("varchar")
            && !inView(m, t) && !inForeignKey(m, t, col.name())).toList();
        if (widen.isEmpty()) {
          return m;
        }
        Column w = c.of(widen);
        Column wider = new Column(w.name(), ColumnType.of("varchar", w.type().size() + 10), w.nullable(), w.defaultValue(),
            w.identity(), w.comment());
        return replace(m, t, with(t, cols -> cols.stream().map(col -> col == w ? wider : col).toList()));
      }
      case 3 -> {
        List<Column> indexable = indexable(t);
        if (indexable.isEmpty()) {
          return m;
        }
        String column = c.of(indexable).name();
        boolean unique = c.oneIn(3);
        Index index = Index.of("ix_e" + n + "_" + t.name(), unique, column);
        return replace(m, t, table(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
            append(t.indexes(), index)));
      }
      case 4 -> {
        if (t.indexes().isEmpty()) {
          return m;
        }
        Index drop = c.of(t.indexes());
        return replace(m, t, table(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
            t.indexes().stream().filter(i -> i != drop).toList()));
      }
      case 5 -> {
        List<Column> indexable = indexable(t);
        if (indexable.isEmpty()) {
          return m;
        }
        UniqueConstraint u = new UniqueConstraint(Optional.empty(), List.of(c.of(indexable).name()));
        if (t.uniqueConstraints().stream().anyMatch(x -> x.columns().equals(u.columns()))) {
          return m;
        }
        return replace(m, t, table(t, t.columns(), t.primaryKey(), t.foreignKeys(), append(t.uniqueConstraints(), u),
            t.indexes()));
      }
      // no "drop a unique constraint": generate refuses it by design (InvalidChangeException "cannot generate the removal
      // of the unique constraint …: its name differs per database"), since the state leaves unique constraint names out
      case 7 -> {
        String name = "n" + n;
        List<Column> cols = new ArrayList<>(List.of(Column.of("id", ColumnType.of("bigint"), false),
            Column.of("label", ColumnType.of("varchar", 30), c.pick(2) == 1)));
        List<ForeignKey> fks = new ArrayList<>();
        List<Table> targets = keyed(m);
        if (!targets.isEmpty() && c.pick(2) == 1) {
          Table target = c.of(targets);
          cols.add(Column.of(target.name() + "_ref", ColumnType.of("bigint"), true));
          fks.add(new ForeignKey(Optional.of("fk_" + name + "_" + target.name()), List.of(target.name() + "_ref"),
              target.name(), List.of("id"), "no action", "no action"));
        }
        Table added = new Table(name, cols, Optional.of(new PrimaryKey(List.of("id"))), fks, List.of(), List.of(),
            List.of(), Optional.empty());
        return new SchemaModel(append(tables, added), m.views(), m.sequences());
      }
      case 8 -> {
        boolean referenced = tables.stream().anyMatch(o -> o != t
            && o.foreignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(t.name())));
        if (referenced || inView(m, t) || tables.size() == 1) {
          return m;
        }
        return new SchemaModel(tables.stream().filter(o -> o != t).toList(), m.views(), m.sequences());
      }
      case 9 -> {
        if (m.views().isEmpty()) {
          return m;
        }
        View drop = c.of(m.views());
        return new SchemaModel(tables, m.views().stream().filter(v -> v != drop).toList(), m.sequences());
      }
      case 10 -> {
        List<Table> targets = keyed(m);
        if (targets.isEmpty()) {
          return m;
        }
        Table target = c.of(targets);
        String column = "r" + n + "_" + target.name();
        ForeignKey fk = new ForeignKey(Optional.of("fk_e" + n + "_" + t.name()), List.of(column), target.name(),
            List.of("id"), c.oneIn(2) ? "cascade" : "no action", "no action");
        Table withColumn = with(t, cols -> append(cols, Column.of(column, ColumnType.of("bigint"), true)));
        return replace(m, t, table(withColumn, withColumn.columns(), t.primaryKey(), append(t.foreignKeys(), fk),
            t.uniqueConstraints(), t.indexes()));
      }
      default -> {
        if (kind == 6 && !t.foreignKeys().isEmpty()) {
          ForeignKey drop = c.of(t.foreignKeys());
          return replace(m, t, table(t, t.columns(), t.primaryKey(), t.foreignKeys().stream().filter(f -> f != drop).toList(),
              t.uniqueConstraints(), t.indexes()));
        }
        // nullability of a column outside the primary key
        List<Column> flip = t.columns().stream().filter(col -> t.primaryKey().map(pk -> !pk.columns().contains(col.name()))
            .orElse(true) && !col.identity()).toList();
        if (flip.isEmpty()) {
          return m;
        }
        Column f = c.of(flip);
        Column flipped = new Column(f.name(), f.type(), !f.nullable(), f.defaultValue(), f.identity(), f.comment());
        return replace(m, t, with(t, cols -> cols.stream().map(col -> col == f ? flipped : col).toList()));
      }
    }
  }

  private static List<Table> keyed(SchemaModel m) {
    return m.tables().stream().filter(x -> x.primaryKey().map(pk -> pk.columns().equals(List.of("id"))).orElse(false)
        && x.column("id").map(col -> col.type().name().equals("bigint")).orElse(false)).toList();
  }

  private static List<Column> indexable(Table t) {
    return t.columns().stream().filter(col -> !col.type().name().equals("text") && !col.name().equals("id")).toList();
  }

  /** Whether a key, an index, a foreign key (either side) or a view uses the column. */
  private static boolean used(SchemaModel m, Table t, String column) {
    Set<String> cols = new HashSet<>();
    t.primaryKey().ifPresent(pk -> cols.addAll(pk.columns()));
    t.uniqueConstraints().forEach(u -> cols.addAll(u.columns()));
    t.indexes().forEach(i -> cols.addAll(i.columns()));
    t.foreignKeys().forEach(f -> cols.addAll(f.columns()));
    t.checks().forEach(ch -> cols.add(column));
    return cols.contains(column) || inForeignKey(m, t, column) || inView(m, t);
  }

  private static boolean inForeignKey(SchemaModel m, Table t, String column) {
    return t.foreignKeys().stream().anyMatch(f -> f.columns().contains(column)) || m.tables().stream().anyMatch(o ->
        o.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(t.name()) && f.referencedColumns().contains(column)));
  }

  private static boolean inView(SchemaModel m, Table t) {
    Pattern word = Pattern.compile("\\b" + Pattern.quote(t.name()) + "\\b");
    return m.views().stream().anyMatch(v -> word.matcher(v.definition()).find());
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static Table with(Table t, UnaryOperator<List<Column>> columns) {
    return table(t, columns.apply(t.columns()), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), t.indexes());
  }

  private static Table table(Table t, List<Column> columns, Optional<PrimaryKey> pk, List<ForeignKey> fks,
      List<UniqueConstraint> uniques, List<Index> indexes) {
    return new Table(t.name(), columns, pk, fks, uniques, indexes, t.checks(), t.comment());
  }

  private static SchemaModel replace(SchemaModel m, Table old, Table now) {
    return new SchemaModel(m.tables().stream().map(x -> x.name().equals(old.name()) ? now : x).toList(), m.views(),
        m.sequences());
  }
}
