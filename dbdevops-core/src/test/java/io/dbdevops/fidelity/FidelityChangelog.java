package io.dbdevops.fidelity;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.testdb.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A generated Liquibase XML changelog in the style of an enterprise changelog that years of hotfixes touched (issue 8),
 * and the generator's knowledge of what it makes: the expected tables, columns, keys and, above all, which indexes the
 * changelog created itself (MariaDB's catalog cannot tell those from the ones InnoDB made for a foreign key).
 *
 * <p>The changelog is deterministic for a seed. It is split over a master and several included files, some with a
 * {@code logicalFilePath}:
 * <ul>
 *   <li>{@code v1/core.xml}: hand-written edge cases (the issue's {@code FK_ORDER_CUSTOMER} index-then-FK, an explicit
 *       {@code orders_ibfk_1}, twins, restrict, names that look generated on some engine);</li>
 *   <li>{@code v1/<module>.xml}: seeded tables with bigint keys, varchar/decimal/date/timestamp/boolean columns,
 *       indexes named like the foreign keys created before them, foreign keys without an index, composite indexes,
 *       unique constraints, twin foreign keys, cascade / set null / restrict / no action rules;</li>
 *   <li>{@code hotfix/*.xml}: later changes: drop index, drop column, rename column, foreign keys added in another file
 *       than their table, indexes added later on foreign-key columns (InnoDB then drops its own index). The renames give
 *       columnDataType without NOT NULL or the default, as hotfixes usually do: on MariaDB Liquibase renames with
 *       {@code CHANGE old new <type>}, so the renamed column really becomes nullable without a default there;</li>
 *   <li>{@code dbms/postgresql.xml} ({@code dbms="postgresql"}, {@code oid}) and {@code dbms/mariadb.xml}
 *       ({@code dbms="mariadb,mysql"}, {@code tinyint(4)}, {@code tinyint(1)}, {@code datetime(6)}, {@code longtext},
 *       {@code mediumtext});</li>
 *   <li>{@code ctx/split.xml}: changesets reusing one id under {@code context="postgresql"} and
 *       {@code context="mysql"}.</li>
 * </ul>
 */
public final class FidelityChangelog {

  public static final String MASTER = "db/changelog/db.changelog-master.xml";
  static final String LEGACY_TS = "1970-01-01 00:00:00";
  /** The hotfixes rename {@code status} to this (with columnDataType but not NOT NULL or the default, as usual). */
  static final String RENAMED_TO = "state_code";

  /** Where a table exists. */
  enum Scope {
    PORTABLE, POSTGRESQL, MARIADB, CONTEXT_SPLIT;

    boolean existsOn(Engine engine) {
      return switch (this) {
        case PORTABLE -> true;
        case POSTGRESQL -> engine == Engine.POSTGRESQL;
        case MARIADB -> engine == Engine.MARIADB;
        case CONTEXT_SPLIT -> engine != Engine.H2;
      };
    }
  }

  /** The contexts an engine is updated with. */
  public static String contexts(Engine engine) {
    return switch (engine) {
      case H2 -> "h2";
      case POSTGRESQL -> "postgresql";
      case MARIADB -> "mysql";
    };
  }

  /** A column as the changelog leaves it; {@code type} is the Liquibase type written in the changelog. */
  record ColumnSpec(String name, String type, boolean nullable, Optional<String> defaultText, boolean identity) {
    ColumnSpec renamed(String newName) {
      return new ColumnSpec(newName, type, nullable, defaultText, identity);
    }
  }

  /** A foreign key; a rule is empty when the changelog gives none. */
  record FkSpec(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
      Optional<String> onDelete, Optional<String> onUpdate) {
    FkSpec {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  record UniqueSpec(String name, List<String> columns) {
    UniqueSpec {
      columns = List.copyOf(columns);
    }
  }

  /** An index the changelog created with createIndex (and did not drop). */
  record IndexSpec(String name, List<String> columns) {
    IndexSpec {
      columns = List.copyOf(columns);
    }
  }

  /** What one table must be after the whole changelog. Names are lower case, as the state writes them. */
  static final class TableSpec {
    final String name;
    final Scope scope;
    final LinkedHashMap<String, ColumnSpec> columns = new LinkedHashMap<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<FkSpec> foreignKeys = new ArrayList<>();
    final List<UniqueSpec> uniques = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();

    TableSpec(String name, Scope scope) {
      this.name = name;
      this.scope = scope;
    }

    ColumnSpec add(ColumnSpec c) {
      columns.put(c.name(), c);
      return c;
    }

    boolean indexed(String column) {
      return indexes.stream().anyMatch(i -> i.columns().contains(column))
          || uniques.stream().anyMatch(u -> u.columns().contains(column))
          || foreignKeys.stream().anyMatch(f -> f.columns().contains(column)) || primaryKey.contains(column);
    }

    void rename(String from, String to) {
      LinkedHashMap<String, ColumnSpec> copy = new LinkedHashMap<>(columns);
      columns.clear();
      copy.forEach((n, c) -> columns.put(n.equals(from) ? to : n, n.equals(from) ? c.renamed(to) : c));
      indexes.replaceAll(i -> new IndexSpec(i.name(), i.columns().stream().map(c -> c.equals(from) ? to : c).toList()));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One changelog file: its path under the resource root, its optional logicalFilePath and its changesets. */
  private static final class ChangelogFile {
    final String path;
    final String logicalFilePath;
    final List<String> changeSets = new ArrayList<>();

    ChangelogFile(String path, String logicalFilePath) {
      this.path = path;
      this.logicalFilePath = logicalFilePath;
    }
  }

  /** What the changelog does, by kind, for the final note (issue 8 asks for the numbers). */
  record Stats(int files, int changeSets, int indexThenForeignKey, int foreignKeyWithoutIndex, int twins,
      int lateForeignKeys, int supersedingIndexes, int droppedIndexes, int droppedColumns, int renamedColumns) {
  }

  private final Map<String, TableSpec> tables = new LinkedHashMap<>();
  private final List<ChangelogFile> files = new ArrayList<>();
  private final Random random;
  private int indexThenFk;
  private int fkWithoutIndex;
  private int twins;
  private int lateFks;
  private int superseding;
  private int droppedIndexes;
  private int droppedColumns;
  private int renamedColumns;

  /** Columns the engine-specific checks look at: table → column, by purpose. */
  static final String PG_TABLE = "pg_blob_ref";
  static final String MARIADB_TABLE = "my_legacy_flag";
  /** The foreign key with onDelete RESTRICT given in the changelog (on orders.customer_id). */
  static final String RESTRICT_FK = "fk_order_customer";
  /** Explicit names that look like names some engine generates. */
  static final List<String> GENERATED_LOOKING_FK_NAMES =
      List.of("orders_ibfk_1", "invoice_customer_id_fkey", "fk_4c2b1e9a0d", "fk_session_api_key");

  private FidelityChangelog(long seed) {
    this.random = new Random(seed);
  }

  /** The changelog for {@code seed} with {@code portableTables} seeded tables (plus the core and engine-specific ones). */
  public static FidelityChangelog generate(long seed, int portableTables) {
    FidelityChangelog g = new FidelityChangelog(seed);
    g.build(portableTables);
    return g;
  }

  Collection<TableSpec> tables() {
    return tables.values();
  }

  /** The tables that exist on {@code engine}, by name. */
  Map<String, TableSpec> tablesOn(Engine engine) {
    Map<String, TableSpec> m = new LinkedHashMap<>();
    tables.values().stream().filter(t -> t.scope.existsOn(engine)).forEach(t -> m.put(t.name, t));
    return m;
  }

  Stats stats() {
    return new Stats(files.size() + 1, files.stream().mapToInt(f -> f.changeSets.size()).sum(), indexThenFk,
        fkWithoutIndex, twins, lateFks, superseding, droppedIndexes, droppedColumns, renamedColumns);
  }

  /** Writes the master and its files under {@code root}; returns the changelog to apply. */
  public ChangelogSource write(Path root) {
    try {
      StringBuilder master = new StringBuilder(header(null));
      for (ChangelogFile f : files) {
        Path file = root.resolve("db/changelog").resolve(f.path);
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(header(f.logicalFilePath));
        f.changeSets.forEach(text::append);
        text.append("</databaseChangeLog>\n");
        Files.writeString(file, text);
        master.append("  <include file=\"").append(f.path).append("\" relativeToChangelogFile=\"true\"/>\n");
      }
      master.append("</databaseChangeLog>\n");
      Path m = root.resolve(MASTER);
      Files.createDirectories(m.getParent());
      Files.writeString(m, master);
      return new ChangelogSource(root, MASTER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(String logicalFilePath) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd"%s>
        """.formatted(logicalFilePath == null ? "" : "\n    logicalFilePath=\"" + logicalFilePath + "\"");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // generation

  private static final String[] MODULES = {"crm", "sales", "billing", "stock", "catalog", "shipping", "hr", "finance",
      "support", "audit"};
  private static final String[] ENTITIES = {"account", "contact", "address", "request", "item", "invoice", "payment",
      "product", "price", "tax_rate", "warehouse", "shipment", "carrier", "employee", "department", "ticket", "note",
      "attachment", "api_key", "currency", "country", "region", "tenant", "role", "permission", "discount", "coupon",
      "supplier", "batch", "event", "document", "contract", "budget", "ledger", "period", "channel", "queue", "agent"};

  private void build(int portableTables) {
    ChangelogFile hotfix2019 = new ChangelogFile("hotfix/2019-hotfixes.xml", "db/changelog/hotfix/2019.xml");
    ChangelogFile hotfix2021 = new ChangelogFile("hotfix/2021-hotfixes.xml", null);
    core(new ChangelogFile("v1/core.xml", null));
    List<TableSpec> generated = new ArrayList<>();
    int perModule = (portableTables + MODULES.length - 1) / MODULES.length;
    int made = 0;
    for (int m = 0; m < MODULES.length && made < portableTables; m++) {
      String module = MODULES[m];
      // every third module file has a logicalFilePath, as files moved around over the years
      ChangelogFile file = new ChangelogFile("v1/" + module + ".xml", m % 3 == 1 ? "legacy/" + module + "-changelog.xml" : null);
      files.add(file);
      List<String> entities = new ArrayList<>(List.of(ENTITIES));
      java.util.Collections.shuffle(entities, random);
      for (int i = 0; i < perModule && made < portableTables; i++, made++) {
        TableSpec t = seededTable(file, hotfix2019, module + "_" + entities.get(i), generated);
        generated.add(t);
      }
    }
    files.add(hotfix2019);
    hotfixes(hotfix2021, generated);
    files.add(hotfix2021);
    postgresOnly(new ChangelogFile("dbms/postgresql.xml", null));
    mariaDbOnly(new ChangelogFile("dbms/mariadb.xml", "db/changelog/dbms/mysql.xml"));
    contextSplit(new ChangelogFile("ctx/split.xml", null));
  }

  /** The issue's hand-written cases, with fixed names the engine-specific checks refer to. */
  private void core(ChangelogFile f) {
    files.add(f);
    TableSpec customer = table("customer", Scope.PORTABLE);
    customer.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
    customer.primaryKey.add("id");
    customer.add(new ColumnSpec("code", "VARCHAR(30)", false, Optional.empty(), false));
    customer.add(new ColumnSpec("name", "VARCHAR(100)", true, Optional.empty(), false));
    customer.add(new ColumnSpec("active", "BOOLEAN", false, Optional.of("true"), false));
    customer.add(new ColumnSpec("credit_limit", "DECIMAL(12,2)", true, Optional.of("0"), false));
    customer.add(new ColumnSpec("legacy_created", "DATETIME", false, Optional.of(LEGACY_TS), false));
    f.changeSets.add(createTable("core-1", customer));
    customer.uniques.add(new UniqueSpec("uk_customer_code", List.of("code")));
    customer.indexes.add(new IndexSpec("idx_customer_name", List.of("name")));
    f.changeSets.add(changeSet("core-2", addUnique("customer", "UK_CUSTOMER_CODE", "code")
        + createIndex("customer", "IDX_CUSTOMER_NAME", "name")));

    TableSpec orders = table("orders", Scope.PORTABLE);
    orders.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), false));
    orders.primaryKey.add("id");
    orders.add(new ColumnSpec("customer_id", "BIGINT", false, Optional.empty(), false));
    orders.add(new ColumnSpec("billing_customer_id", "BIGINT", true, Optional.empty(), false));
    orders.add(new ColumnSpec("status", "VARCHAR(20)", false, Optional.of("'NEW'"), false));
    orders.add(new ColumnSpec("ordered_on", "DATE", true, Optional.empty(), false));
    orders.add(new ColumnSpec("total", "DECIMAL(12,2)", true, Optional.empty(), false));
    orders.add(new ColumnSpec("paid", "BOOLEAN", false, Optional.of("false"), false));
    f.changeSets.add(createTable("core-3", orders));
    // the issue: an index named like the foreign key, created before it, on the same column
    orders.indexes.add(new IndexSpec("fk_order_customer", List.of("customer_id")));
    FkSpec restrict = new FkSpec("fk_order_customer", List.of("customer_id"), "customer", List.of("id"),
        Optional.of("RESTRICT"), Optional.empty());
    orders.foreignKeys.add(restrict);
    // a MariaDB-looking name given explicitly, without an index (InnoDB makes one, named orders_ibfk_1)
    FkSpec ibfk = new FkSpec("orders_ibfk_1", List.of("billing_customer_id"), "customer", List.of("id"),
        Optional.of("SET NULL"), Optional.empty());
    orders.foreignKeys.add(ibfk);
    f.changeSets.add(changeSet("core-4", createIndex("orders", "FK_ORDER_CUSTOMER", "customer_id")
        + addFk("orders", restrict, "FK_ORDER_CUSTOMER") + addFk("orders", ibfk, "orders_ibfk_1")));
    indexThenFk++;
    fkWithoutIndex++;

    TableSpec line = table("order_line", Scope.PORTABLE);
    line.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
    line.primaryKey.add("id");
    line.add(new ColumnSpec("order_id", "BIGINT", false, Optional.empty(), false));
    line.add(new ColumnSpec("product_code", "VARCHAR(30)", false, Optional.empty(), false));
    line.add(new ColumnSpec("qty", "INT", false, Optional.of("1"), false));
    line.add(new ColumnSpec("price", "DECIMAL(12,2)", true, Optional.empty(), false));
    f.changeSets.add(createTable("core-5", line));
    // twins: two foreign keys on the same column to the same table, without an index, cascade
    FkSpec twinA = new FkSpec("fk_order_line_order", List.of("order_id"), "orders", List.of("id"), Optional.of("CASCADE"),
        Optional.empty());
    FkSpec twinB = new FkSpec("fk_order_line_orders", List.of("order_id"), "orders", List.of("id"), Optional.empty(),
        Optional.empty());
    line.foreignKeys.add(twinA);
    line.foreignKeys.add(twinB);
    f.changeSets.add(changeSet("core-6", addFk("order_line", twinA, "FK_ORDER_LINE_ORDER")
        + addFk("order_line", twinB, "FK_ORDER_LINE_ORDERS")));
    twins++;
    // a composite index added later on the foreign-key column: InnoDB drops the index it had made itself
    line.indexes.add(new IndexSpec("idx_order_line_order_product", List.of("order_id", "product_code")));
    f.changeSets.add(changeSet("core-7", createIndex("order_line", "IDX_ORDER_LINE_ORDER_PRODUCT", "order_id", "product_code")));
    superseding++;

    // a table whose name ends in _key: foreign keys and indexes named after it end in _key, like PostgreSQL's names
    TableSpec apiKey = table("api_key", Scope.PORTABLE);
    apiKey.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), false));
    apiKey.primaryKey.add("id");
    apiKey.add(new ColumnSpec("key_value", "VARCHAR(64)", false, Optional.empty(), false));
    apiKey.add(new ColumnSpec("customer_id", "BIGINT", true, Optional.empty(), false));
    apiKey.add(new ColumnSpec("expires_at", "TIMESTAMP", true, Optional.empty(), false));
    f.changeSets.add(createTable("core-8", apiKey));
    apiKey.uniques.add(new UniqueSpec("uk_api_key_value", List.of("key_value")));
    FkSpec apiCustomer = new FkSpec("fk_api_key_customer", List.of("customer_id"), "customer", List.of("id"),
        Optional.empty(), Optional.empty());
    apiKey.foreignKeys.add(apiCustomer);
    f.changeSets.add(changeSet("core-9", addUnique("api_key", "UK_API_KEY_VALUE", "key_value")
        + addFk("api_key", apiCustomer, "FK_API_KEY_CUSTOMER")));
    fkWithoutIndex++;

    TableSpec session = table("session", Scope.PORTABLE);
    session.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
    session.primaryKey.add("id");
    session.add(new ColumnSpec("api_key_id", "BIGINT", false, Optional.empty(), false));
    session.add(new ColumnSpec("started_at", "TIMESTAMP", false, Optional.empty(), false));
    session.add(new ColumnSpec("ip_address", "VARCHAR(45)", true, Optional.empty(), false));
    f.changeSets.add(createTable("core-10", session));
    session.indexes.add(new IndexSpec("idx_session_api_key", List.of("api_key_id")));
    FkSpec sessionKey = new FkSpec("fk_session_api_key", List.of("api_key_id"), "api_key", List.of("id"),
        Optional.of("CASCADE"), Optional.of("CASCADE"));
    session.foreignKeys.add(sessionKey);
    f.changeSets.add(changeSet("core-11", createIndex("session", "IDX_SESSION_API_KEY", "api_key_id")
        + addFk("session", sessionKey, "FK_SESSION_API_KEY")));
    indexThenFk++;

    TableSpec invoice = table("invoice", Scope.PORTABLE);
    invoice.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), false));
    invoice.primaryKey.add("id");
    invoice.add(new ColumnSpec("customer_id", "BIGINT", false, Optional.empty(), false));
    invoice.add(new ColumnSpec("order_id", "BIGINT", true, Optional.empty(), false));
    invoice.add(new ColumnSpec("issued_on", "DATE", false, Optional.empty(), false));
    invoice.add(new ColumnSpec("amount", "DECIMAL(14,2)", false, Optional.of("0"), false));
    invoice.add(new ColumnSpec("printed", "BOOLEAN", true, Optional.empty(), false));
    f.changeSets.add(createTable("core-12", invoice));
    // a PostgreSQL-looking name, a Hibernate name that looks like H2's, an index name that looks like H2's
    FkSpec pgLooking = new FkSpec("invoice_customer_id_fkey", List.of("customer_id"), "customer", List.of("id"),
        Optional.of("NO ACTION"), Optional.empty());
    FkSpec hibernate = new FkSpec("fk_4c2b1e9a0d", List.of("order_id"), "orders", List.of("id"), Optional.of("SET NULL"),
        Optional.of("RESTRICT"));
    invoice.foreignKeys.add(pgLooking);
    invoice.foreignKeys.add(hibernate);
    invoice.indexes.add(new IndexSpec("invoice_index_2", List.of("issued_on")));
    invoice.indexes.add(new IndexSpec("fk_4c2b1e9a0d", List.of("order_id")));
    f.changeSets.add(changeSet("core-13", createIndex("invoice", "INVOICE_INDEX_2", "issued_on")
        + addFk("invoice", pgLooking, "invoice_customer_id_fkey")
        + createIndex("invoice", "FK_4C2B1E9A0D", "order_id")
        + addFk("invoice", hibernate, "FK_4C2B1E9A0D")));
    fkWithoutIndex++;
    indexThenFk++;
  }

  /** FK styles of the seeded tables. */
  private enum FkStyle { INDEX_FIRST, NO_INDEX, COMPOSITE_FIRST, TWIN, IBFK_NAME, LATE, LATE_INDEX, ONE_TO_ONE }

  private FkStyle style() {
    int r = random.nextInt(100);
    if (r < 38) {
      return FkStyle.INDEX_FIRST;
    } else if (r < 62) {
      return FkStyle.NO_INDEX;
    } else if (r < 70) {
      return FkStyle.COMPOSITE_FIRST;
    } else if (r < 76) {
      return FkStyle.TWIN;
    } else if (r < 81) {
      return FkStyle.IBFK_NAME;
    } else if (r < 91) {
      return FkStyle.LATE;
    } else if (r < 97) {
      return FkStyle.LATE_INDEX;
    }
    return FkStyle.ONE_TO_ONE;
  }

  private Optional<String> onDelete(boolean nullable) {
    int r = random.nextInt(100);
    if (r < 62) {
      return Optional.empty();
    } else if (r < 74) {
      return Optional.of("CASCADE");
    } else if (r < 84) {
      return nullable ? Optional.of("SET NULL") : Optional.of("CASCADE");
    } else if (r < 94) {
      return Optional.of("RESTRICT");
    }
    return Optional.of("NO ACTION");
  }

  private Optional<String> onUpdate() {
    int r = random.nextInt(100);
    return r < 90 ? Optional.empty() : r < 95 ? Optional.of("CASCADE") : Optional.of("RESTRICT");
  }

  private TableSpec seededTable(ChangelogFile f, ChangelogFile hotfix, String name, List<TableSpec> earlier) {
    TableSpec t = table(name, Scope.PORTABLE);
    String upper = name.toUpperCase(Locale.ROOT);
    t.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), random.nextInt(10) < 3));
    t.primaryKey.add("id");
    boolean code = random.nextInt(10) < 6;
    if (code) {
      t.add(new ColumnSpec("code", "VARCHAR(30)", false, Optional.empty(), false));
    }
    if (random.nextInt(10) < 8) {
      t.add(new ColumnSpec("name", "VARCHAR(" + new int[] {50, 100, 255}[random.nextInt(3)] + ")", random.nextBoolean(),
          Optional.empty(), false));
    }
    boolean status = random.nextInt(10) < 4;
    if (status) {
      t.add(new ColumnSpec("status", "VARCHAR(20)", false, Optional.of("'ACTIVE'"), false));
    }
    if (random.nextInt(10) < 4) {
      t.add(new ColumnSpec("amount", "DECIMAL(12,2)", true, random.nextBoolean() ? Optional.of("0") : Optional.empty(), false));
    }
    if (random.nextInt(10) < 2) {
      t.add(new ColumnSpec("rate", "DECIMAL(7,4)", true, Optional.empty(), false));
    }
    boolean validFrom = random.nextInt(10) < 4;
    if (validFrom) {
      t.add(new ColumnSpec("valid_from", "DATE", true, Optional.empty(), false));
    }
    if (random.nextInt(10) < 3) {
      t.add(new ColumnSpec("created_at", "TIMESTAMP", true, Optional.empty(), false));
    }
    if (random.nextInt(10) < 2) {
      t.add(new ColumnSpec("legacy_ts", "DATETIME", false, Optional.of(LEGACY_TS), false));
    }
    if (random.nextInt(10) < 4) {
      t.add(new ColumnSpec("active", "BOOLEAN", false, Optional.of(random.nextBoolean() ? "true" : "false"), false));
    }
    if (random.nextInt(10) < 3) {
      t.add(new ColumnSpec("qty", "INT", true, Optional.empty(), false));
    }
    if (random.nextInt(10) < 3) {
      t.add(new ColumnSpec("version", "BIGINT", false, Optional.of("0"), false));
    }
    if (random.nextInt(10) < 1) {
      t.add(new ColumnSpec("note", "VARCHAR(2000)", true, Optional.empty(), false));
    }
    // parents: earlier tables of this module mostly, sometimes the core tables
    int parentCount = earlier.isEmpty() ? 0 : new int[] {0, 1, 1, 1, 2, 2, 3}[random.nextInt(7)];
    List<TableSpec> parents = new ArrayList<>();
    for (int i = 0; i < parentCount; i++) {
      TableSpec p = random.nextInt(8) == 0 ? tables.get(random.nextBoolean() ? "customer" : "orders")
          : earlier.get(Math.max(0, earlier.size() - 1 - random.nextInt(Math.min(earlier.size(), 12))));
      if (!parents.contains(p)) {
        parents.add(p);
      }
    }
    List<String[]> fkColumns = new ArrayList<>();
    for (TableSpec p : parents) {
      String col = p.name + "_id";
      boolean nullable = random.nextBoolean();
      t.add(new ColumnSpec(col, "BIGINT", nullable, Optional.empty(), false));
      fkColumns.add(new String[] {col, p.name, String.valueOf(nullable)});
    }
    String id = name.replace('_', '-');
    f.changeSets.add(createTable(id + "-1", t));

    // constraints and indexes, then foreign keys, as generators write them
    StringBuilder constraints = new StringBuilder();
    if (code && random.nextInt(10) < 7) {
      String uk = "UK_" + upper + "_CODE";
      t.uniques.add(new UniqueSpec(uk.toLowerCase(Locale.ROOT), List.of("code")));
      constraints.append(addUnique(name, uk, "code"));
    } else if (code && !fkColumns.isEmpty() && random.nextInt(10) < 5) {
      String uk = "UK_" + upper + "_CODE_PARENT";
      String fkCol = fkColumns.get(0)[0];
      t.uniques.add(new UniqueSpec(uk.toLowerCase(Locale.ROOT), List.of("code", fkCol)));
      constraints.append(addUnique(name, uk, "code", fkCol));
    }
    if (t.columns.containsKey("name") && random.nextInt(10) < 4) {
      String ix = "IDX_" + upper + "_NAME";
      t.indexes.add(new IndexSpec(ix.toLowerCase(Locale.ROOT), List.of("name")));
      constraints.append(createIndex(name, ix, "name"));
    }
    if (status && validFrom && random.nextInt(10) < 6) {
      String ix = "IDX_" + upper + "_STATUS_FROM";
      t.indexes.add(new IndexSpec(ix.toLowerCase(Locale.ROOT), List.of("status", "valid_from")));
      constraints.append(createIndex(name, ix, "status", "valid_from"));
    }
    StringBuilder fks = new StringBuilder();
    int ibfk = 0;
    for (String[] fc : fkColumns) {
      String col = fc[0];
      String parent = fc[1];
      boolean nullable = Boolean.parseBoolean(fc[2]);
      String fkName = fkName(upper, parent);
      FkSpec fk = new FkSpec(fkName.toLowerCase(Locale.ROOT), List.of(col), parent, List.of("id"), onDelete(nullable), onUpdate());
      FkStyle style = style();
      if (style == FkStyle.ONE_TO_ONE && t.uniques.stream().anyMatch(u -> u.columns().equals(List.of(col)))) {
        style = FkStyle.NO_INDEX;
      }
      switch (style) {
        case INDEX_FIRST -> {
          t.indexes.add(new IndexSpec(fk.name(), List.of(col)));
          // half in the constraints changeset, half just before the foreign key
          (random.nextBoolean() ? constraints : fks).append(createIndex(name, fkName, col));
          fks.append(addFk(name, fk, fkName));
          t.foreignKeys.add(fk);
          indexThenFk++;
        }
        case NO_INDEX -> {
          fks.append(addFk(name, fk, fkName));
          t.foreignKeys.add(fk);
          fkWithoutIndex++;
        }
        case COMPOSITE_FIRST -> {
          String second = t.columns.containsKey("code") ? "code" : "id";
          String ix = "IDX_" + upper + "_" + parent.toUpperCase(Locale.ROOT) + "_" + second.toUpperCase(Locale.ROOT);
          ix = ix.length() > 60 ? ix.substring(0, 60) : ix;
          t.indexes.add(new IndexSpec(ix.toLowerCase(Locale.ROOT), List.of(col, second)));
          constraints.append(createIndex(name, ix, col, second));
          fks.append(addFk(name, fk, fkName));
          t.foreignKeys.add(fk);
        }
        case TWIN -> {
          String twinName = ibfk < 9 && random.nextBoolean() ? name + "_ibfk_" + (++ibfk) : fkName + "_2";
          FkSpec twin = new FkSpec(twinName.toLowerCase(Locale.ROOT), List.of(col), parent, List.of("id"), Optional.empty(),
              Optional.empty());
          if (random.nextBoolean()) {
            t.indexes.add(new IndexSpec(fk.name(), List.of(col)));
            fks.append(createIndex(name, fkName, col));
          }
          fks.append(addFk(name, fk, fkName)).append(addFk(name, twin, twinName));
          t.foreignKeys.add(fk);
          t.foreignKeys.add(twin);
          twins++;
        }
        case IBFK_NAME -> {
          String explicit = name + "_ibfk_" + (++ibfk);
          FkSpec named = new FkSpec(explicit, List.of(col), parent, List.of("id"), fk.onDelete(), fk.onUpdate());
          fks.append(addFk(name, named, explicit));
          t.foreignKeys.add(named);
          fkWithoutIndex++;
        }
        case LATE -> {
          // the foreign key arrives in a hotfix file, sometimes with its FK-named index first
          StringBuilder late = new StringBuilder();
          if (random.nextBoolean()) {
            t.indexes.add(new IndexSpec(fk.name(), List.of(col)));
            late.append(createIndex(name, fkName, col));
          }
          late.append(addFk(name, fk, fkName));
          hotfix.changeSets.add(changeSet("HF-" + (hotfix.changeSets.size() + 1) + "-" + id, late.toString()));
          t.foreignKeys.add(fk);
          lateFks++;
        }
        case LATE_INDEX -> {
          fks.append(addFk(name, fk, fkName));
          t.foreignKeys.add(fk);
          String ix = "IDX_" + upper + "_" + col.toUpperCase(Locale.ROOT);
          ix = ix.length() > 60 ? ix.substring(0, 60) : ix;
          t.indexes.add(new IndexSpec(ix.toLowerCase(Locale.ROOT), List.of(col)));
          hotfix.changeSets.add(changeSet("HF-" + (hotfix.changeSets.size() + 1) + "-" + id, createIndex(name, ix, col)));
          superseding++;
        }
        case ONE_TO_ONE -> {
          String uk = "UK_" + upper + "_" + parent.toUpperCase(Locale.ROOT);
          uk = uk.length() > 60 ? uk.substring(0, 60) : uk;
          t.uniques.add(new UniqueSpec(uk.toLowerCase(Locale.ROOT), List.of(col)));
          constraints.append(addUnique(name, uk, col));
          fks.append(addFk(name, fk, fkName));
          t.foreignKeys.add(fk);
        }
        default -> throw new IllegalStateException(style.name());
      }
    }
    if (!constraints.isEmpty()) {
      f.changeSets.add(changeSet(id + "-2", constraints.toString()));
    }
    if (!fks.isEmpty()) {
      f.changeSets.add(changeSet(id + "-3", fks.toString()));
    }
    return t;
  }

  private String fkName(String upperTable, String parent) {
    String base = "FK_" + upperTable + "_" + parent.toUpperCase(Locale.ROOT);
    if (base.length() > 58) {
      base = base.substring(0, 58);
    }
    String n = base;
    for (int i = 2; usedNames.contains(n); i++) {
      n = base + i;
    }
    usedNames.add(n);
    return n;
  }

  private final Set<String> usedNames = new TreeSet<>();

  /** Years of hotfixes: drop index, drop column, rename column (one file, no logicalFilePath). */
  private void hotfixes(ChangelogFile f, List<TableSpec> generated) {
    int n = 0;
    for (TableSpec t : generated) {
      Optional<IndexSpec> nameIndex = t.indexes.stream().filter(i -> i.name().endsWith("_name")
          && i.columns().equals(List.of("name"))).findFirst();
      if (nameIndex.isPresent() && droppedIndexes < 12 && random.nextInt(3) == 0) {
        t.indexes.remove(nameIndex.get());
        f.changeSets.add(changeSet("hotfix-" + (++n), "    <dropIndex tableName=\"" + t.name + "\" indexName=\""
            + nameIndex.get().name().toUpperCase(Locale.ROOT) + "\"/>\n"));
        droppedIndexes++;
      }
      for (String col : List.of("note", "rate", "qty")) {
        if (t.columns.containsKey(col) && !t.indexed(col) && droppedColumns < 12 && random.nextInt(3) == 0) {
          t.columns.remove(col);
          f.changeSets.add(changeSet("hotfix-" + (++n), "    <dropColumn tableName=\"" + t.name + "\" columnName=\""
              + col + "\"/>\n"));
          droppedColumns++;
        }
      }
      // status is sometimes in a composite index: renaming it must carry through to the index
      if (t.columns.containsKey("status") && renamedColumns < 10 && random.nextInt(3) == 0) {
        ColumnSpec status = t.columns.get("status");
        t.rename("status", RENAMED_TO);
        f.changeSets.add(changeSet("hotfix-" + (++n), "    <renameColumn tableName=\"" + t.name
            + "\" oldColumnName=\"status\" newColumnName=\"" + RENAMED_TO + "\" columnDataType=\"" + status.type() + "\"/>\n"));
        renamedColumns++;
      }
    }
  }

  /** PostgreSQL only ({@code dbms="postgresql"}): {@code oid}, which is not a bigint. */
  private void postgresOnly(ChangelogFile f) {
    files.add(f);
    TableSpec blob = table(PG_TABLE, Scope.POSTGRESQL);
    blob.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), false));
    blob.primaryKey.add("id");
    blob.add(new ColumnSpec("customer_id", "BIGINT", true, Optional.empty(), false));
    blob.add(new ColumnSpec("blob_oid", "OID", false, Optional.empty(), false));
    blob.add(new ColumnSpec("size_bytes", "BIGINT", true, Optional.empty(), false));
    blob.add(new ColumnSpec("created_at", "TIMESTAMP", false, Optional.of(LEGACY_TS), false));
    f.changeSets.add(dbms("pg-1", "postgresql", createTableBody(blob)));
    FkSpec fk = new FkSpec("fk_pg_blob_ref_customer", List.of("customer_id"), "customer", List.of("id"),
        Optional.of("CASCADE"), Optional.empty());
    blob.foreignKeys.add(fk);
    blob.indexes.add(new IndexSpec("idx_pg_blob_ref_oid", List.of("blob_oid")));
    f.changeSets.add(dbms("pg-2", "postgresql", addFk(PG_TABLE, fk, "FK_PG_BLOB_REF_CUSTOMER")
        + createIndex(PG_TABLE, "IDX_PG_BLOB_REF_OID", "blob_oid")));
    for (int i = 1; i <= 3; i++) {
      TableSpec t = table("pg_lo_chunk_" + i, Scope.POSTGRESQL);
      t.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
      t.primaryKey.add("id");
      t.add(new ColumnSpec("blob_ref_id", "BIGINT", false, Optional.empty(), false));
      t.add(new ColumnSpec("chunk_oid", "OID", true, Optional.empty(), false));
      t.add(new ColumnSpec("seq", "INT", false, Optional.of("0"), false));
      f.changeSets.add(dbms("pg-chunk-" + i, "postgresql", createTableBody(t)));
      FkSpec c = new FkSpec("fk_pg_lo_chunk_" + i + "_ref", List.of("blob_ref_id"), PG_TABLE, List.of("id"),
          Optional.empty(), Optional.empty());
      t.foreignKeys.add(c);
      t.uniques.add(new UniqueSpec("uk_pg_lo_chunk_" + i + "_seq", List.of("blob_ref_id", "seq")));
      f.changeSets.add(dbms("pg-chunk-" + i + "-fk", "postgresql", addFk(t.name, c, "FK_PG_LO_CHUNK_" + i + "_REF")
          + addUnique(t.name, "UK_PG_LO_CHUNK_" + i + "_SEQ", "blob_ref_id", "seq")));
    }
  }

  /** MariaDB only ({@code dbms="mariadb,mysql"}): the types that must stay apart. */
  private void mariaDbOnly(ChangelogFile f) {
    files.add(f);
    TableSpec flags = table(MARIADB_TABLE, Scope.MARIADB);
    flags.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
    flags.primaryKey.add("id");
    flags.add(new ColumnSpec("customer_id", "BIGINT", true, Optional.empty(), false));
    flags.add(new ColumnSpec("status_code", "tinyint(4)", false, Optional.of("0"), false));
    flags.add(new ColumnSpec("is_active", "tinyint(1)", false, Optional.of("1"), false));
    flags.add(new ColumnSpec("changed_at", "datetime(6)", true, Optional.empty(), false));
    flags.add(new ColumnSpec("created_at", "datetime", false, Optional.of(LEGACY_TS), false));
    flags.add(new ColumnSpec("body", "longtext", true, Optional.empty(), false));
    flags.add(new ColumnSpec("summary", "mediumtext", true, Optional.empty(), false));
    f.changeSets.add(dbms("my-1", "mariadb,mysql", createTableBody(flags)));
    FkSpec fk = new FkSpec("fk_my_legacy_flag_customer", List.of("customer_id"), "customer", List.of("id"),
        Optional.of("RESTRICT"), Optional.empty());
    flags.foreignKeys.add(fk);
    flags.indexes.add(new IndexSpec("fk_my_legacy_flag_customer", List.of("customer_id")));
    f.changeSets.add(dbms("my-2", "mariadb,mysql", createIndex(MARIADB_TABLE, "FK_MY_LEGACY_FLAG_CUSTOMER", "customer_id")
        + addFk(MARIADB_TABLE, fk, "FK_MY_LEGACY_FLAG_CUSTOMER")));
    for (int i = 1; i <= 3; i++) {
      TableSpec t = table("my_flag_history_" + i, Scope.MARIADB);
      t.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), true));
      t.primaryKey.add("id");
      t.add(new ColumnSpec("flag_id", "BIGINT", false, Optional.empty(), false));
      t.add(new ColumnSpec("old_code", "tinyint(4)", true, Optional.empty(), false));
      t.add(new ColumnSpec("was_active", "tinyint(1)", true, Optional.empty(), false));
      t.add(new ColumnSpec("changed_at", "datetime(6)", false, Optional.of(LEGACY_TS), false));
      f.changeSets.add(dbms("my-history-" + i, "mariadb,mysql", createTableBody(t)));
      FkSpec c = new FkSpec("fk_my_flag_history_" + i, List.of("flag_id"), MARIADB_TABLE, List.of("id"),
          Optional.of("CASCADE"), Optional.empty());
      t.foreignKeys.add(c);
      f.changeSets.add(dbms("my-history-" + i + "-fk", "mariadb,mysql", addFk(t.name, c, "FK_MY_FLAG_HISTORY_" + i)));
    }
  }

  /** The same changeset id under context postgresql and context mysql, each in the engine's own SQL. */
  private void contextSplit(ChangelogFile f) {
    files.add(f);
    for (int i = 1; i <= 4; i++) {
      String name = "ctx_audit_" + i;
      TableSpec t = table(name, Scope.CONTEXT_SPLIT);
      t.add(new ColumnSpec("id", "BIGINT", false, Optional.empty(), false));
      t.primaryKey.add("id");
      t.add(new ColumnSpec("customer_id", "BIGINT", true, Optional.empty(), false));
      t.add(new ColumnSpec("actor", "VARCHAR(50)", false, Optional.empty(), false));
      t.add(new ColumnSpec("happened_at", "TIMESTAMP", false, Optional.of(LEGACY_TS), false));
      t.add(new ColumnSpec("ok", "BOOLEAN", false, Optional.of("false"), false));
      t.indexes.add(new IndexSpec("idx_ctx_audit_" + i + "_actor", List.of("actor")));
      FkSpec fk = new FkSpec("fk_ctx_audit_" + i + "_customer", List.of("customer_id"), "customer", List.of("id"),
          i % 2 == 0 ? Optional.of("SET NULL") : Optional.empty(), Optional.empty());
      t.foreignKeys.add(fk);
      String rule = fk.onDelete().map(r -> " ON DELETE " + r).orElse("");
      String id = "ctx-audit-" + i;
      f.changeSets.add(context(id, "postgresql", """
          CREATE TABLE %1$s (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT, actor VARCHAR(50) NOT NULL,
            happened_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00', ok BOOLEAN NOT NULL DEFAULT FALSE,
            CONSTRAINT fk_ctx_audit_%2$d_customer FOREIGN KEY (customer_id) REFERENCES customer (id)%3$s);
          CREATE INDEX idx_ctx_audit_%2$d_actor ON %1$s (actor)""".formatted(name, i, rule)));
      f.changeSets.add(context(id, "mysql", """
          CREATE TABLE %1$s (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT, actor VARCHAR(50) NOT NULL,
            happened_at DATETIME NOT NULL DEFAULT '1970-01-01 00:00:00', ok TINYINT(1) NOT NULL DEFAULT 0,
            KEY idx_ctx_audit_%2$d_actor (actor),
            CONSTRAINT fk_ctx_audit_%2$d_customer FOREIGN KEY (customer_id) REFERENCES customer (id)%3$s)
            ENGINE=InnoDB""".formatted(name, i, rule)));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // XML

  private TableSpec table(String name, Scope scope) {
    if (tables.containsKey(name)) {
      throw new IllegalStateException("table " + name + " generated twice");
    }
    TableSpec t = new TableSpec(name, scope);
    tables.put(name, t);
    return t;
  }

  private static String changeSet(String id, String body) {
    return "  <changeSet id=\"" + id + "\" author=\"generator\">\n" + body + "  </changeSet>\n";
  }

  private static String dbms(String id, String dbms, String body) {
    return "  <changeSet id=\"" + id + "\" author=\"dba\" dbms=\"" + dbms + "\">\n" + body + "  </changeSet>\n";
  }

  private static String context(String id, String context, String sql) {
    return "  <changeSet id=\"" + id + "\" author=\"dba\" context=\"" + context + "\">\n    <sql splitStatements=\"true\">"
        + sql.replace("&", "&amp;").replace("<", "&lt;") + "</sql>\n  </changeSet>\n";
  }

  private static String createTable(String id, TableSpec t) {
    return changeSet(id, createTableBody(t));
  }

  private static String createTableBody(TableSpec t) {
    StringBuilder b = new StringBuilder("    <createTable tableName=\"" + t.name + "\">\n");
    for (ColumnSpec c : t.columns.values()) {
      b.append("      <column name=\"").append(c.name()).append("\" type=\"").append(c.type()).append('"');
      if (c.identity()) {
        b.append(" autoIncrement=\"true\"");
      }
      c.defaultText().ifPresent(d -> b.append(' ').append(defaultAttribute(c.type(), d)));
      b.append(">\n");
      if (t.primaryKey.contains(c.name())) {
        b.append("        <constraints primaryKey=\"true\" nullable=\"false\"/>\n");
      } else if (!c.nullable()) {
        b.append("        <constraints nullable=\"false\"/>\n");
      }
      b.append("      </column>\n");
    }
    return b.append("    </createTable>\n").toString();
  }

  private static String defaultAttribute(String type, String text) {
    String t = type.toLowerCase(Locale.ROOT);
    if (text.startsWith("'")) {
      return "defaultValue=\"" + text.substring(1, text.length() - 1) + "\"";
    }
    if (t.startsWith("datetime") || t.startsWith("timestamp")) {
      return "defaultValueDate=\"" + text.replace(' ', 'T') + "\"";
    }
    if (t.equals("boolean")) {
      return "defaultValueBoolean=\"" + text + "\"";
    }
    return "defaultValueNumeric=\"" + text + "\"";
  }

  private static String createIndex(String table, String name, String... columns) {
    StringBuilder b = new StringBuilder("    <createIndex tableName=\"" + table + "\" indexName=\"" + name + "\">\n");
    for (String c : columns) {
      b.append("      <column name=\"").append(c).append("\"/>\n");
    }
    return b.append("    </createIndex>\n").toString();
  }

  private static String addUnique(String table, String name, String... columns) {
    return "    <addUniqueConstraint tableName=\"" + table + "\" constraintName=\"" + name + "\" columnNames=\""
        + String.join(", ", columns) + "\"/>\n";
  }

  private static String addFk(String table, FkSpec fk, String spelledName) {
    if (!spelledName.toLowerCase(Locale.ROOT).equals(fk.name())) {
      throw new IllegalStateException(spelledName + " is not " + fk.name());
    }
    if (fk.name().length() > 63) {
      throw new IllegalStateException("name too long for PostgreSQL: " + fk.name());
    }
    return "    <addForeignKeyConstraint baseTableName=\"" + table + "\" baseColumnNames=\"" + String.join(", ", fk.columns())
        + "\" constraintName=\"" + spelledName + "\" referencedTableName=\"" + fk.referencedTable()
        + "\" referencedColumnNames=\"" + String.join(", ", fk.referencedColumns()) + "\""
        + fk.onDelete().map(r -> " onDelete=\"" + r + "\"").orElse("")
        + fk.onUpdate().map(r -> " onUpdate=\"" + r + "\"").orElse("") + "/>\n";
  }

  /** All foreign keys of the tables on {@code engine}, by name. */
  Map<String, FkSpec> foreignKeysOn(Engine engine) {
    return tablesOn(engine).values().stream().flatMap(t -> t.foreignKeys.stream())
        .collect(Collectors.toMap(FkSpec::name, fk -> fk, (a, b) -> {
          throw new IllegalStateException("two foreign keys named " + a.name());
        }, LinkedHashMap::new));
  }
}
