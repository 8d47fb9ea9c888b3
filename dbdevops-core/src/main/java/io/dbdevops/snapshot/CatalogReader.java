package io.dbdevops.snapshot;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.math.BigInteger;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps one {@link Crawled.Catalog} to the model: leaves out Liquibase's tables and what the database itself made, and
 * hands every name, type, default, expression and view definition to {@link Canonical}, {@link SqlText} and
 * {@link ViewText}.
 */
final class CatalogReader {

  /** Liquibase's own tables and dbdevops's deploy history ({@code impact.DeployHistoryTable}): never state. */
  static final Pattern LIQUIBASE_TABLES = Pattern.compile(
      "(?i)(.*\\.)?\"?(DATABASECHANGELOG(LOCK)?|DBDEVOPS_DEPLOY_HISTORY)\"?");
  // compiled once: String.matches and replaceAll compile their pattern on every call (per index key, per check)
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Pattern QUOTED_NAME = Pattern.compile("\".*\"|`.*`");
  private static final Pattern NOT_NULL_NOISE = Pattern.compile("[()\"]");
  private static final Pattern NOT_NULL_CHECK = Pattern.compile("\\w+ is not null");

  private final Dialect dialect;
  private final SnapshotScope scope;
  private final Set<String> ownSchemas;

  CatalogReader(Dialect dialect, SnapshotScope scope) {
    this.dialect = dialect;
    this.scope = scope;
    this.ownSchemas = scope.schemas().stream().map(Canonical::name).collect(Collectors.toSet());
  }

  SchemaModel read(Crawled.Catalog catalog) {
    List<Table> tables = new ArrayList<>();
    List<Crawled.Table> crawledViews = new ArrayList<>();
    List<Sequence> sequences = new ArrayList<>();
    for (Crawled.Table t : catalog.tables()) {
      if (LIQUIBASE_TABLES.matcher(t.name()).matches()) {
        continue;
      }
      if (t.view()) {
        crawledViews.add(t);
      } else {
        tables.add(table(t));
      }
    }
    for (Crawled.Sequence s : catalog.sequences()) {
      if (!isIdentityBacking(s.name())) {
        sequences.add(new Sequence(qualified(s.schema(), s.name()), s.start() == null ? BigInteger.ONE : s.start(),
            s.increment() == 0 ? 1 : s.increment(), s.cycle()));
      }
    }
    Set<String> booleans = dialect == Dialect.MARIADB ? booleanColumns(tables) : Set.of();
    List<View> views = crawledViews.stream().map(v -> view(v, booleans)).toList();
    return new SchemaModel(tables, views, sequences);
  }

  /**
   * The names of the owned tables' boolean columns, where no other owned column of that name is something else:
   * MariaDB has no boolean literal and stores a view's {@code active = TRUE} as {@code active = 1}.
   */
  private static Set<String> booleanColumns(List<Table> tables) {
    Set<String> booleans = new HashSet<>();
    Set<String> others = new HashSet<>();
    for (Table t : tables) {
      for (Column c : t.columns()) {
        (c.type().name().equals("boolean") ? booleans : others).add(c.name());
      }
    }
    booleans.removeAll(others);
    return booleans;
  }

  /** H2's identity columns own sequences named SYSTEM_SEQUENCE_…; PostgreSQL's are left out by the query. */
  private static boolean isIdentityBacking(String name) {
    return name.toLowerCase(Locale.ROOT).startsWith("system_sequence_");
  }

  private String qualified(String schema, String name) {
    if (!scope.qualifyNames()) {
      return Canonical.name(name);
    }
    return Canonical.name(schema) + "." + Canonical.name(name);
  }

  /** An index key: the column's canonical name, or for an expression key (PostgreSQL) its canonical expression. */
  private static String indexKey(String key) {
    String name = key == null ? "" : key;
    if (!COLUMN_NAME.matcher(name).matches() && !QUOTED_NAME.matcher(name).matches()) {
      return Canonical.expression(name);
    }
    return Canonical.name(name.replace("\"", "").replace("`", ""));
  }

