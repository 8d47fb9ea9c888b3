package io.dbdevops.gate;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one changelog makes a different state on another engine: each difference between the committed state and what
 * the changelog made on that engine, with the changeset responsible — the last one whose changes name the object (and,
 * for a column, the column), as a reviewer would look for it. A real case: MariaDB's {@code renameColumn} with a
 * {@code columnDataType} drops NOT NULL, which the committed state (written on H2) keeps.
 */
public final class EngineDifferences {

  /** One object's difference on one engine. */
  public record Difference(String engine, String object, String line, Optional<ChangeSetInfo> changeSet) {

    /** {@code on postgresql: ~ orders: column note … (changeset 003-x, db/…/003.xml:8)}. */
    public String describe() {
      return "on " + engine + ": " + line + changeSet.map(c -> " — made by changeset " + c.id() + " ("
          + c.physicalFile() + ":" + c.line() + ")").orElse(" — no changeset names " + object);
    }
  }

  private EngineDifferences() {
  }

  /**
   * @param engine how the engine is named in messages ({@code postgresql (postgres-embedded)})
   * @param differences the committed state → the engine's state
   * @param changeSets every changeset the engine's update selected, in changelog order
   */
  public static List<Difference> of(String engine, List<SchemaChange> differences, List<ChangeSetInfo> changeSets) {
    List<Difference> out = new ArrayList<>();
    for (SchemaChange c : differences) {
      String table = bare(c.objectName());
      Optional<String> column = column(c);
      out.add(new Difference(engine, c.objectName(), c.sign().symbol() + " " + c.objectName() + ": " + c.describe(),
          responsible(changeSets, table, column)));
    }
    return out;
  }

  private static Optional<String> column(SchemaChange c) {
    if (c instanceof SchemaChange.ColumnModified m) {
      return Optional.of(m.to().name());
    }
    if (c instanceof SchemaChange.ColumnAdded a) {
      return Optional.of(a.column().name());
    }
    if (c instanceof SchemaChange.ColumnDropped d) {
      return Optional.of(d.column().name());
    }
    return Optional.empty();
  }

  /** The last changeset naming the table and the column; without one naming both, the last naming the table. */
  static Optional<ChangeSetInfo> responsible(List<ChangeSetInfo> changeSets, String table, Optional<String> column) {
    ChangeSetInfo naming = null;
    ChangeSetInfo namingColumn = null;
    for (ChangeSetInfo cs : changeSets) {
      for (ChangeInfo change : cs.changes()) {
        if (!names(change, table)) {
          continue;
        }
        naming = cs;
        if (column.isPresent() && namesColumn(change, column.get())) {
          namingColumn = cs;
        }
      }
    }
    return Optional.ofNullable(namingColumn != null ? namingColumn : naming);
  }

  private static boolean names(ChangeInfo change, String table) {
    return change.attributes().values().stream().anyMatch(v -> bare(v).equalsIgnoreCase(table))
        || change.sql().map(s -> words(s).contains(table)).orElse(false);
  }

  private static boolean namesColumn(ChangeInfo change, String column) {
    return change.attributes().values().stream().anyMatch(v -> v.equalsIgnoreCase(column))
        || change.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column))
        || change.sql().map(s -> words(s).contains(column.toLowerCase(Locale.ROOT))).orElse(false);
  }

  private static List<String> words(String sql) {
    return List.of(sql.toLowerCase(Locale.ROOT).split("[^a-z0-9_$]+"));
  }

  private static String bare(String name) {
    int dot = name.lastIndexOf('.');
    return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
  }
}
