package io.dbdevops.seed;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.config.Dialect;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Fills a database with generated rows (Datafaker), in one transaction: committed when every table is filled, rolled
 * back otherwise. Tables in foreign-key order (a cycle is broken where a foreign key is nullable: those columns stay
 * NULL), parents' keys read back (identity columns are the database's), unique and primary-key columns given distinct
 * values, NOT NULL honoured, text within its length, decimals within precision and scale, simple checks read
 * ({@link Values#bounds}); a batch the database refuses is inserted row by row, each refused row generated again (up to
 * {@link #RETRIES} times, inside a savepoint). Multi-row INSERTs of up to {@link #BATCH} rows.
 */
public final class Seeder {

  static final int BATCH = 500;
  static final int RETRIES = 5;
  /** How many of a parent's keys the children choose from. */
  static final int PARENT_KEYS = 100_000;

  /** What one table got. */
  public record TableResult(String table, int rows, int retried, int refused, Duration took) {
  }

  public record Result(List<TableResult> tables, List<String> kept, Duration took) {
    public Result {
      tables = List.copyOf(tables);
      kept = List.copyOf(kept);
    }

    public long rows() {
      return tables.stream().mapToLong(TableResult::rows).sum();
    }
  }

  /**
   * Seeds an environment: refused when it is {@code <protected>}; its live schema (the owned schemas, else the
   * connection's) snapshot first, then filled.
   *
   * @throws io.dbdevops.SetupException a protected environment (nothing is connected to), an unreachable one
   */
  public Result seed(io.dbdevops.env.LiveTarget target, SeedSettings settings) {
    io.dbdevops.env.Environment env = target.environment();
    if (env.isProtected()) {
      throw new io.dbdevops.SetupException("environment '" + env.name() + "' is <protected>true</protected>: dbdevops:seed "
          + "does not write generated rows into it; seed a development or test environment (nothing was written)");
    }
    try (Connection c = target.connect(false)) {
      Dialect dialect = Dialect.of(c);
      List<String> schemas = env.schemas().isEmpty()
          ? List.of(dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema()) : env.schemas();
      if (schemas.size() != 1) {
        throw new io.dbdevops.SetupException("environment '" + env.name() + "' owns " + schemas.size() + " schemas "
            + schemas + ": dbdevops:seed fills one; set <schemas> to one");
      }
      SchemaModel model = new io.dbdevops.snapshot.SchemaCrawlerSnapshotter().snapshot(c, dialect,
          io.dbdevops.snapshot.SnapshotScope.of(schemas.get(0)));
      return seed(c, dialect, model, env.schemas().isEmpty() ? Optional.empty() : Optional.of(schemas.get(0)), settings);
    } catch (SQLException e) {
      throw new io.dbdevops.SetupException("cannot seed environment '" + env.name() + "' (" + target.description()
          + "): " + target.secrets().mask(oneLine(e.getMessage())), e);
    }
  }

  /**
   * Seeds the tables of {@code model} (the database's own snapshot) in {@code schema} (empty: the connection's).
   *
   * @throws InvalidChangeException a cycle of NOT NULL foreign keys, a type without generator (naming the column and
   *     the {@code <seed>} setting), or a table the database refuses every row of
   */
  public Result seed(Connection connection, Dialect dialect, SchemaModel model, Optional<String> schema,
      SeedSettings settings) throws SQLException {
    long t0 = System.nanoTime();
    Random random = new Random(settings.random());
    Faker faker = new Faker(Locale.ENGLISH, random);
    Values values = new Values(faker, random);
    Map<String, Table> tables = new LinkedHashMap<>();
    model.tables().forEach(t -> tables.put(t.name(), t));
    for (String name : settings.keep()) {
      if (!tables.containsKey(name)) {
        throw new InvalidChangeException("reference table '" + name + "' is not in the database", null);
      }
    }
    for (String name : settings.rowsPerTable().keySet()) {
      if (!tables.containsKey(name)) {
        throw new InvalidChangeException("<seed> names table '" + name + "', which is not in the database (tables: "
            + String.join(", ", tables.keySet()) + ")", null);
      }
    }
    Order order = order(tables);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    List<TableResult> results = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    try {
      for (String name : order.tables()) {
        Table table = tables.get(name);
        if (settings.keep().contains(name)) {
          kept.add(name);
          continue;
        }
        int rows = settings.rowsFor(name);
        if (rows == 0) {
          continue;
        }
        results.add(fill(connection, dialect, schema, table, rows, order.nulled().getOrDefault(name, Set.of()),
            settings.columns().getOrDefault(name, Map.of()), values, tables));
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return new Result(results, kept, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The tables in foreign-key order, and per table the foreign keys left NULL to break a cycle. */
  record Order(List<String> tables, Map<String, Set<ForeignKey>> nulled) {
  }

  static Order order(Map<String, Table> tables) {
    List<String> out = new ArrayList<>();
    Map<String, Set<ForeignKey>> nulled = new HashMap<>();
    Set<String> left = new java.util.TreeSet<>(tables.keySet());
    while (!left.isEmpty()) {
      Optional<String> ready = left.stream().filter(t -> parents(tables.get(t), nulled).stream()
          .noneMatch(p -> left.contains(p) && !p.equals(t))).findFirst();
      if (ready.isPresent()) {
        out.add(ready.get());
        left.remove(ready.get());
        continue;
      }
      // a cycle: break it at a table whose foreign keys into the rest are all nullable
      Optional<String> breakable = left.stream().filter(t -> tables.get(t).foreignKeys().stream()
          .filter(fk -> left.contains(fk.referencedTable()) && !fk.referencedTable().equals(t))
          .allMatch(fk -> nullable(tables.get(t), fk))).findFirst();
      if (breakable.isEmpty()) {
        throw new InvalidChangeException("the tables " + String.join(", ", left) + " reference each other through "
            + "NOT NULL foreign keys: no order fills them; leave one out with <seed><tables><table><name>…</name>"
            + "<rows>0</rows></table></tables></seed>", null);
      }
      String t = breakable.get();
      Set<ForeignKey> broken = new HashSet<>();
      tables.get(t).foreignKeys().stream().filter(fk -> left.contains(fk.referencedTable())
          && !fk.referencedTable().equals(t)).forEach(broken::add);
      nulled.computeIfAbsent(t, k -> new HashSet<>()).addAll(broken);
    }
    return new Order(out, nulled);
  }

  private static List<String> parents(Table table, Map<String, Set<ForeignKey>> nulled) {
    Set<ForeignKey> skip = nulled.getOrDefault(table.name(), Set.of());
    return table.foreignKeys().stream().filter(fk -> !skip.contains(fk)).map(ForeignKey::referencedTable).toList();
  }

  private static boolean nullable(Table table, ForeignKey fk) {
    return fk.columns().stream().allMatch(c -> table.column(c).map(Column::nullable).orElse(false));
  }

  private TableResult fill(Connection connection, Dialect dialect, Optional<String> schema, Table table, int rows,
      Set<ForeignKey> nulled, Map<String, String> configured, Values values, Map<String, Table> tables)
      throws SQLException {
    long t0 = System.nanoTime();
    for (String column : configured.keySet()) {
      if (table.column(column).isEmpty()) {
        throw new InvalidChangeException("<seed> sets column " + table.name() + "." + column + ", which the table does "
            + "not have (columns: " + String.join(", ", table.columns().stream().map(Column::name).toList()) + ")", null);
      }
    }
    List<Column> columns = table.columns().stream().filter(c -> !c.identity() || configured.containsKey(c.name()))
        .toList();
    Set<String> unique = new HashSet<>();
    table.primaryKey().ifPresent(pk -> { if (pk.columns().size() == 1) unique.add(pk.columns().get(0)); });
    table.uniqueConstraints().stream().filter(u -> u.columns().size() == 1).forEach(u -> unique.add(u.columns().get(0)));
    table.indexes().stream().filter(i -> i.unique() && i.columns().size() == 1).forEach(i -> unique.add(i.columns().get(0)));
    // composite keys: every column made distinct keeps the tuple distinct
    table.primaryKey().filter(pk -> pk.columns().size() > 1).ifPresent(pk -> unique.add(pk.columns().get(pk.columns().size() - 1)));
    table.uniqueConstraints().stream().filter(u -> u.columns().size() > 1).forEach(u -> unique.add(u.columns().get(u.columns().size() - 1)));
    Map<String, ForeignKey> fkOf = new HashMap<>();
    Map<ForeignKey, List<List<Object>>> parentKeys = new HashMap<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (nulled.contains(fk)) {
        continue;
      }
      fk.columns().forEach(c -> fkOf.putIfAbsent(c, fk));
      List<List<Object>> keys = keys(connection, dialect, schema, fk);
      boolean required = !nullable(table, fk);
      if (keys.isEmpty() && required) {
        throw new InvalidChangeException("cannot fill " + table.name() + ": its foreign key to " + fk.referencedTable()
            + " is NOT NULL and " + fk.referencedTable() + " has no rows (give it rows, or leave " + table.name()
            + " out with <rows>0</rows>)", null);
      }
      parentKeys.put(fk, keys);
    }
    Set<String> nulledColumns = new HashSet<>();
    nulled.forEach(fk -> nulledColumns.addAll(fk.columns()));
    Map<String, Values.Bounds> bounds = new HashMap<>();
    columns.forEach(c -> bounds.put(c.name(), Values.bounds(c.name(), table.checks())));
    long start = startOf(connection, dialect, schema, table, unique);
    Row generator = new Row(columns, unique, fkOf, parentKeys, nulledColumns, bounds, configured, values, start);
    String insertHead = "INSERT INTO " + qualified(dialect, schema, table.name()) + " (" + String.join(", ",
        columns.stream().map(c -> dialect.quote(c.name())).toList()) + ") VALUES ";
    String one = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    int perBatch = Math.max(1, Math.min(BATCH, 30_000 / Math.max(1, columns.size())));
    int inserted = 0;
    int retried = 0;
    int refused = 0;
    long n = 0;
    while (inserted + refused < rows) {
      int size = Math.min(perBatch, rows - inserted - refused);
      List<List<Object>> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batch.add(generator.next(n++));
      }
      Savepoint savepoint = connection.setSavepoint();
      try (PreparedStatement insert = connection.prepareStatement(insertHead
          + String.join(", ", java.util.Collections.nCopies(size, one)))) {
        int p = 1;
        for (List<Object> row : batch) {
          for (Object v : row) {
            insert.setObject(p++, v);
          }
        }
        insert.executeUpdate();
        inserted += size;
        connection.releaseSavepoint(savepoint);
        continue;
      } catch (SQLException e) {
        connection.rollback(savepoint);
      }
      // one by one: a refused row is generated again
      try (PreparedStatement insert = connection.prepareStatement(insertHead + one)) {
        for (List<Object> row : batch) {
          List<Object> candidate = row;
          boolean done = false;
          SQLException last = null;
          for (int attempt = 0; attempt <= RETRIES && !done; attempt++) {
            Savepoint sp = connection.setSavepoint();
            try {
              for (int i = 0; i < candidate.size(); i++) {
                insert.setObject(i + 1, candidate.get(i));
              }
              insert.executeUpdate();
              connection.releaseSavepoint(sp);
              done = true;
            } catch (SQLException e) {
              connection.rollback(sp);
              last = e;
              retried++;
              candidate = generator.next(n++);
            }
          }
          if (done) {
            inserted++;
          } else {
            refused++;
            if (refused > rows / 2 + 5) {
              throw new InvalidChangeException("the database refuses the rows generated for " + table.name() + " ("
                  + (last == null ? "" : oneLine(last.getMessage())) + "): set its columns in <seed><tables><table>"
                  + "<name>" + table.name() + "</name><columns>…</columns></table></tables></seed>", last);
            }
          }
        }
      }
    }
    return new TableResult(table.name(), inserted, retried, refused, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Generates rows of a table. */
  private static final class Row {
    private final List<Column> columns;
    private final Set<String> unique;
    private final Map<String, ForeignKey> fkOf;
    private final Map<ForeignKey, List<List<Object>>> parentKeys;
    private final Set<String> nulled;
    private final Map<String, Values.Bounds> bounds;
    private final Map<String, String> configured;
    private final Values values;
    private final long start;
    private final Random random;

    Row(List<Column> columns, Set<String> unique, Map<String, ForeignKey> fkOf,
        Map<ForeignKey, List<List<Object>>> parentKeys, Set<String> nulled, Map<String, Values.Bounds> bounds,
        Map<String, String> configured, Values values, long start) {
      this.columns = columns;
      this.unique = unique;
      this.fkOf = fkOf;
      this.parentKeys = parentKeys;
      this.nulled = nulled;
      this.bounds = bounds;
      this.configured = configured;
      this.values = values;
      this.start = start;
      this.random = new Random(start ^ columns.size());
    }

    List<Object> next(long n) {
      Map<ForeignKey, List<Object>> chosen = new HashMap<>();
      List<Object> row = new ArrayList<>(columns.size());
      for (Column c : columns) {
        if (configured.containsKey(c.name())) {
          row.add(values.configured(configured.get(c.name())));
        } else if (nulled.contains(c.name())) {
          row.add(null);
        } else if (fkOf.containsKey(c.name())) {
          ForeignKey fk = fkOf.get(c.name());
          List<List<Object>> keys = parentKeys.get(fk);
          if (keys.isEmpty()) {
            row.add(null);
            continue;
          }
          List<Object> parent = chosen.computeIfAbsent(fk, k -> unique.contains(c.name())
              ? keys.get((int) ((start + n) % keys.size())) : keys.get(random.nextInt(keys.size())));
          row.add(parent.get(fk.columns().indexOf(c.name())));
        } else if (c.nullable() && !unique.contains(c.name()) && random.nextInt(10) == 0) {
          row.add(null);
        } else {
          try {
            row.add(values.value(c, bounds.get(c.name()), unique.contains(c.name()), start + n));
          } catch (IllegalArgumentException e) {
            if (c.nullable()) {
              row.add(null);
            } else {
              throw new InvalidChangeException(e.getMessage() + ": set a value for it in <seed> (a Datafaker "
                  + "expression such as #{Lorem.word}, or a literal)", null);
            }
          }
        }
      }
      return row;
    }
  }

  /** Where distinct numbers start: after the largest integer already in a unique integer column (0 when none). */
  private static long startOf(Connection connection, Dialect dialect, Optional<String> schema, Table table,
      Set<String> unique) throws SQLException {
    long start = 0;
    for (String name : unique) {
      Column c = table.column(name).orElseThrow();
      String t = c.type().name().toLowerCase(Locale.ROOT);
      if (!Set.of("smallint", "tinyint", "integer", "int", "bigint", "mediumint", "decimal", "numeric").contains(t)) {
        continue;
      }
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(" + dialect.quote(name)
          + ") FROM " + qualified(dialect, schema, table.name()))) {
        if (rs.next() && rs.getObject(1) != null) {
          start = Math.max(start, rs.getBigDecimal(1).longValue());
        }
      }
    }
    return start;
  }

  private static List<List<Object>> keys(Connection connection, Dialect dialect, Optional<String> schema, ForeignKey fk)
      throws SQLException {
    String cols = String.join(", ", fk.referencedColumns().stream().map(c -> dialect.quote(c)).toList());
    List<List<Object>> keys = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(PARENT_KEYS);
      try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + qualified(dialect, schema, fk.referencedTable())
          + " ORDER BY " + cols)) {
        while (rs.next()) {
          List<Object> key = new ArrayList<>();
          for (int i = 1; i <= fk.referencedColumns().size(); i++) {
            key.add(rs.getObject(i));
          }
          if (!key.contains(null)) {
            keys.add(key);
          }
        }
      }
    }
    return keys;
  }


  private static String qualified(Dialect dialect, Optional<String> schema, String table) {
    return schema.map(s -> dialect.quote(s) + ".").orElse("") + dialect.quote(table);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