  private Table table(Crawled.Table t) {
    String name = qualified(t.schema(), t.name());
    List<Column> columns = new ArrayList<>();
    for (Crawled.Column c : t.columns()) {
      columns.add(column(c));
    }
    Optional<PrimaryKey> pk = t.primaryKey().map(p -> new PrimaryKey(p.stream().map(Canonical::name).toList()));
    List<ForeignKey> fks = new ArrayList<>();
    List<ImportedKey> importedKeys = new ArrayList<>();
    for (Crawled.ForeignKey fk : t.foreignKeys()) {
      List<String> cols = fk.columns().stream().map(Canonical::name).toList();
      List<String> refs = fk.targetColumns().stream().map(Canonical::name).toList();
      fks.add(new ForeignKey(userConstraintName(fk.name()), cols, qualified(fk.targetSchema(), fk.targetTable()), refs,
          rule(fk.deleteRule()), rule(fk.updateRule())));
      importedKeys.add(new ImportedKey(fk.name(), cols));
    }
    // Unique constraints are identified by their columns; their names are left out because H2, PostgreSQL and
    // MariaDB name (or rename) them differently. Their backing indexes are not listed as indexes.
    Set<List<String>> uniqueColumnSets = new LinkedHashSet<>();
    Set<String> uniqueConstraintNames = new HashSet<>();
    List<CheckConstraint> checks = new ArrayList<>();
    Set<String> jsonColumns = new HashSet<>();
    for (Crawled.Constraint tc : t.constraints()) {
      if (tc.type() == Crawled.ConstraintType.UNIQUE) {
        uniqueConstraintNames.add(tc.name().toLowerCase(Locale.ROOT));
        List<String> cols = tc.columns().stream().map(Canonical::name).toList();
        if (!cols.isEmpty()) {
          uniqueColumnSets.add(cols);
        }
      } else if (tc.type() == Crawled.ConstraintType.CHECK && tc.definition() != null && !tc.definition().isBlank()
          && !isNotNullCheck(tc.definition())) {
        String expression = Canonical.expression(tc.definition());
        if (isJsonCheck(tc.name(), expression)) {
          jsonColumns.add(Canonical.name(tc.name()));
        } else {
          checks.add(new CheckConstraint(userConstraintName(tc.name()), expression));
        }
      }
    }
    if (!jsonColumns.isEmpty()) {
      columns.replaceAll(c -> jsonColumns.contains(c.name()) && c.type().name().equals("longtext")
          ? new Column(c.name(), ColumnType.of("json"), c.nullable(), c.defaultValue(), c.identity(), c.comment()) : c);
    }
    List<Index> indexes = new ArrayList<>();
    for (Crawled.Index i : t.indexes()) {
      List<String> cols = i.columns().stream().map(CatalogReader::indexKey).toList();
      String indexName = i.name().toLowerCase(Locale.ROOT);
      Optional<String> predicate = Optional.ofNullable(i.filterCondition()).filter(p -> !p.isBlank())
          .map(Canonical::expression);
      boolean plain = predicate.isEmpty() && cols.stream().noneMatch(Index::isExpression);
      Made made = plain ? madeForConstraint(i, indexName, cols, pk, uniqueConstraintNames, uniqueColumnSets,
          importedKeys) : Made.USER;
      if (made == Made.UNIQUE_CONSTRAINT) {
        uniqueColumnSets.add(cols);
      }
      if (made == Made.USER) {
        indexes.add(new Index(Canonical.name(i.name()), cols, i.unique(), predicate));
      }
    }
    List<UniqueConstraint> uniques = uniqueColumnSets.stream().map(c -> new UniqueConstraint(Optional.empty(), c)).toList();
    return new Table(name, columns, pk, fks, uniques, indexes, checks, remarks(t.remarks()));
  }

  /** A foreign key's name and canonical columns, read once per table rather than once per index. */
  private record ImportedKey(String name, List<String> columns) {
  }

  /** Who made an index: the changelog (a user index), or the database for a constraint. */
  private enum Made { USER, PRIMARY_KEY, UNIQUE_CONSTRAINT, FOREIGN_KEY }

