package io.dbdevops.maven;

import io.dbdevops.env.LiveTarget;
import io.dbdevops.seed.Seeder;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fills one environment ({@code -Ddbdevops.environment=NAME}) with generated rows (Datafaker): tables in foreign-key
 * order, their constraints honoured, the same rows for the same {@code -Ddbdevops.seed.random}. Refuses an environment
 * marked {@code <protected>true</protected>}. All or nothing: one transaction.
 */
@Mojo(name = "seed", threadSafe = true)
public class SeedMojo extends AbstractSeedingMojo {

  @Override
  protected void executeGoal() {
    LiveTarget target = liveTarget();
    var settings = seedSettings();
    getLog().info("dbdevops: seeding " + target.description() + " (" + seedDescription() + ")");
    Seeder.Result result = new Seeder().seed(target, settings);
    logSeeded(result, "environment '" + target.environment().name() + "'");
  }
}
