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
