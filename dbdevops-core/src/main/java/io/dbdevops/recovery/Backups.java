package io.dbdevops.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.BackupPolicy;
import io.dbdevops.env.LiveTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Backups before a deploy or rollback ({@code <backup>} LOSSY|ALWAYS|NEVER): the rows of the tables the statements about
 * to run can lose (ALWAYS: of every table they touch) copied to {@code <backupDirectory>/E/<yyyyMMdd'T'HHmmss'Z'>/},
 * one CSV file per table (header, RFC 4180, NULL as an unquoted empty field, every other value quoted), taken in one
 * consistent read (PostgreSQL: a REPEATABLE READ transaction and {@code COPY (SELECT …) TO STDOUT}; MariaDB:
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} and SELECT), with {@code manifest.json} (per table: file, rows,
 * SHA-256, columns and types) and the point-in-time-recovery anchor read in the same transaction, plus
 * {@code RECOVERY.md} with the commands. A backup that fails throws {@link SetupException}: the caller changes nothing.
 */
public final class Backups {

  public static final String MANIFEST = "manifest.json";
  public static final String RECOVERY = "RECOVERY.md";
  static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  /** NULL as an unquoted empty field, every other value quoted (so an empty string is {@code ""}). */
  static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setNullString("")
      .setQuoteMode(QuoteMode.ALL_NON_NULL).get();

