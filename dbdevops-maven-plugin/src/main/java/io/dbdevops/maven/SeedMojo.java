package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.seed.Seeder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fills one environment ({@code -Ddbdevops.environment=NAME}) with generated rows (Datafaker): tables in foreign-key
 * order, their constraints honoured, the same rows for the same {@code -Ddbdevops.seed.random}. Refuses an environment
 * marked {@code <protected>true</protected>}. All or nothing: one transaction.
 */
@Mojo(name = "seed", threadSafe = true)
public class SeedMojo extends AbstractEnvironmentMojo {

  /** The generator's seed: the same schema, settings and seed give the same rows. */
  @Parameter(property = "dbdevops.seed.random", defaultValue = "1")
  private long seedRandom;

  /** Rows per table, unless {@code <seed>} says otherwise. */
  @Parameter(property = "dbdevops.seed.rows", defaultValue = "100")
  private int seedRows;

  /** Per-table rows and column values: see {@link SeedConfig}. */
  @Parameter
  private SeedConfig seed;

  @Override
  protected void executeGoal() {
    LiveTarget target = liveTarget();
    if (seedRows < 0) {
      throw new SetupException("-Ddbdevops.seed.rows must be 0 or more, not " + seedRows);
    }
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    for (SeedConfig.Table t : seed == null ? java.util.List.<SeedConfig.Table>of() : seed.tables()) {
      if (t.name() == null || t.name().isBlank()) {
        throw new SetupException("a <table> in <seed><tables> has no <name>");
      }
      String name = t.name().trim().toLowerCase(Locale.ROOT);
      if (t.rows() != null) {
        if (t.rows() < 0) {
          throw new SetupException("<seed> table " + name + ": <rows> must be 0 or more, not " + t.rows());
        }
        rows.put(name, t.rows());
      }
      Map<String, String> cols = new HashMap<>();
      t.columns().forEach((k, v) -> cols.put(k.toLowerCase(Locale.ROOT), v == null ? "null" : v));
      if (!cols.isEmpty()) {
        columns.put(name, cols);
      }
    }
    getLog().info("dbdevops: seeding " + target.description() + " (" + seedRows + " rows per table, random "
        + seedRandom + ")");
    Seeder.Result result = new Seeder().seed(target, new SeedSettings(seedRandom, seedRows, rows, columns,
        referenceTables()));
    for (Seeder.TableResult t : result.tables()) {
      getLog().info("dbdevops seed:   " + t.table() + ": " + Plural.of(t.rows(), "row")
          + (t.retried() > 0 ? " (" + t.retried() + " generated again after the database refused them)" : "")
          + (t.refused() > 0 ? ", " + t.refused() + " refused" : "") + " in " + t.took().toMillis() + " ms");
    }
    result.kept().forEach(k -> getLog().info("dbdevops seed:   " + k + ": reference data, its rows kept"));
    long ms = Math.max(1, result.took().toMillis());
    getLog().info("dbdevops seed: " + Plural.of((int) result.rows(), "row") + " in " + Plural.of(result.tables().size(),
        "table") + " of environment '" + target.environment().name() + "' in " + ms + " ms (" + (result.rows() * 1000 / ms)
        + " rows/s)");
  }

  /** The tables whose committed rows are kept (reference data: {@code <referenceData>}). */
  private Set<String> referenceTables() {
    return Set.copyOf(gateSettings().referenceData());
  }
}
