package io.dbdevops.snapshot;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.Quiet;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import schemacrawler.inclusionrule.RegularExpressionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.Schema;
import schemacrawler.schema.TableConstraint;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schema.TableConstraintType;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * The SchemaCrawler adapter: the only class that imports {@code schemacrawler.*}. Reads the owned schemas in bulk,
 * one query per object type whatever the number of tables (columns, primary keys, foreign keys and indexes through
 * SchemaCrawler's {@code data_dictionary_all} strategy with {@link InformationSchemaQueries}; about 15 round trips
 * on every engine, where the per-table {@code DatabaseMetaData} calls made 2,510 for 500 tables; on PostgreSQL the
 * constraints and views too, from the owned schemas only), leaves out Liquibase's tables, and hands every name, type,
 * default, expression and view definition to {@link Canonical}, {@link SqlText} and {@link ViewText}.
 */
public final class SchemaCrawlerSnapshotter implements Snapshotter {

  private static final Pattern LIQUIBASE_TABLES = Pattern.compile("(?i)(.*\\.)?\"?DATABASECHANGELOG(LOCK)?\"?");
  // compiled once: String.matches and replaceAll compile their pattern on every call (per index key, per check)
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Pattern QUOTED_NAME = Pattern.compile("\".*\"|`.*`");
  private static final Pattern NOT_NULL_NOISE = Pattern.compile("[()\"]");
  private static final Pattern NOT_NULL_CHECK = Pattern.compile("\\w+ is not null");

