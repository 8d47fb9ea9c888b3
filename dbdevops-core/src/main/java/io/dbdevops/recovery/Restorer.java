package io.dbdevops.recovery;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.LiveTarget;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Puts a backup's rows back ({@code dbdevops:restore}): the manifest and every file's SHA-256 are checked first (a
 * changed or missing file: {@link SetupException} naming it, nothing changed); every table must exist with the same
 * columns and types and be empty (else refused naming it, nothing changed); then, in one transaction, the rows are
 * loaded (PostgreSQL {@code COPY … FROM STDIN}, MariaDB batched INSERTs), counted and compared with the manifest; any
 * difference rolls the whole restore back.
 */
public final class Restorer {

  /** The confirm switch a protected environment needs. */
  public static final String CONFIRM = "-Ddbdevops.rollback.confirm";

  /**
   * @param backup a backup folder, or {@code latest}: the newest folder under the environment's backups
   * @param confirm the environment's name, required when it is {@code <protected>} or has {@code <requirePlan>}
   */
  public record Request(LiveTarget target, String backup, Optional<String> confirm) {
    public Request {
      Objects.requireNonNull(target, "target");
      confirm = Objects.requireNonNullElse(confirm, Optional.<String>empty());
    }
  }

  /** What the restore loaded, per table, and how long it took. */
  public record Result(Backup backup, List<Loaded> tables, Duration took) {
    public Result {
      tables = List.copyOf(tables);
    }

    public long rows() {
      return tables.stream().mapToLong(Loaded::rows).sum();
    }
  }

  public record Loaded(String table, long rows) {
  }

