package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.seed.Seeder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that write generated rows (seed, provision with {@code -Ddbdevops.provision.seed=true}): the seed's settings. */
public abstract class AbstractSeedingMojo extends AbstractEnvironmentMojo {

  /** The generator's seed: the same schema, settings and seed give the same rows. */
  @Parameter(property = "dbdevops.seed.random", defaultValue = "1")
  private long seedRandom;

  /** Rows per table, unless {@code <seed>} says otherwise. */
  @Parameter(property = "dbdevops.seed.rows", defaultValue = "100")
  private int seedRows;

  /** Per-table rows and column values: see {@link SeedConfig}. */
  @Parameter
  private SeedConfig seed;

  /** The seed's settings; the reference tables ({@code <referenceData>}) keep their rows. */
  protected SeedSettings seedSettings() {
    if (seedRows < 0) {
      throw new SetupException("-Ddbdevops.seed.rows must be 0 or more, not " + seedRows);
    }
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Map<String, String>> columns = new HashMap<>();
    for (SeedConfig.Table t : seed == null ? List.<SeedConfig.Table>of() : seed.tables()) {
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
    return new SeedSettings(seedRandom, seedRows, rows, columns, Set.copyOf(gateSettings().referenceData()));
  }

  /** {@code 100 rows per table, random 1}. */
  protected String seedDescription() {
    return seedRows + " rows per table, random " + seedRandom;
  }

  /** One line per table seeded, then the total. */
  protected void logSeeded(Seeder.Result result, String where) {
    for (Seeder.TableResult t : result.tables()) {
      getLog().info("dbdevops seed:   " + t.table() + ": " + Plural.of(t.rows(), "row")
          + (t.retried() > 0 ? " (" + t.retried() + " generated again after the database refused them)" : "")
          + (t.refused() > 0 ? ", " + t.refused() + " refused" : "") + " in " + t.took().toMillis() + " ms");
    }
    result.kept().forEach(k -> getLog().info("dbdevops seed:   " + k + ": reference data, its rows kept"));
    long ms = Math.max(1, result.took().toMillis());
    getLog().info("dbdevops seed: " + Plural.of((int) result.rows(), "row") + " in " + Plural.of(result.tables().size(),
        "table") + " of " + where + " in " + ms + " ms (" + (result.rows() * 1000 / ms) + " rows/s)");
  }
}
