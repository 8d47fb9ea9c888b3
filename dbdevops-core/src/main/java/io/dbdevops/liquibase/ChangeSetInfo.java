package io.dbdevops.liquibase;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One changeset as written in the changelog, read without a database: where it is (file and line), who wrote it,
 * Liquibase's checksum, and its changes. What lint and the integrity file work from.
 *
 * @param file the changelog file as Liquibase records it in {@code DATABASECHANGELOG.FILENAME} (relative to the
 *     changelog root): the changeset's or its changelog's {@code logicalFilePath} when one is set; part of its identity
 * @param line 1-based line of the changeset's start in {@code physicalFile} (0 when unknown)
 * @param checksum Liquibase's checksum, e.g. {@code 9:1f2e…}
 * @param validCheckSums the changeset's {@code <validCheckSum>} values as Liquibase prints them ({@code 9:…}, or
 *     {@code 1:any} for ANY): earlier checksums its author declared still valid
 * @param physicalFile the file the changeset is written in, relative to the changelog root: where findings and
 *     messages point; the same as {@code file} unless a {@code logicalFilePath} is set
 */
public record ChangeSetInfo(String file, String id, String author, String checksum, int line, boolean runInTransaction,
    boolean hasRollback, Optional<String> comment, List<ChangeInfo> changes, List<String> validCheckSums,
    String physicalFile) {

  public ChangeSetInfo {
    Objects.requireNonNull(file, "file");
    physicalFile = physicalFile == null || physicalFile.isEmpty() ? file : physicalFile;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    comment = Objects.requireNonNullElse(comment, Optional.empty());
    changes = List.copyOf(changes);
    validCheckSums = validCheckSums == null ? List.of() : List.copyOf(validCheckSums);
  }

  /** A changeset written in the file Liquibase records (no {@code logicalFilePath}). */
  public ChangeSetInfo(String file, String id, String author, String checksum, int line, boolean runInTransaction,
      boolean hasRollback, Optional<String> comment, List<ChangeInfo> changes, List<String> validCheckSums) {
    this(file, id, author, checksum, line, runInTransaction, hasRollback, comment, changes, validCheckSums, file);
  }

  /** A changeset without {@code <validCheckSum>} declarations. */
  public ChangeSetInfo(String file, String id, String author, String checksum, int line, boolean runInTransaction,
      boolean hasRollback, Optional<String> comment, List<ChangeInfo> changes) {
    this(file, id, author, checksum, line, runInTransaction, hasRollback, comment, changes, List.of());
  }

  /** True when Liquibase accepts {@code checksum} for this changeset: its own, or one its author declared valid. */
  public boolean acceptsChecksum(String checksum) {
    if (this.checksum.equals(checksum)) {
      return true;
    }
    for (String valid : validCheckSums) {
      if (valid.equalsIgnoreCase(checksum) || valid.equalsIgnoreCase("1:any") || valid.equalsIgnoreCase("1:all")
          || valid.equals("1:*")) {
        return true;
      }
    }
    return false;
  }

  /** Liquibase's identity of a changeset: {@code file::id::author} (with the logical file path, when one is set). */
  public String key() {
    return file + "::" + id + "::" + author;
  }

  /** Where it is written, for messages: {@code physicalFile:line}. */
  public String location() {
    return line > 0 ? physicalFile + ":" + line : physicalFile;
  }
}