  @Override
  public SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope) {
    Quiet.apply();
    Catalog catalog = crawl(connection, dialect, scope);
    return new Reader(dialect, scope).read(catalog);
  }

  private static Catalog crawl(Connection connection, Dialect dialect, SnapshotScope scope) {
    String schemas = scope.schemas().stream().map(Pattern::quote).collect(Collectors.joining("|"));
    String schemaRule = dialect == Dialect.H2 ? "(?i)(.*\\.)?(" + schemas + ")" : "(?i)(" + schemas + ")";
    LimitOptionsBuilder limit = LimitOptionsBuilder.builder()
        .includeSchemas(Pattern.compile(schemaRule))
        .includeTables(new RegularExpressionRule(Pattern.compile(".*"), LIQUIBASE_TABLES))
        .includeSequences(Pattern.compile(".*"))
        .includeRoutines(Pattern.compile("^$"))
        .includeSynonyms(Pattern.compile("^$"));
    SchemaInfoLevelBuilder level = SchemaInfoLevelBuilder.builder()
        .withInfoLevel(schemacrawler.schemacrawler.InfoLevel.minimum)
        .setRetrieveTables(true)
        .setRetrieveTableColumns(true)
        // the column types come from each query's TYPE_NAME / DATA_TYPE; the driver's type list (getTypeInfo: 900
        // types on PostgreSQL) was read only to be looked up by name, and PostgreSQL's query maps as its driver does
        .setRetrieveColumnDataTypes(false)
        .setRetrievePrimaryKeys(true)
        .setRetrieveForeignKeys(true)
        .setRetrieveIndexes(true)
        .setRetrieveTableConstraints(true)
        .setRetrieveTableConstraintInformation(false) // remarks and definitions of constraints (PostgreSQL): unused
        .setRetrieveTableConstraintDefinitions(true)
        .setRetrieveViewInformation(true)
        .setRetrieveSequenceInformation(true)
        .setRetrieveAdditionalTableAttributes(false)
        .setRetrieveAdditionalColumnAttributes(false)
        .setRetrieveRoutines(false)
        .setRetrieveTablePrivileges(false)
        .setRetrieveTableColumnPrivileges(false)
        .setRetrieveTriggerInformation(false);
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLimitOptions(limit.toOptions())
        .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(level.toOptions()).toOptions());
    DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
    try {
      SchemaRetrievalOptions retrieval = withQueries(SchemaCrawlerUtility.matchSchemaRetrievalOptions(source), connection, dialect, scope);
      return SchemaCrawlerUtility.getCatalog(source, retrieval, options, new Config());
    } catch (RuntimeException e) {
      throw new SetupException("SchemaCrawler could not read the database: " + e.getMessage(), e);
    }
  }

  private static SchemaRetrievalOptions withQueries(SchemaRetrievalOptions matched, Connection connection, Dialect dialect,
      SnapshotScope scope) {
    Map<String, String> queries;
    try {
      queries = InformationSchemaQueries.forDialect(dialect, scope.schemas(), connection);
    } catch (SQLException e) {
      throw new SetupException("cannot list the sequences of " + scope.schemas() + ": " + e.getMessage(), e);
    }
    InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder(matched.getInformationSchemaViews());
    queries.forEach((key, sql) -> views.withSql(InformationSchemaKey.valueOf(key), sql));
    // fromConnnection (sic) restores the table types that copying the matched options drops
    SchemaRetrievalOptionsBuilder builder = SchemaRetrievalOptionsBuilder.builder(matched).fromConnnection(connection)
        .withInformationSchemaViews(views.toOptions());
    // one query per object type instead of one DatabaseMetaData call per table (and two for foreign keys)
    Map<String, SchemaInfoMetadataRetrievalStrategy> strategies = Map.of(
        InformationSchemaQueries.TABLE_COLUMNS, SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
        InformationSchemaQueries.PRIMARY_KEYS, SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy,
        InformationSchemaQueries.FOREIGN_KEYS, SchemaInfoMetadataRetrievalStrategy.foreignKeysRetrievalStrategy,
        InformationSchemaQueries.INDEXES, SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy);
    strategies.forEach((key, strategy) -> {
      if (queries.containsKey(key)) {
        builder.with(strategy, MetadataRetrievalStrategy.data_dictionary_all);
      }
    });
    return builder.toOptions();
  }

  /** An index key: the column's canonical name, or for an expression key (PostgreSQL) its canonical expression. */
  private static String indexKey(IndexColumn c) {
    String name = c.getName() == null ? "" : c.getName();
    if (!COLUMN_NAME.matcher(name).matches() && !QUOTED_NAME.matcher(name).matches()) {
      return Canonical.expression(name);
    }
    return Canonical.name(name.replace("\"", "").replace("`", ""));
  }

  /** Maps one crawled catalog to the model. */
  private static final class Reader {
    private final Dialect dialect;
    private final SnapshotScope scope;
    private final Set<String> ownSchemas;

    Reader(Dialect dialect, SnapshotScope scope) {
      this.dialect = dialect;
      this.scope = scope;
      this.ownSchemas = scope.schemas().stream().map(Canonical::name).collect(Collectors.toSet());
    }

    SchemaModel read(Catalog catalog) {
      List<Table> tables = new ArrayList<>();
      List<schemacrawler.schema.View> crawledViews = new ArrayList<>();
      List<Sequence> sequences = new ArrayList<>();
      for (Schema schema : catalog.getSchemas()) {
        for (schemacrawler.schema.Table t : catalog.getTables(schema)) {
          if (LIQUIBASE_TABLES.matcher(t.getName()).matches()) {
            continue;
          }
          if (t instanceof schemacrawler.schema.View v) {
            crawledViews.add(v);
          } else {
            tables.add(table(t));
          }
        }
        for (schemacrawler.schema.Sequence s : catalog.getSequences(schema)) {
          if (!isIdentityBacking(s.getName())) {
            sequences.add(new Sequence(qualified(schema, s.getName()), s.getStartValue() == null
                ? java.math.BigInteger.ONE : s.getStartValue(), s.getIncrement() == 0 ? 1 : s.getIncrement(), s.isCycle()));
          }
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

    private String qualified(Schema schema, String name) {
      if (!scope.qualifyNames()) {
        return Canonical.name(name);
      }
      String s = schema.getName() != null ? schema.getName() : schema.getCatalogName();
      return Canonical.name(s) + "." + Canonical.name(name);
    }

    private Table table(schemacrawler.schema.Table t) {
      String name = qualified(t.getSchema(), t.getName());
      List<Column> columns = new ArrayList<>();
      for (schemacrawler.schema.Column c : t.getColumns()) {
        columns.add(column(c));
      }
      Optional<PrimaryKey> pk = Optional.ofNullable(t.getPrimaryKey())
          .map(p -> new PrimaryKey(p.getConstrainedColumns().stream().map(cc -> Canonical.name(cc.getName())).toList()));
      List<ForeignKey> fks = new ArrayList<>();
      List<ImportedKey> importedKeys = new ArrayList<>();
      for (schemacrawler.schema.ForeignKey fk : t.getImportedForeignKeys()) {
        List<String> cols = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        schemacrawler.schema.Table target = null;
        for (ColumnReference ref : fk.getColumnReferences()) {
          cols.add(Canonical.name(ref.getForeignKeyColumn().getName()));
          refs.add(Canonical.name(ref.getPrimaryKeyColumn().getName()));
          target = ref.getPrimaryKeyColumn().getParent();
        }
        fks.add(new ForeignKey(userConstraintName(fk.getName()), cols, qualified(target.getSchema(), target.getName()), refs,
            rule(fk.getDeleteRule()), rule(fk.getUpdateRule())));
        importedKeys.add(new ImportedKey(fk.getName(), cols));
      }
      // Unique constraints are identified by their columns; their names are left out because H2, PostgreSQL and
      // MariaDB name (or rename) them differently. Their backing indexes are not listed as indexes.
      Set<List<String>> uniqueColumnSets = new java.util.LinkedHashSet<>();
      Set<String> uniqueConstraintNames = new HashSet<>();
      List<CheckConstraint> checks = new ArrayList<>();
      Set<String> jsonColumns = new HashSet<>();
      for (TableConstraint tc : t.getTableConstraints()) {
        if (tc.getType() == TableConstraintType.unique) {
          uniqueConstraintNames.add(tc.getName().toLowerCase(Locale.ROOT));
          List<String> cols = tc.getConstrainedColumns().stream().map(TableConstraintColumn::getName).map(Canonical::name).toList();
          if (!cols.isEmpty()) {
            uniqueColumnSets.add(cols);
          }
        } else if (tc.getType() == TableConstraintType.check && tc.getDefinition() != null && !tc.getDefinition().isBlank()
            && !isNotNullCheck(tc.getDefinition())) {
          String expression = Canonical.expression(tc.getDefinition());
          if (isJsonCheck(tc.getName(), expression)) {
            jsonColumns.add(Canonical.name(tc.getName()));
          } else {
            checks.add(new CheckConstraint(userConstraintName(tc.getName()), expression));
          }
        }
      }
      if (!jsonColumns.isEmpty()) {
        columns.replaceAll(c -> jsonColumns.contains(c.name()) && c.type().name().equals("longtext")
            ? new Column(c.name(), ColumnType.of("json"), c.nullable(), c.defaultValue(), c.identity(), c.comment()) : c);
      }
      List<Index> indexes = new ArrayList<>();
      for (schemacrawler.schema.Index i : t.getIndexes()) {
        List<String> cols = i.getColumns().stream().map(SchemaCrawlerSnapshotter::indexKey).toList();
        String indexName = i.getName().toLowerCase(Locale.ROOT);
        Optional<String> predicate = Optional.ofNullable(i.<Object>getAttribute("FILTER_CONDITION"))
            .map(String::valueOf).filter(p -> !p.isBlank()).map(Canonical::expression);
        boolean plain = predicate.isEmpty() && cols.stream().noneMatch(Index::isExpression);
        Made made = plain ? madeForConstraint(i, indexName, cols, pk, uniqueConstraintNames, uniqueColumnSets,
            importedKeys) : Made.USER;
        if (made == Made.UNIQUE_CONSTRAINT) {
          uniqueColumnSets.add(cols);
        }
        if (made == Made.USER) {
          indexes.add(new Index(Canonical.name(i.getName()), cols, i.isUnique(), predicate));
        }
      }
      List<UniqueConstraint> uniques = uniqueColumnSets.stream().map(c -> new UniqueConstraint(Optional.empty(), c)).toList();
      return new Table(name, columns, pk, fks, uniques, indexes, checks, remarks(t.getRemarks()));
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
    private Made madeForConstraint(schemacrawler.schema.Index i, String indexName, List<String> cols,
        Optional<PrimaryKey> pk, Set<String> uniqueConstraintNames, Set<List<String>> uniqueColumnSets,
        List<ImportedKey> foreignKeys) {
      if (dialect == Dialect.POSTGRESQL) {
        Object type = i.getAttribute("CONSTRAINT_TYPE");
        return type == null ? Made.USER : "p".equals(String.valueOf(type)) ? Made.PRIMARY_KEY
            : "u".equals(String.valueOf(type)) ? Made.UNIQUE_CONSTRAINT : Made.PRIMARY_KEY;
      }
      // a name a statement gave is never generated, however it looks (H2's FK_4C2B1E9A0D, INVOICE_INDEX_2)
      boolean generated = Canonical.isGeneratedName(dialect, i.getName()) && !scope.declared().declaresIndex(indexName);
      if (i.isUnique() && pk.map(p -> p.columns().equals(cols)).orElse(false)) {
        return Made.PRIMARY_KEY;
      }
      if (i.isUnique() && (generated || uniqueConstraintNames.contains(indexName) || uniqueColumnSets.contains(cols))) {
        return Made.UNIQUE_CONSTRAINT;
      }
      if (i.isUnique()) {
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

    private Column column(schemacrawler.schema.Column c) {
      schemacrawler.schema.ColumnDataType dt = c.getColumnDataType();
      ColumnType type = c.getAttribute("ENUM_LABELS") != null
          ? ColumnType.of(Canonical.name(dt.getName())) // a PostgreSQL enum type: its name (the labels are not kept)
          : Canonical.type(dialect, dt.getJavaSqlType().getVendorTypeNumber(), dt.getName(), c.getSize(), c.getDecimalDigits());
      boolean identity = c.isAutoIncremented() || isIdentityDefault(c.getDefaultValue());
      Optional<String> def = identity ? Optional.empty() : Canonical.defaultValue(c.getDefaultValue(), type);
      return new Column(Canonical.name(c.getName()), type, c.isNullable(), def, identity, remarks(c.getRemarks()));
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

    private View view(schemacrawler.schema.View v, Set<String> booleanColumns) {
      List<String> columns = v.getColumns().stream().map(c -> Canonical.name(c.getName())).toList();
      String definition = v.getDefinition() == null ? "" : ViewText.canonical(v.getDefinition(), ownSchemas, booleanColumns);
      // MariaDB reports the comment of every view as "VIEW" (a view has no comment there)
      Optional<String> comment = dialect == Dialect.MARIADB ? Optional.empty() : remarks(v.getRemarks());
      return new View(qualified(v.getSchema(), v.getName()), columns, definition, comment);
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
    private String rule(ForeignKeyUpdateRule rule) {
      if (rule == null) {
        return "no action";
      }
      return switch (rule) {
        case cascade -> "cascade";
        case setNull -> "set null";
        case setDefault -> "set default";
        case restrict -> dialect == Dialect.POSTGRESQL ? "restrict" : "no action";
        default -> "no action";
      };
    }
  }
}