  public Result restore(Request request) {
    long t0 = System.nanoTime();
    LiveTarget target = request.target();
    var env = target.environment();
    if ((env.isProtected() || env.requirePlan())
        && !request.confirm().map(String::trim).filter(env.name()::equals).isPresent()) {
      throw new SetupException("environment '" + env.name() + "' is " + (env.isProtected() ? "<protected>"
          : "under <requirePlan>") + ": a restore writes rows into it; confirm with " + CONFIRM + "=" + env.name());
    }
    Path dir = resolve(target, request.backup());
    Backup backup = Backups.read(dir);
    if (!backup.environment().equals(env.name())) {
      throw new SetupException("the backup " + dir + " is of environment '" + backup.environment() + "', not '"
          + env.name() + "' (-Ddbdevops.backup, -Ddbdevops.environment)");
    }
    for (Backup.TableCopy t : backup.tables()) {
      Path file = dir.resolve(t.file());
      try {
        if (!Files.isRegularFile(file)) {
          throw new SetupException("the backup " + dir + " lacks " + t.file() + " (table " + t.table() + "); nothing "
              + "was restored");
        }
        String sha = Backups.sha256(file);
        if (!sha.equals(t.sha256())) {
          throw new SetupException("the backup file " + file + " was changed after the backup (SHA-256 " + sha
              + ", the manifest says " + t.sha256() + "); nothing was restored");
        }
      } catch (IOException e) {
        throw new SetupException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    try (Connection c = target.connect(false)) {
      Dialect dialect = Dialect.of(c);
      if (!dialect.word().equals(backup.dialect())) {
        throw new SetupException("the backup " + dir + " was taken on " + backup.dialect() + "; "
            + target.description() + " is " + dialect.word());
      }
      c.setAutoCommit(false);
      List<Loaded> loaded = new ArrayList<>();
      try {
        if (dialect == Dialect.MARIADB) {
          try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 0");
          }
        }
        for (Backup.TableCopy t : backup.tables()) {
          check(c, dialect, t, target);
        }
        for (Backup.TableCopy t : parentsFirst(c, dialect, backup.tables())) {
          Path file = dir.resolve(t.file());
          if (dialect == Dialect.POSTGRESQL) {
            copyIn(c, t, file);
          } else {
            insert(c, t, file);
          }
          long count = count(c, dialect, t);
          if (count != t.rows()) {
            throw new SetupException("restoring " + t.table() + " from " + file + " gave " + count + " rows, the "
                + "manifest says " + t.rows() + "; nothing was restored");
          }
          loaded.add(new Loaded(t.table(), count));
        }
        if (dialect == Dialect.POSTGRESQL) {
          advanceSequences(c, backup.tables());
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        if (e instanceof SetupException s) {
          throw s;
        }
        throw new SetupException("restoring " + dir + " into " + target.description() + " failed: " + e.getMessage()
            + "; nothing was restored", e);
      } finally {
        if (dialect == Dialect.MARIADB) {
          try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 1");
          }
        }
      }
      return new Result(backup, loaded, Duration.ofNanos(System.nanoTime() - t0));
    } catch (SQLException e) {
      throw new SetupException("cannot restore into " + target.description() + ": " + e.getMessage(), e);
    }
  }

  /**
   * PostgreSQL: the sequence behind a serial or identity column continues after the largest value restored (COPY
   * leaves it where it was, and the next insert would collide). MariaDB's AUTO_INCREMENT follows explicit values itself.
   */
  private static void advanceSequences(Connection c, List<Backup.TableCopy> tables) throws SQLException {
    for (Backup.TableCopy t : tables) {
      String qualified = TableShapes.qualified(Dialect.POSTGRESQL, t.schema(), t.table());
      for (Backup.Column col : t.columns()) {
        String sequence;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
          ps.setString(1, qualified);
          ps.setString(2, col.name());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            sequence = rs.getString(1);
          }
        }
        if (sequence != null) {
          try (PreparedStatement ps = c.prepareStatement("SELECT setval(?, m) FROM (SELECT max("
              + TableShapes.quote(Dialect.POSTGRESQL, col.name()) + ") AS m FROM " + qualified + ") x WHERE m IS NOT NULL")) {
            ps.setString(1, sequence);
            ps.executeQuery().close();
          }
        }
      }
    }
  }

  /** The folder {@code backup} names; {@code latest}: the newest one under {@code <backupDirectory>/E/}. */
  static Path resolve(LiveTarget target, String backup) {
    if (backup == null || backup.isBlank()) {
      throw new SetupException("name the backup to restore: -Ddbdevops.backup=<folder> or -Ddbdevops.backup=latest");
    }
    Path root = target.environment().deploy().backupDirectory().orElse(Path.of("target", "dbdevops", "backups"))
        .toAbsolutePath().normalize().resolve(target.environment().name());
    if (!backup.trim().equalsIgnoreCase("latest")) {
      Path dir = Path.of(backup.trim()).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new SetupException("-Ddbdevops.backup=" + backup + ": no such folder");
      }
      return dir;
    }
    try (Stream<Path> s = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
      return s.filter(p -> Files.isRegularFile(p.resolve(Backups.MANIFEST)))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .orElseThrow(() -> new SetupException("-Ddbdevops.backup=latest: no backup of environment '"
              + target.environment().name() + "' under " + root));
    } catch (IOException e) {
      throw new SetupException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** The table exists, has the backup's shape and holds no row; else refused naming it. */
  private static void check(Connection c, Dialect dialect, Backup.TableCopy t, LiveTarget target) throws SQLException {
    Optional<TableShapes.Found> found = TableShapes.find(c, dialect, List.of(t.schema()), t.table());
    if (found.isEmpty()) {
      throw new SetupException("cannot restore table " + t.table() + ": it does not exist in " + target.description()
          + " (schema " + t.schema() + "); roll back or provision to the version the backup was taken at first; nothing "
          + "was restored");
    }
    List<Backup.Column> live = TableShapes.columns(c, dialect, found.get().schema(), found.get().table());
    if (!live.equals(t.columns())) {
      throw new SetupException("cannot restore table " + t.table() + ": its columns are " + render(live) + " in "
          + target.description() + ", the backup's are " + render(t.columns()) + "; nothing was restored");
    }
    long rows = count(c, dialect, t);
    if (rows > 0) {
      throw new SetupException("cannot restore table " + t.table() + ": it holds " + rows + (rows == 1 ? " row" : " rows")
          + " in " + target.description() + " (a restore only fills empty tables, so nothing is overwritten or "
          + "duplicated); empty it first if the backup's rows are to replace them; nothing was restored");
    }
  }

  /**
   * The tables in an order that loads a referenced table before the tables whose foreign keys point at it (PostgreSQL
   * checks each row as it is copied; MariaDB's session has foreign_key_checks off for the load).
   */
  static List<Backup.TableCopy> parentsFirst(Connection c, Dialect dialect, List<Backup.TableCopy> tables)
      throws SQLException {
    if (dialect != Dialect.POSTGRESQL || tables.size() < 2) {
      return tables;
    }
    java.util.Map<String, java.util.Set<String>> parents = new java.util.HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT cn.nspname || '.' || cl.relname, pn.nspname || '.' || "
        + "pl.relname FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = "
        + "cl.relnamespace JOIN pg_class pl ON pl.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pl.relnamespace "
        + "WHERE k.contype = 'f'"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        parents.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
      }
    }
    List<Backup.TableCopy> ordered = new ArrayList<>();
    List<Backup.TableCopy> left = new ArrayList<>(tables);
    while (!left.isEmpty()) {
      Optional<Backup.TableCopy> next = left.stream().filter(t -> parents.getOrDefault(t.schema() + "." + t.table(),
          java.util.Set.of()).stream().noneMatch(p -> !p.equals(t.schema() + "." + t.table()) && left.stream()
              .anyMatch(o -> (o.schema() + "." + o.table()).equals(p)))).findFirst();
      Backup.TableCopy t = next.orElse(left.get(0)); // a cycle: the manifest's order
      ordered.add(t);
      left.remove(t);
    }
    return ordered;
  }

  private static String render(List<Backup.Column> columns) {
    return "(" + String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList()) + ")";
  }

  private static long count(Connection c, Dialect dialect, Backup.TableCopy t) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
        + TableShapes.qualified(dialect, t.schema(), t.table()))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void copyIn(Connection c, Backup.TableCopy t, Path file) throws SQLException, IOException {
    String columns = String.join(", ", t.columns().stream().map(col -> TableShapes.quote(Dialect.POSTGRESQL,
        col.name())).toList());
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new CopyManager(c.unwrap(BaseConnection.class)).copyIn("COPY " + TableShapes.qualified(Dialect.POSTGRESQL,
          t.schema(), t.table()) + " (" + columns + ") FROM STDIN WITH (FORMAT csv, HEADER)", in);
    }
  }

  private static void insert(Connection c, Backup.TableCopy t, Path file) throws SQLException, IOException {
    List<Backup.Column> cols = t.columns();
    String names = String.join(", ", cols.stream().map(col -> TableShapes.quote(Dialect.MARIADB, col.name())).toList());
    String marks = String.join(", ", cols.stream().map(col -> TableShapes.binary(col) ? "UNHEX(?)" : "?").toList());
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.builder().setReader(in).setFormat(Backups.CSV.builder().setHeader()
            .setSkipHeaderRecord(true).get()).get();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + TableShapes.qualified(Dialect.MARIADB, t.schema(),
            t.table()) + " (" + names + ") VALUES (" + marks + ")")) {
      int batch = 0;
      for (CSVRecord r : csv) {
        for (int i = 0; i < cols.size(); i++) {
          ps.setString(i + 1, r.get(i));
        }
        ps.addBatch();
        if (++batch == 500) {
          ps.executeBatch();
          batch = 0;
        }
      }
      if (batch > 0) {
        ps.executeBatch();
      }
    }
  }
}
