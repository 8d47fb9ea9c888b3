package io.dbdevops.drift;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import java.util.List;

/**
 * The next pending changeset, found partly (or wholly) in the live schema without its DATABASECHANGELOG row: a deploy
 * stopped inside it where DDL is not transactional (MariaDB/MySQL commit each DDL statement by itself). The drift
 * against the expected state at the applied changesets is made only of objects this changeset makes or changes.
 *
 * @param there what of the changeset the live database has (expected at the applied changesets → live)
 * @param missing what of it the live database lacks (live → expected after the changeset); empty: all of it is there
 * @param schemaOnly every change of the changeset is a structural Liquibase change (no SQL, no data): when all of it is
 *     there, the schema shows everything it did, and it may be recorded as run
 */
public record HalfApplied(String id, String author, String location, List<SchemaChange> there,
    List<SchemaChange> missing, boolean schemaOnly) {

  public HalfApplied {
    there = List.copyOf(there);
    missing = List.copyOf(missing);
  }

  /** All of it is there and it changes nothing but the schema: recording it as run is what it lacks. */
  public boolean recordable() {
    return missing.isEmpty() && schemaOnly;
  }

  /** One line for the console and the build failure, naming the changeset, what is there and what is missing. */
  public String message(String where) {
    String what = String.join("; ", DiffRendering.group(there).stream().map(g -> g.title() + " ("
        + String.join(", ", g.changes().stream().map(c -> c.sign().symbol() + " " + c.describe()).toList()) + ")").toList());
    if (missing.isEmpty()) {
      return "changeset " + id + " (author " + author + ", " + location + ") ran on " + where + " but has no "
          + "DATABASECHANGELOG row: a deploy stopped before recording it. There: " + what + ". If its changes are all "
          + "schema (no data), record it (and only it) with `liquibase mark-next-changeset-ran`; otherwise undo them "
          + "and deploy again";
    }
    String lacking = String.join("; ", DiffRendering.group(missing).stream().map(g -> g.title() + " ("
        + String.join(", ", g.changes().stream().map(c -> c.sign().symbol() + " " + c.describe()).toList()) + ")").toList());
    return "changeset " + id + " (author " + author + ", " + location + ") is half applied on " + where + ": a deploy "
        + "stopped inside it and the database does not roll DDL back, so there is no DATABASECHANGELOG row for it. "
        + "There: " + what + ". Missing: " + lacking + ". Undo what is there (or finish the rest by hand and record this "
        + "changeset alone with `liquibase mark-next-changeset-ran`; changelog-sync would record every pending one), then "
        + "deploy again";
  }
}
