package io.dbdevops.recovery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backup taken before a deploy or rollback: the folder {@code <backupDirectory>/E/<UTC time>/}, the tables copied
 * (one CSV file each, with its shape), the point-in-time-recovery anchor, and what was about to run. Its
 * {@code manifest.json} holds all of this; {@code RECOVERY.md} beside it the commands to recover.
 *
 * @param purpose {@code deploy} or {@code rollback}
 * @param reason why it was taken (the policy and the lossy statements), one line
 * @param changeSets the changesets about to run or be rolled back ({@code file::id::author})
 * @param appliedCount how many changesets the environment had when the backup was taken
 * @param anchor the point-in-time-recovery anchor: PostgreSQL {@code lsn}, {@code walFile}, {@code timeline};
 *     MariaDB {@code binlogFile}, {@code binlogPosition}, {@code gtid}; {@code note} when one is not available
 */
public record Backup(Path directory, String environment, String dialect, Instant time, String purpose, String reason,
    List<String> changeSets, int appliedCount, List<TableCopy> tables, Map<String, String> anchor) {

  public Backup {
    Objects.requireNonNull(directory, "directory");
    changeSets = List.copyOf(changeSets);
    tables = List.copyOf(tables);
    anchor = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(anchor));
  }

  /** One table's copy: its schema and name, the CSV file (relative to the folder), rows, SHA-256, shape. */
  public record TableCopy(String schema, String table, String file, long rows, String sha256, List<Column> columns) {
    public TableCopy {
      columns = List.copyOf(columns);
    }
  }

  /** A column as the engine's catalog states it (PostgreSQL {@code format_type}, MariaDB {@code COLUMN_TYPE}). */
  public record Column(String name, String type) {
  }

  /** {@code orders 3 rows, customers 10 rows}. */
  public String rowsLine() {
    return tables.isEmpty() ? "no table to copy" : String.join(", ", tables.stream()
        .map(t -> t.table() + " " + t.rows() + (t.rows() == 1 ? " row" : " rows")).toList());
  }

  /** {@code lsn 0/1A2B3C4 (wal 000000010000000000000001, timeline 1)} or the binlog position. */
  public String anchorLine() {
    if (anchor.containsKey("lsn")) {
      return "WAL LSN " + anchor.get("lsn") + (anchor.containsKey("walFile") ? " (WAL file " + anchor.get("walFile")
          + (anchor.containsKey("timeline") ? ", timeline " + anchor.get("timeline") : "") + ")" : "");
    }
    if (anchor.containsKey("binlogFile")) {
      return "binlog " + anchor.get("binlogFile") + ":" + anchor.get("binlogPosition")
          + (anchor.getOrDefault("gtid", "").isEmpty() ? "" : ", GTID " + anchor.get("gtid"));
    }
    return anchor.getOrDefault("note", "no point-in-time anchor")
        + (anchor.getOrDefault("gtid", "").isEmpty() ? "" : "; GTID " + anchor.get("gtid"));
  }
}
