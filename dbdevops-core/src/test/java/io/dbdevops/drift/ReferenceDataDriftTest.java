package io.dbdevops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.EnvironmentDefinition;
import io.dbdevops.env.Environments;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.gate.ReferenceDataEnginesTestChangelog;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.Engine;
import io.dbdevops.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drift of reference rows on real PostgreSQL and MariaDB: the live rows against the rows the applied changesets make on
 * a shadow of the same engine. Rows changed by hand are drift, named by key; rows a pending changeset changes are not.
 */
class ReferenceDataDriftTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void rowsChangedByHandAreDriftAndRowsOfAPendingChangesetAreNot(Engine engine) throws Exception {
    Path master = dir.resolve("resources/db/changelog/db.changelog-master.xml");
    Files.createDirectories(master.getParent());
    Files.writeString(master, ReferenceDataEnginesTestChangelog.CHANGELOG);
    ChangelogSource changelog = new ChangelogSource(dir.resolve("resources"), "db/changelog/db.changelog-master.xml");
    TestDatabases.Server server = engine.server();
    try (TestDatabases.TempDatabase db = server.createDatabase()) {
      LiveTarget target = Environments.target(new Environments(List.of(new EnvironmentDefinition("test",
          Optional.empty(), Optional.of(db.url()), Optional.empty(), server.user(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.of(DriftPolicy.FAIL),
          Optional.empty()))).resolve("test"), id -> Optional.empty(), v -> null);
      try (Connection c = db.connect()) {
        new LiquibaseRunner().update(c, changelog, target.environment().updateOptions());
      }
      DriftDetector drift = new DriftDetector(ShadowProviders.load());
      DriftDetector.Settings settings = new DriftDetector.Settings(changelog).withReferenceData(List.of("ref", "rate"));
      assertThat(drift.check(target, settings).lines()).isEmpty();

      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("UPDATE rate SET rate = 9 WHERE region = 'EU' AND tier = 10");
        st.execute("DELETE FROM ref WHERE id = 2");
        st.execute("INSERT INTO ref (id, label, flag) VALUES (11, 'hand-made', true)");
      }
      // a changeset not yet deployed that edits a row: pending, not drift
      Files.writeString(master, ReferenceDataEnginesTestChangelog.CHANGELOG.replace("</databaseChangeLog>", """
            <changeSet id="3" author="test">
              <update tableName="ref"><column name="label" value="next release"/><where>id = 1</where></update>
            </changeSet>
          </databaseChangeLog>"""));
      DriftReport report = drift.check(target, settings);
      assertThat(report.lines()).containsExactly(
          "data rate",
          "  ~ row (region=EU, tier=10): rate 1.500 -> 9.000",
          "data ref",
          "  - row (id=2): big NULL, amount NULL, ratio NULL, flag NULL, tiny NULL, day NULL, at_time NULL, stamp NULL, "
              + "code NULL, label '', note NULL, bin NULL",
          "  + row (id=11): big NULL, amount NULL, ratio NULL, flag true, tiny NULL, day NULL, at_time NULL, stamp NULL, "
              + "code NULL, label 'hand-made', note NULL, bin NULL");
      assertThat(report.pending()).extracting(p -> p.id()).containsExactly("3");
      assertThat(report.fails()).isTrue();
    }
  }
}
