package io.dbdevops.report;

import io.dbdevops.recovery.Backup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backup as the deploy and rollback reports show it: in their JSON ({@link #json}) and as their page's Backup panel
 * ({@link #view}, the template {@code partials-backup}): the folder, why it was taken, the point-in-time anchor, the
 * restore command and each table's rows, file and SHA-256.
 */
final class BackupParts {

  private BackupParts() {
  }

  record Table(String name, long rows, String file, String sha) {
  }

  record View(String directory, String reason, List<Table> tables, String anchor, String restore) {
  }

  static View view(Backup b, String environment) {
    return new View(b.directory().toString(), b.reason(), b.tables().stream()
        .map(t -> new Table(t.schema() + "." + t.table(), t.rows(), t.file(), t.sha256())).toList(), b.anchorLine(),
        restoreCommand(b, environment));
  }

  static String restoreCommand(Backup b, String environment) {
    return "mvn dbdevops:restore -Ddbdevops.environment=" + environment + " -Ddbdevops.backup=" + b.directory();
  }

  static Map<String, Object> json(Backup b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("directory", b.directory().toString());
    m.put("reason", b.reason());
    List<Map<String, Object>> tables = new ArrayList<>();
    for (Backup.TableCopy t : b.tables()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("table", t.schema() + "." + t.table());
      e.put("file", t.file());
      e.put("rows", t.rows());
      e.put("sha256", t.sha256());
      tables.add(e);
    }
    m.put("tables", tables);
    m.put("pointInTimeRecovery", b.anchor());
    return m;
  }
}
