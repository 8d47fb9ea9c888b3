package io.dbdevops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A second drift check with the same changelog and history reuses the expected state instead of a shadow build. */
class ExpectedStateCacheTest {

  @TempDir
  Path cache;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void secondCheckReusesTheExpectedStateAndStillSeesNewDrift(Engine engine) throws Exception {
    AtomicInteger snapshots = new AtomicInteger();
    Snapshotter counting = new Snapshotter() {
      private final Snapshotter real = new SchemaCrawlerSnapshotter();

      @Override
      public SchemaModel snapshot(Connection connection, Dialect dialect, SnapshotScope scope) {
        snapshots.incrementAndGet();
        return real.snapshot(connection, dialect, scope);
      }
    };
    DriftDetector detector = new DriftDetector(ShadowProviders.load(), new LiquibaseRunner(), counting);
    DriftDetector.Settings settings = new DriftDetector.Settings(DriftFixture.CHANGELOG, Optional.empty(), null,
        Optional.of(cache));
    try (DriftFixture f = DriftFixture.create(engine)) {
      f.deployWithLiquibase();

      DriftReport first = detector.check(f.target(), settings);
      assertThat(first.hasDrift()).as(first.lines().toString()).isFalse();
      assertThat(snapshots.get()).as("shadow + live snapshots").isEqualTo(2);

      f.execute("CREATE INDEX idx_orders_total ON orders (total)");
      DriftReport second = detector.check(f.target(), settings);
      assertThat(snapshots.get()).as("only the live snapshot").isEqualTo(3);
      assertThat(second.shadow()).startsWith("reused expected state");
      assertThat(second.schemaDrift()).singleElement().isInstanceOf(SchemaChange.IndexAdded.class);

      // a check without a cache builds the expected state again, and agrees
      DriftReport fresh = detector.check(f.target(), new DriftDetector.Settings(DriftFixture.CHANGELOG));
      assertThat(snapshots.get()).isEqualTo(5);
      assertThat(fresh.schemaDrift()).isEqualTo(second.schemaDrift());
    }
  }
}