  /** The header line: names quoted only where needed, as PostgreSQL's COPY writes it. */
  static final CSVFormat HEADER = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL)
      .get();

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What is about to run: {@code statements} per changeset (as the rehearsal on the shadow executed them), in order.
   *
   * @param purpose {@code deploy} or {@code rollback}
   */
  public record Request(LiveTarget target, Dialect dialect, String purpose, Map<String, List<String>> statements,
      int appliedCount, Consumer<String> progress) {
    public Request {
      statements = new LinkedHashMap<>(statements);
      progress = progress == null ? s -> { } : progress;
    }
  }

  /**
   * Takes the backup the environment's policy asks for, or none (empty): NEVER; LOSSY with no lossy statement; nothing
   * to run; or no table to copy (the lossy tables do not exist yet).
   */
  public Optional<Backup> before(Request request) {
    BackupPolicy policy = request.target().environment().deploy().backup();
    List<String> all = request.statements().values().stream().flatMap(List::stream).toList();
    if (policy == BackupPolicy.NEVER || request.statements().isEmpty()) {
      return Optional.empty();
    }
    List<LossyStatements.Loss> losses = LossyStatements.all(all);
    Set<String> tables = new LinkedHashSet<>();
    String reason;
    if (policy == BackupPolicy.ALWAYS) {
      all.forEach(s -> LossyStatements.touched(s).ifPresent(tables::add));
      reason = "<backup>ALWAYS</backup>";
    } else {
      if (losses.isEmpty()) {
        return Optional.empty();
      }
      losses.forEach(l -> tables.add(l.table()));
      reason = "<backup>LOSSY</backup>";
    }
    if (!losses.isEmpty()) {
      reason += ": " + String.join(", ", losses.stream().map(l -> l.what() + " " + l.table()).toList());
    }
    return take(request, List.copyOf(tables), reason);
  }

  /**
   * The backup before a deploy, from the drift check's rehearsal of the pending changesets on the shadow (the statements
   * they execute): the call {@code Deployer} makes after its checks, before the update.
   */
  public static Optional<Backup> beforeDeploy(LiveTarget target, io.dbdevops.drift.DriftDetector.Checked checked,
      Consumer<String> progress) {
    Map<String, List<String>> statements = new LinkedHashMap<>();
    checked.report().pending().forEach(p -> statements.put(p.key(), List.of()));
    checked.pendingUpdate().applied().forEach(a -> statements.put(a.label(), checked.pendingUpdate().statementsOf(a)));
    if (checked.report().pending().isEmpty()) {
      return Optional.empty();
    }
    return new Backups().before(new Request(target, checked.report().dialect(), "deploy", statements,
        checked.report().applied(), progress));
  }

  /** Copies {@code tables} (those that exist live) now; empty when none exists. */
  public Optional<Backup> take(Request request, List<String> tables, String reason) {
    LiveTarget target = request.target();
    String env = target.environment().name();
    Path root = target.environment().deploy().backupDirectory().orElse(Path.of("target", "dbdevops", "backups"))
        .toAbsolutePath().normalize().resolve(env);
    Dialect dialect = request.dialect();
    if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MARIADB) {
      throw new SetupException("backups before a " + request.purpose() + " are made on PostgreSQL and MariaDB; "
          + target.description() + " is " + dialect.word() + ": set <backup>NEVER</backup> for it");
    }
    Instant now = Instant.now();
    Path dir = null;
    try (Connection c = target.connect(true)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        if (dialect == Dialect.POSTGRESQL) {
          st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } else {
          st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
      }
      List<String> schemas = target.environment().schemas().isEmpty()
          ? List.of(dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema()) : target.environment().schemas();
      List<TableShapes.Found> found = new ArrayList<>();
      for (String t : tables) {
        TableShapes.find(c, dialect, schemas, t).ifPresent(found::add);
      }
      if (found.isEmpty()) {
        c.rollback();
        return Optional.empty();
      }
      Map<String, String> anchor = anchor(c, dialect);
      dir = folder(root, now);
      List<Backup.TableCopy> copies = new ArrayList<>();
      for (TableShapes.Found f : found) {
        String file = (schemas.size() > 1 ? f.schema() + "." : "") + f.table() + ".csv";
        List<Backup.Column> columns = TableShapes.columns(c, dialect, f.schema(), f.table());
        long rows = dialect == Dialect.POSTGRESQL ? copyOut(c, f, dir.resolve(file))
            : selectOut(c, f, columns, dir.resolve(file));
        copies.add(new Backup.TableCopy(f.schema(), f.table(), file, rows, sha256(dir.resolve(file)), columns));
      }
      c.rollback();
      Backup backup = new Backup(dir, env, dialect.word(), now, request.purpose(), reason,
          List.copyOf(request.statements().keySet()), request.appliedCount(), copies, anchor);
      Files.writeString(dir.resolve(MANIFEST), mapper.writeValueAsString(manifest(backup)) + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(RECOVERY), RecoveryText.of(backup), StandardCharsets.UTF_8);
      request.progress().accept("backup before the " + request.purpose() + ": " + dir + " (" + backup.rowsLine() + "; "
          + backup.anchorLine() + ")");
      return Optional.of(backup);
    } catch (SQLException | IOException | RuntimeException e) {
      if (e instanceof SetupException s && dir == null) {
        throw s;
      }
      throw new SetupException("the backup before the " + request.purpose() + " of " + target.description()
          + " failed" + (dir == null ? "" : " (in " + dir + ")") + ": " + e.getMessage() + "; nothing was changed. Fix "
          + "it, or set <backup>NEVER</backup> (-Ddbdevops.backup=NEVER) to go on without one", e);
    }
  }

  private static Path folder(Path root, Instant now) throws IOException {
    Path dir = root.resolve(FOLDER.format(now));
    for (int n = 2; Files.exists(dir); n++) {
      dir = root.resolve(FOLDER.format(now) + "-" + n);
    }
    Files.createDirectories(dir);
    return dir;
  }

  /** The point-in-time-recovery anchor, read in the backup's transaction; what is not available said plainly. */
  static Map<String, String> anchor(Connection c, Dialect dialect) throws SQLException {
    Map<String, String> a = new LinkedHashMap<>();
    if (dialect == Dialect.POSTGRESQL) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT pg_current_wal_lsn()::text, pg_walfile_name(pg_current_wal_lsn()), current_setting('wal_level'), "
              + "current_setting('archive_mode')")) {
        rs.next();
        a.put("lsn", rs.getString(1));
        a.put("walFile", rs.getString(2));
        // the WAL file name starts with the timeline, 8 hex digits
        a.put("timeline", String.valueOf(Long.parseLong(rs.getString(2).substring(0, 8), 16)));
        a.put("walLevel", rs.getString(3));
        a.put("archiveMode", rs.getString(4));
        if (!"on".equals(rs.getString(4)) && !"always".equals(rs.getString(4))) {
          a.put("note", "archive_mode is " + rs.getString(4) + ": WAL is not archived on this server, so a point-in-time "
              + "recovery to this LSN needs a base backup and archived WAL from elsewhere");
        }
      }
      return a;
    }
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT @@log_bin, @@gtid_current_pos")) {
        rs.next();
        a.put("logBin", rs.getString(1));
        a.put("gtid", Optional.ofNullable(rs.getString(2)).orElse(""));
      }
      if ("1".equals(a.get("logBin"))) {
        // the binlog position consistent with this transaction's snapshot
        String file = null;
        String pos = null;
        try (ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
          while (rs.next()) {
            if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_file")) {
              file = rs.getString(2);
            } else if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_position")) {
              pos = rs.getString(2);
            }
          }
        }
        if (file == null || file.isEmpty()) {
          try (ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            if (rs.next()) {
              file = rs.getString(1);
              pos = rs.getString(2);
            }
          }
        }
        if (file != null && !file.isEmpty()) {
          a.put("binlogFile", file);
          a.put("binlogPosition", pos);
        } else {
          a.put("note", "the binary log is on but SHOW MASTER STATUS gave no position");
        }
      } else {
        a.put("note", "the binary log is off on this server (log_bin=OFF): there is no binlog position, so no "
            + "point-in-time recovery past this backup; enable log_bin for one");
      }
    }
    return a;
  }

  private static long copyOut(Connection c, TableShapes.Found f, Path file) throws SQLException, IOException {
    CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
    try (OutputStream out = Files.newOutputStream(file)) {
      return copy.copyOut("COPY (SELECT * FROM " + TableShapes.qualified(Dialect.POSTGRESQL, f.schema(), f.table())
          + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
    }
  }

  private static long selectOut(Connection c, TableShapes.Found f, List<Backup.Column> columns, Path file)
      throws SQLException, IOException {
    long rows = 0;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM "
        + TableShapes.qualified(Dialect.MARIADB, f.schema(), f.table()));
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSV)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        header.add(meta.getColumnLabel(i));
      }
      HEADER.printRecord(w, header.toArray());
      boolean[] binary = new boolean[meta.getColumnCount()];
      for (int i = 0; i < binary.length; i++) {
        binary[i] = i < columns.size() && TableShapes.binary(columns.get(i));
      }
      List<String> values = new ArrayList<>(header.size());
      while (rs.next()) {
        values.clear();
        for (int i = 1; i <= header.size(); i++) {
          if (binary[i - 1]) {
            byte[] b = rs.getBytes(i);
            values.add(b == null ? null : HexFormat.of().formatHex(b));
          } else {
            values.add(rs.getString(i));
          }
        }
        csv.printRecord(values);
        rows++;
      }
    }
    return rows;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> manifest(Backup b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environment", b.environment());
    m.put("dialect", b.dialect());
    m.put("time", b.time().toString());
    m.put("purpose", b.purpose());
    m.put("reason", b.reason());
    m.put("appliedCount", b.appliedCount());
    m.put("changesets", b.changeSets());
    List<Map<String, Object>> tables = new ArrayList<>();
    for (Backup.TableCopy t : b.tables()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("schema", t.schema());
      e.put("table", t.table());
      e.put("file", t.file());
      e.put("rows", t.rows());
      e.put("sha256", t.sha256());
      e.put("columns", t.columns().stream().map(col -> {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", col.name());
        c.put("type", col.type());
        return c;
      }).toList());
      tables.add(e);
    }
    m.put("tables", tables);
    m.put("pointInTimeRecovery", b.anchor());
    return m;
  }

  /** The backup in {@code dir}, from its manifest; a missing or unreadable manifest is a {@link SetupException}. */
  public static Backup read(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new SetupException("no " + MANIFEST + " in " + dir + ": not a dbdevops backup (-Ddbdevops.backup)");
    }
    try {
      JsonNode m = new ObjectMapper().readTree(file.toFile());
      List<Backup.TableCopy> tables = new ArrayList<>();
      for (JsonNode t : m.path("tables")) {
        List<Backup.Column> cols = new ArrayList<>();
        t.path("columns").forEach(c -> cols.add(new Backup.Column(c.path("name").asText(), c.path("type").asText())));
        tables.add(new Backup.TableCopy(t.path("schema").asText(), t.path("table").asText(), t.path("file").asText(),
            t.path("rows").asLong(), t.path("sha256").asText(), cols));
      }
      List<String> changeSets = new ArrayList<>();
      m.path("changesets").forEach(c -> changeSets.add(c.asText()));
      Map<String, String> anchor = new LinkedHashMap<>();
      m.path("pointInTimeRecovery").fields().forEachRemaining(e -> anchor.put(e.getKey(), e.getValue().asText()));
      return new Backup(dir, m.path("environment").asText(), m.path("dialect").asText(),
          Instant.parse(m.path("time").asText()), m.path("purpose").asText(), m.path("reason").asText(), changeSets,
          m.path("appliedCount").asInt(), tables, anchor);
    } catch (IOException | RuntimeException e) {
      throw new SetupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
