package io.dbdevops.snapshot;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.Quiet;
import io.dbdevops.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * The snapshotter, and the SchemaCrawler adapter: the only class that imports {@code schemacrawler.*}. Reads the owned
 * schemas in bulk, one query per object type whatever the number of tables ({@link InformationSchemaQueries}; about
 * 10 round trips, where the per-table {@code DatabaseMetaData} calls made 2,510 for 500 tables), and hands what it
 * read ({@link Crawled}) to {@link CatalogReader} for the model. MariaDB goes through SchemaCrawler (its
 * {@code data_dictionary_all} strategy with those queries); PostgreSQL and H2, whose queries cover everything, are
 * read directly by {@link DirectCatalog}: SchemaCrawler's own assembly of the rows was 90% of the PostgreSQL
 * snapshot, and on H2 its start and assembly cost a verify of 10 pending changesets about a second per snapshot.
 */
public final class SchemaCrawlerSnapshotter implements Snapshotter {

  @Override
  public SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope) {
    Quiet.apply();
    Crawled.Catalog catalog;
    if (DirectCatalog.reads(dialect)) {
      try {
        catalog = DirectCatalog.read(connection, dialect, scope);
      } catch (SQLException e) {
        throw new SetupException("cannot read the " + (dialect == Dialect.H2 ? "H2" : "PostgreSQL") + " catalog of " + scope.schemas() + ": "
            + e.getMessage(), e);
      }
    } else {
      catalog = crawled(crawl(connection, dialect, scope));
    }
    return new CatalogReader(dialect, scope).read(catalog);
  }

  /**
   * The model as SchemaCrawler's catalog gives it, for any dialect: what H2 was read through before
   * {@link DirectCatalog} (a test holds the two equal).
   */
  static SchemaModel throughSchemaCrawler(Connection connection, Dialect dialect, SnapshotScope scope) {
    Quiet.apply();
    return new CatalogReader(dialect, scope).read(crawled(crawl(connection, dialect, scope)));
  }

  private static Catalog crawl(Connection connection, Dialect dialect, SnapshotScope scope) {
    String schemas = scope.schemas().stream().map(Pattern::quote).collect(Collectors.joining("|"));
    String schemaRule = dialect == Dialect.H2 ? "(?i)(.*\\.)?(" + schemas + ")" : "(?i)(" + schemas + ")";
    LimitOptionsBuilder limit = LimitOptionsBuilder.builder()
        .includeSchemas(Pattern.compile(schemaRule))
        .includeTables(new RegularExpressionRule(Pattern.compile(".*"), CatalogReader.LIQUIBASE_TABLES))
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
    // SchemaCrawlerUtility.getCatalog hands every call the same CatalogLoader instances (its registry is a lazily
    // built singleton whose loaders are given the connection and the options by setters, then load): two crawls at
    // once on a fleet's threads would read through each other's connection or options. So each crawl makes its own
    // SchemaCrawler, which is what the registry's SchemaCrawler loader runs (the registry's other loaders — row counts,
    // attributes, weak associations — do nothing without their configuration); only the connector lookup, from the
    // unsynchronized singleton DatabaseConnectorRegistry, is made one at a time
    try {
      SchemaRetrievalOptions matched;
      synchronized (SchemaCrawlerSnapshotter.class) {
        matched = SchemaCrawlerUtility.matchSchemaRetrievalOptions(source);
      }
      SchemaRetrievalOptions retrieval = withQueries(matched, connection, dialect, scope);
      SchemaCrawlerUtility.updateConnectionDataSource(source, retrieval);
      return new schemacrawler.crawl.SchemaCrawler(source, retrieval, options).crawl();
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

  /** SchemaCrawler's catalog as {@link Crawled} rows, in its order (which index is read first can matter on H2). */
  private static Crawled.Catalog crawled(Catalog catalog) {
    List<Crawled.Table> tables = new ArrayList<>();
    List<Crawled.Sequence> sequences = new ArrayList<>();
    for (Schema schema : catalog.getSchemas()) {
      for (schemacrawler.schema.Table t : catalog.getTables(schema)) {
        tables.add(t instanceof schemacrawler.schema.View v ? view(v) : table(t));
      }
      for (schemacrawler.schema.Sequence s : catalog.getSequences(schema)) {
        sequences.add(new Crawled.Sequence(schemaName(schema), s.getName(), s.getStartValue(), s.getIncrement(),
            s.isCycle()));
      }
    }
    return new Crawled.Catalog(tables, sequences);
  }

  /** PostgreSQL and H2 schemas, MariaDB databases (catalogs). */
  private static String schemaName(Schema schema) {
    return schema.getName() != null ? schema.getName() : schema.getCatalogName();
  }

  private static Crawled.Table view(schemacrawler.schema.View v) {
    List<Crawled.Column> columns = v.getColumns().stream()
        .map(c -> new Crawled.Column(c.getName(), null, Types.OTHER, 0, 0, true, false, null, null, false)).toList();
    return new Crawled.Table(schemaName(v.getSchema()), v.getName(), true, columns, Optional.empty(), List.of(), List.of(),
        List.of(), v.getRemarks(), v.getDefinition());
  }

  private static Crawled.Table table(schemacrawler.schema.Table t) {
    List<Crawled.Column> columns = new ArrayList<>();
    for (schemacrawler.schema.Column c : t.getColumns()) {
      schemacrawler.schema.ColumnDataType dt = c.getColumnDataType();
      Integer jdbcType = dt.getJavaSqlType() == null ? null : dt.getJavaSqlType().getVendorTypeNumber();
      columns.add(new Crawled.Column(c.getName(), dt.getName(), jdbcType == null ? Types.OTHER : jdbcType, c.getSize(),
          c.getDecimalDigits(), c.isNullable(), c.isAutoIncremented(), c.getDefaultValue(), c.getRemarks(),
          c.getAttribute("ENUM_LABELS") != null));
    }
    Optional<List<String>> pk = Optional.ofNullable(t.getPrimaryKey())
        .map(p -> p.getConstrainedColumns().stream().map(TableConstraintColumn::getName).toList());
    List<Crawled.ForeignKey> fks = new ArrayList<>();
    for (schemacrawler.schema.ForeignKey fk : t.getImportedForeignKeys()) {
      List<String> cols = new ArrayList<>();
      List<String> refs = new ArrayList<>();
      schemacrawler.schema.Table target = null;
      for (ColumnReference ref : fk.getColumnReferences()) {
        cols.add(ref.getForeignKeyColumn().getName());
        refs.add(ref.getPrimaryKeyColumn().getName());
        target = ref.getPrimaryKeyColumn().getParent();
      }
      fks.add(new Crawled.ForeignKey(fk.getName(), cols, schemaName(target.getSchema()), target.getName(), refs,
          rule(fk.getDeleteRule()), rule(fk.getUpdateRule())));
    }
    List<Crawled.Constraint> constraints = new ArrayList<>();
    for (TableConstraint tc : t.getTableConstraints()) {
      if (tc.getType() == TableConstraintType.unique) {
        constraints.add(new Crawled.Constraint(Crawled.ConstraintType.UNIQUE, tc.getName(),
            tc.getConstrainedColumns().stream().map(TableConstraintColumn::getName).toList(), null));
      } else if (tc.getType() == TableConstraintType.check) {
        constraints.add(new Crawled.Constraint(Crawled.ConstraintType.CHECK, tc.getName(), List.of(), tc.getDefinition()));
      }
    }
    List<Crawled.Index> indexes = new ArrayList<>();
    for (schemacrawler.schema.Index i : t.getIndexes()) {
      Object filter = i.getAttribute("FILTER_CONDITION");
      Object constraintType = i.getAttribute("CONSTRAINT_TYPE");
      indexes.add(new Crawled.Index(i.getName(), i.getColumns().stream().map(IndexColumn::getName).toList(), i.isUnique(),
          filter == null ? null : String.valueOf(filter), constraintType == null ? null : String.valueOf(constraintType)));
    }
    return new Crawled.Table(schemaName(t.getSchema()), t.getName(), false, columns, pk, fks, constraints, indexes,
        t.getRemarks(), null);
  }

  private static int rule(ForeignKeyUpdateRule rule) {
    return rule == null ? -1 : rule.id();
  }
}
