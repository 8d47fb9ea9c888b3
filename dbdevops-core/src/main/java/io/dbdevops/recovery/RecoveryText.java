package io.dbdevops.recovery;

/** {@code RECOVERY.md} of a backup: what it holds and the ready commands to recover from it. */
final class RecoveryText {

  private RecoveryText() {
  }

  static String of(Backup b) {
    StringBuilder s = new StringBuilder();
    s.append("# Recovery of environment ").append(b.environment()).append("\n\n");
    s.append("Backup taken ").append(b.time()).append(" before a ").append(b.purpose()).append(" (")
        .append(b.reason()).append("), with ").append(b.appliedCount()).append(" changesets applied.\n\n");
    s.append("| table | rows | file | SHA-256 |\n|---|---:|---|---|\n");
    for (Backup.TableCopy t : b.tables()) {
      s.append("| ").append(t.schema()).append('.').append(t.table()).append(" | ").append(t.rows()).append(" | ")
          .append(t.file()).append(" | `").append(t.sha256()).append("` |\n");
    }
    s.append("\n## Put the rows back\n\nThe tables must exist with the same columns and types and be empty (roll back "
        + "or provision to the version before, then):\n\n```\nmvn dbdevops:restore -Ddbdevops.environment=")
        .append(b.environment()).append(" -Ddbdevops.backup=").append(b.directory()).append("\n```\n\n");
    s.append("## Point-in-time recovery\n\n");
    if (b.anchor().containsKey("lsn")) {
      s.append("PostgreSQL WAL position at the backup: `").append(b.anchor().get("lsn")).append("` (WAL file `")
          .append(b.anchor().get("walFile")).append("`, timeline ").append(b.anchor().get("timeline"))
          .append("). Restore a base backup taken before it, then recover to this point with, in postgresql.conf "
              + "(and an empty `recovery.signal` file in the data directory):\n\n```\nrestore_command = 'cp /path/to/"
              + "wal_archive/%f %p'\nrecovery_target_lsn = '").append(b.anchor().get("lsn"))
          .append("'\nrecovery_target_timeline = '").append(b.anchor().get("timeline"))
          .append("'\nrecovery_target_action = 'promote'\n```\n");
    } else if (b.anchor().containsKey("binlogFile")) {
      s.append("MariaDB binary log position at the backup: `").append(b.anchor().get("binlogFile")).append(':')
          .append(b.anchor().get("binlogPosition")).append('`')
          .append(b.anchor().getOrDefault("gtid", "").isEmpty() ? "" : ", GTID `" + b.anchor().get("gtid") + "`")
          .append(". Restore a full backup taken before it, then replay the binary log up to this point:\n\n```\n"
              + "mariadb-binlog --start-position=<position of the full backup> --stop-position=")
          .append(b.anchor().get("binlogPosition")).append(' ').append(b.anchor().get("binlogFile"))
          .append(" | mariadb\n```\n");
    }
    if (b.anchor().containsKey("note")) {
      s.append("\nNote: ").append(b.anchor().get("note")).append(".\n");
    }
    if (b.anchor().containsKey("gtid") && !b.anchor().containsKey("binlogFile")) {
      s.append("\nGTID position at the backup: `").append(b.anchor().get("gtid")).append("`.\n");
    }
    return s.toString();
  }
}
