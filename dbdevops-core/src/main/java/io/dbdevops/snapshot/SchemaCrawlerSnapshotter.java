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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * The SchemaCrawler adapter: the only class that imports {@code schemacrawler.*}. Reads the owned schemas in bulk
 * (one metadata call per object type where the driver allows it), leaves out Liquibase's tables, and hands every
 * name, type and default to {@link Canonical}.
 */
public final class SchemaCrawlerSnapshotter implements Snapshotter {

  private static final Pattern LIQUIBASE_TABLES = Pattern.compile("(?i)(.*\\.)?\"?DATABASECHANGELOG(LOCK)?\"?");

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
        .setRetrieveColumnDataTypes(true)
        .setRetrievePrimaryKeys(true)
        .setRetrieveForeignKeys(true)
        .setRetrieveIndexes(true)
        .setRetrieveTableConstraints(true)
        .setRetrieveTableConstraintInformation(true)
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
      SchemaRetrievalOptions retrieval = withQueries(SchemaCrawlerUtility.matchSchemaRetrievalOptions(source), connection, dialect);
      return SchemaCrawlerUtility.getCatalog(source, retrieval, options, new Config());
    } catch (RuntimeException e) {
      throw new SetupException("SchemaCrawler could not read the database: " + e.getMessage(), e);
    }
  }

  private static SchemaRetrievalOptions withQueries(SchemaRetrievalOptions matched, Connection connection, Dialect dialect) {
    InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder(matched.getInformationSchemaViews());
    InformationSchemaQueries.forDialect(dialect).forEach((key, sql) -> views.withSql(InformationSchemaKey.valueOf(key), sql));
    // fromConnnection (sic) restores the table types that copying the matched options drops
    return SchemaRetrievalOptionsBuilder.builder(matched).fromConnnection(connection)
        .withInformationSchemaViews(views.toOptions()).toOptions();
  }

  /** Maps one crawled catalog to the model. */
  private static final class Reader {
    private final Dialect dialect;
    private final SnapshotScope scope;

    Reader(Dialect dialect, SnapshotScope scope) {
      this.dialect = dialect;
      this.scope = scope;
    }

    SchemaModel read(Catalog catalog) {
      List<Table> tables = new ArrayList<>();
      List<View> views = new ArrayList<>();
      List<Sequence> sequences = new ArrayList<>();
      for (Schema schema : catalog.getSchemas()) {
          for (schemacrawler.schema.Table t : catalog.getTables(schema)) {
          if (LIQUIBASE_TABLES.matcher(t.getName()).matches()) {
            continue;
          }
          if (t instanceof schemacrawler.schema.View v) {
            views.add(view(v));
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
      return new SchemaModel(tables, views, sequences);
    }

    private boolean isIdentityBacking(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      return n.startsWith("system_sequence_") || n.endsWith("_seq") && dialect == Dialect.POSTGRESQL && false;
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
      for (schemacrawler.schema.ForeignKey fk : t.getImportedForeignKeys()) {
        List<String> cols = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        schemacrawler.schema.Table target = null;
        for (ColumnReference ref : fk.getColumnReferences()) {
          cols.add(Canonical.name(ref.getForeignKeyColumn().getName()));
          refs.add(Canonical.name(ref.getPrimaryKeyColumn().getName()));
          target = ref.getPrimaryKeyColumn().getParent();
        }
        fks.add(new ForeignKey(userName(fk.getName()), cols, qualified(target.getSchema(), target.getName()), refs,
            rule(fk.getDeleteRule()), rule(fk.getUpdateRule())));
      }
      // Unique constraints are identified by their columns; their names are left out because H2, PostgreSQL and
      // MariaDB name (or rename) them differently. Their backing indexes are not listed as indexes.
      Set<List<String>> uniqueColumnSets = new java.util.LinkedHashSet<>();
      Set<String> uniqueConstraintNames = new HashSet<>();
      List<CheckConstraint> checks = new ArrayList<>();
      for (TableConstraint tc : t.getTableConstraints()) {
        if (tc.getType() == TableConstraintType.unique) {
          uniqueConstraintNames.add(tc.getName().toLowerCase(Locale.ROOT));
          List<String> cols = tc.getConstrainedColumns().stream().map(TableConstraintColumn::getName).map(Canonical::name).toList();
          if (!cols.isEmpty()) {
            uniqueColumnSets.add(cols);
          }
        } else if (tc.getType() == TableConstraintType.check && tc.getDefinition() != null && !tc.getDefinition().isBlank()
            && !isNotNullCheck(tc.getDefinition())) {
          checks.add(new CheckConstraint(userName(tc.getName()), Canonical.expression(tc.getDefinition())));
        }
      }
      Set<String> fkNames = t.getImportedForeignKeys().stream().map(f -> f.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      List<List<String>> fkColumnSets = fks.stream().map(ForeignKey::columns).toList();
      List<Index> indexes = new ArrayList<>();
      for (schemacrawler.schema.Index i : t.getIndexes()) {
        List<String> cols = i.getColumns().stream().map(IndexColumn::getName).map(Canonical::name).toList();
        String indexName = i.getName().toLowerCase(Locale.ROOT);
        boolean generated = Canonical.isGeneratedName(dialect, i.getName());
        if (i.isUnique() && pk.map(p -> p.columns().equals(cols)).orElse(false)) {
          continue;
        }
        if (i.isUnique() && (generated || uniqueConstraintNames.contains(indexName) || uniqueColumnSets.contains(cols))) {
          uniqueColumnSets.add(cols);
          continue;
        }
        if (!i.isUnique() && (fkNames.contains(indexName) || generated) && fkColumnSets.contains(cols)) {
          continue;
        }
        indexes.add(new Index(Canonical.name(i.getName()), cols, i.isUnique(), Optional.empty()));
      }
      List<UniqueConstraint> uniques = uniqueColumnSets.stream().map(c -> new UniqueConstraint(Optional.empty(), c)).toList();
      return new Table(name, columns, pk, fks, uniques, indexes, checks, remarks(t.getRemarks()));
    }

    private Column column(schemacrawler.schema.Column c) {
      schemacrawler.schema.ColumnDataType dt = c.getColumnDataType();
      ColumnType type = Canonical.type(dt.getJavaSqlType().getVendorTypeNumber(), dt.getName(), c.getSize(), c.getDecimalDigits());
      boolean identity = c.isAutoIncremented() || isIdentityDefault(c.getDefaultValue());
      Optional<String> def = identity ? Optional.empty() : Canonical.defaultValue(c.getDefaultValue(), type);
      return new Column(Canonical.name(c.getName()), type, c.isNullable(), def, identity, remarks(c.getRemarks()));
    }

    private static boolean isIdentityDefault(String def) {
      if (def == null) {
        return false;
      }
      String d = def.toLowerCase(Locale.ROOT);
      return d.startsWith("nextval(") || d.contains("next value for") && d.contains("system_sequence");
    }

    private View view(schemacrawler.schema.View v) {
      List<String> columns = v.getColumns().stream().map(c -> Canonical.name(c.getName())).toList();
      String definition = v.getDefinition() == null ? "" : ViewText.canonical(v.getDefinition());
      return new View(qualified(v.getSchema(), v.getName()), columns, definition, remarks(v.getRemarks()));
    }

    private Optional<String> userName(String name) {
      return Canonical.isGeneratedName(dialect, name) ? Optional.empty() : Optional.of(Canonical.name(name));
    }

    private static boolean isNotNullCheck(String definition) {
      return definition.toLowerCase(Locale.ROOT).replaceAll("[()\"]", "").trim().matches("\\w+ is not null");
    }

    private static Optional<String> remarks(String remarks) {
      return remarks == null || remarks.isBlank() ? Optional.empty() : Optional.of(remarks.trim());
    }

    private static String rule(ForeignKeyUpdateRule rule) {
      if (rule == null) {
        return "no action";
      }
      return switch (rule) {
        case cascade -> "cascade";
        case setNull -> "set null";
        case setDefault -> "set default";
        default -> "no action";
      };
    }
  }
}
