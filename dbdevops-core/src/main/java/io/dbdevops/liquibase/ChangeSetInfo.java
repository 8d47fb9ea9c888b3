package io.dbdevops.liquibase;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One changeset as written in the changelog, read without a database: where it is (file and line), who wrote it,
 * Liquibase's checksum, and its changes. What lint and the integrity file work from.
 *
 * @param file the changelog file as Liquibase records it (relative to the changelog root)
 * @param line 1-based line of the changeset's start in that file (0 when unknown)
 * @param checksum Liquibase's checksum, e.g. {@code 9:1f2e…}
 */
public record ChangeSetInfo(String file, String id, String author, String checksum, int line, boolean runInTransaction,
    boolean hasRollback, Optional<String> comment, List<ChangeInfo> changes) {

  public ChangeSetInfo {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    comment = Objects.requireNonNullElse(comment, Optional.empty());
    changes = List.copyOf(changes);
  }

  /** Liquibase's identity of a changeset: {@code file::id::author}. */
  public String key() {
    return file + "::" + id + "::" + author;
  }

  /** {@code file:line}, for messages. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}
