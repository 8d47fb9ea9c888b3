package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.fidelity.FidelityChangelog;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import io.dbdevops.state.StateWriter;
import io.dbdevops.testdb.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 is read straight from its information schema ({@link DirectCatalog}), no longer through SchemaCrawler: the model
 * is the one SchemaCrawler's catalog gave, object for object and byte for byte in the state files, on the example
 * project and on the generated 250-table fidelity changelog (explicit FK-named indexes, twin foreign keys, checks,
 * unique constraints, views, sequences, renames and drops). Both are read on the same connection, at every snapshot
 * the gate takes.
 */
class DirectCatalogH2Test {

  /** The gate's snapshotter, also reading the same database through SchemaCrawler. */
  private static final class BothWays implements Snapshotter {
    final List<SchemaModel[]> pairs = new ArrayList<>();

    @Override
    public SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope) {
      SchemaModel direct = new SchemaCrawlerSnapshotter().snapshot(connection, dialect, scope);
      pairs.add(new SchemaModel[] {direct, SchemaCrawlerSnapshotter.throughSchemaCrawler(connection, dialect, scope)});
      return direct;
    }
  }

  @Test
  void exampleProjectReadsAsThroughSchemaCrawler(@TempDir Path tmp) {
    assertSameBothWays(new ChangelogSource(Fixtures.EXAMPLE.resolve("src/main/resources"), Fixtures.MASTER),
        UpdateOptions.DEFAULT, tmp);
  }

  @Test
  void fidelityChangelogReadsAsThroughSchemaCrawler(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("changelog"));
    ChangelogSource changelog = FidelityChangelog.generate(8, 238).write(tmp.resolve("changelog"));
    assertSameBothWays(changelog, new UpdateOptions(Optional.of(FidelityChangelog.contexts(Engine.H2)), Optional.empty(),
        Map.of()), tmp);
  }

  @Test
  void everyLiquibaseTypeReadsAsThroughSchemaCrawler(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("changelog");
    Files.createDirectories(root);
    Files.writeString(root.resolve("types.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
          <changeSet id="1" author="t">
            <createTable tableName="every_type" remarks="one column per type">
              <column name="id" type="bigint" autoIncrement="true"><constraints primaryKey="true"/></column>
              <column name="a_clob" type="clob"/>
              <column name="a_blob" type="blob"/>
              <column name="a_text" type="text"/>
              <column name="a_nvarchar" type="nvarchar(40)"/>
              <column name="a_char" type="char(3)" defaultValue="abc"/>
              <column name="a_uuid" type="uuid"/>
              <column name="a_datetime" type="datetime" defaultValueComputed="CURRENT_TIMESTAMP"/>
              <column name="a_ts3" type="timestamp(3)"/>
              <column name="a_date" type="date"/>
              <column name="a_time" type="time"/>
              <column name="a_boolean" type="boolean" defaultValueBoolean="false"><constraints nullable="false"/></column>
              <column name="a_tinyint" type="tinyint"/>
              <column name="a_smallint" type="smallint"/>
              <column name="a_int" type="int" remarks="a number"/>
              <column name="a_float" type="float"/>
              <column name="a_double" type="double"/>
              <column name="a_real" type="real"/>
              <column name="a_currency" type="currency"/>
              <column name="a_decimal" type="decimal(18,4)" defaultValueNumeric="0"/>
              <column name="a_binary" type="varbinary(16)"/>
            </createTable>
            <createIndex tableName="every_type" indexName="ix_every_type_desc"><column name="a_int" descending="true"/></createIndex>
            <createSequence sequenceName="every_seq" startValue="100" incrementBy="5" cycle="true"/>
          </changeSet>
        </databaseChangeLog>
        """);
    assertSameBothWays(new ChangelogSource(root, "types.xml"), UpdateOptions.DEFAULT, tmp);
  }

  private static void assertSameBothWays(ChangelogSource changelog, UpdateOptions options, Path tmp) {
    BothWays both = new BothWays();
    GateSettings settings = new GateSettings(changelog, tmp.resolve("state"), ShadowSettings.H2, List.of(), options);
    new Gate(ShadowProviders.load(), new LiquibaseRunner(), both, GateListener.SILENT).build(settings);
    assertThat(both.pairs).isNotEmpty();
    for (SchemaModel[] pair : both.pairs) {
      assertThat(pair[0].tables()).as("tables read").isNotEmpty();
      assertThat(rendered(pair[0], tmp)).as("state files, direct vs SchemaCrawler").isEqualTo(rendered(pair[1], tmp));
      assertThat(pair[0]).isEqualTo(pair[1]);
    }
  }

  private static Map<String, String> rendered(SchemaModel model, Path tmp) {
    Map<String, String> files = new TreeMap<>();
    new StateWriter().render(model, tmp.resolve("state")).forEach((file, text) -> files.put(file.getFileName().toString(), text));
    return files;
  }
}
