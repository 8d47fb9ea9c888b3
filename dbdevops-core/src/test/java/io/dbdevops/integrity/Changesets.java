package io.dbdevops.integrity;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.util.List;
import java.util.Optional;

/** Changesets as the reader would give them, for integrity tests that need no changelog on disk. */
final class Changesets {

  private Changesets() {
  }

  /** Changeset {@code id} in {@code db/changelog/changes/<id>.xml} at line 8, with checksum {@code 9:<checksum>}. */
  static ChangeSetInfo cs(String id, String checksum) {
    return new ChangeSetInfo("db/changelog/changes/" + id + ".xml", id, "team", "9:" + checksum, 8, true, false,
        Optional.empty(), List.of());
  }

  static ChangeSetInfo withValidCheckSums(ChangeSetInfo cs, String... valid) {
    return new ChangeSetInfo(cs.file(), cs.id(), cs.author(), cs.checksum(), cs.line(), cs.runInTransaction(),
        cs.hasRollback(), cs.comment(), cs.changes(), List.of(valid));
  }
}