  /**
   * Leaves out only what the database itself made for a constraint. PostgreSQL says so exactly (the constraint's
   * {@code conindid}) and never makes an index for a foreign key. H2 names what it makes ({@code FK_X_INDEX_8}) and
   * reuses an explicit index. InnoDB names the index it makes for a foreign key after the constraint (or, for an
   * unnamed one, after its first column), exactly like an explicit {@code CREATE INDEX FK_X}: there the names the
   * executed statements declared decide ({@link DeclaredNames}), so a portable changelog lists the same indexes on
   * H2, PostgreSQL and MariaDB. A MariaDB unique index is a unique constraint (the engine has no other kind).
   */
  private Made madeForConstraint(Crawled.Index i, String indexName, List<String> cols, Optional<PrimaryKey> pk,
      Set<String> uniqueConstraintNames, Set<List<String>> uniqueColumnSets, List<ImportedKey> foreignKeys) {
    if (dialect == Dialect.POSTGRESQL) {
      String type = i.constraintType();
      return type == null ? Made.USER : "p".equals(type) ? Made.PRIMARY_KEY
          : "u".equals(type) ? Made.UNIQUE_CONSTRAINT : Made.PRIMARY_KEY;
    }
    // a name a statement gave is never generated, however it looks (H2's FK_4C2B1E9A0D, INVOICE_INDEX_2)
    boolean generated = Canonical.isGeneratedName(dialect, i.name()) && !scope.declared().declaresIndex(indexName);
    if (i.unique() && pk.map(p -> p.columns().equals(cols)).orElse(false)) {
      return Made.PRIMARY_KEY;
    }
    if (i.unique() && uniqueConstraintNames.contains(indexName)) {
      return Made.UNIQUE_CONSTRAINT;
    }
    // a unique index a statement created is the user's, even on a unique constraint's columns: H2 moves the
    // constraint onto it when it rebuilds the table (ALTER TABLE … ADD COLUMN) and drops the index it had made
    if (i.unique() && scope.declared().declaresIndex(indexName)) {
      return Made.USER;
    }
    if (i.unique() && (generated || uniqueColumnSets.contains(cols))) {
      return Made.UNIQUE_CONSTRAINT;
    }
    if (i.unique()) {
      return Made.USER;
    }
    for (ImportedKey fk : foreignKeys) {
      List<String> fkColumns = fk.columns();
      if (!fkColumns.equals(cols)) {
        continue;
      }
      if (dialect == Dialect.H2 && generated) {
        return Made.FOREIGN_KEY;
      }
      if (dialect == Dialect.MARIADB && !scope.declared().declaresIndex(indexName)
          && (indexName.equals(fk.name().toLowerCase(Locale.ROOT)) || generated
              || Canonical.isGeneratedName(dialect, fk.name()) && indexName.equals(fkColumns.get(0)))) {
        return Made.FOREIGN_KEY;
      }
    }
    return Made.USER;
  }

  private Column column(Crawled.Column c) {
    ColumnType type = c.enumType()
        ? ColumnType.of(Canonical.name(c.typeName())) // a PostgreSQL enum type: its name (the labels are not kept)
        : Canonical.type(dialect, c.jdbcType(), c.typeName(), c.size(), c.decimalDigits());
    boolean identity = c.autoIncremented() || isIdentityDefault(c.defaultValue());
    Optional<String> def = identity ? Optional.empty() : Canonical.defaultValue(c.defaultValue(), type);
    return new Column(Canonical.name(c.name()), type, c.nullable(), def, identity, remarks(c.remarks()));
  }

  /** MariaDB's JSON is LONGTEXT plus a check {@code json_valid(col)} named after the column. */
  private boolean isJsonCheck(String name, String expression) {
    return dialect == Dialect.MARIADB && expression.equals("json_valid(" + Canonical.name(name) + ")");
  }

  private static boolean isIdentityDefault(String def) {
    if (def == null) {
      return false;
    }
    String d = def.toLowerCase(Locale.ROOT);
    return d.startsWith("nextval(") || d.contains("next value for") && d.contains("system_sequence");
  }

  private View view(Crawled.Table v, Set<String> booleanColumns) {
    List<String> columns = v.columns().stream().map(c -> Canonical.name(c.name())).toList();
    String definition = v.definition() == null ? "" : ViewText.canonical(v.definition(), ownSchemas, booleanColumns);
    // MariaDB reports the comment of every view as "VIEW" (a view has no comment there)
    Optional<String> comment = dialect == Dialect.MARIADB ? Optional.empty() : remarks(v.remarks());
    return new View(qualified(v.schema(), v.name()), columns, definition, comment);
  }

  /** A constraint's name, or empty when the database made it up and no executed statement gave it. */
  private Optional<String> userConstraintName(String name) {
    return name != null && scope.declared().declaresConstraint(name) ? Optional.of(Canonical.name(name)) : userName(name);
  }

  private Optional<String> userName(String name) {
    return Canonical.isGeneratedName(dialect, name) ? Optional.empty() : Optional.of(Canonical.name(name));
  }

  private static boolean isNotNullCheck(String definition) {
    return NOT_NULL_CHECK.matcher(NOT_NULL_NOISE.matcher(definition.toLowerCase(Locale.ROOT)).replaceAll("").trim()).matches();
  }

  private static Optional<String> remarks(String remarks) {
    return remarks == null || remarks.isBlank() ? Optional.empty() : Optional.of(remarks.trim());
  }

  /**
   * A foreign-key rule. {@code restrict} is kept where it differs from {@code no action}: on PostgreSQL (checked at
   * once, not at the end of the statement). H2 and MariaDB treat the two alike (MariaDB even reports its default as
   * RESTRICT), so there both are {@code no action}.
   */
  private String rule(int rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> "cascade";
      case DatabaseMetaData.importedKeySetNull -> "set null";
      case DatabaseMetaData.importedKeySetDefault -> "set default";
      case DatabaseMetaData.importedKeyRestrict -> dialect == Dialect.POSTGRESQL ? "restrict" : "no action";
      default -> "no action";
    };
  }
}
