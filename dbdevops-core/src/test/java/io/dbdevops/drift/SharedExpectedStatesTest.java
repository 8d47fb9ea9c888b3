package io.dbdevops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Environments of one run at the same changesets share one expected state (a fleet builds one shadow per engine), and
 * sharing never hides one environment's own drift.
 */
class SharedExpectedStatesTest {

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void environmentsAtTheSameChangesetsShareOneShadowAndKeepTheirOwnDrift(Engine engine) throws Exception {
    try (DriftFixture a = DriftFixture.create(engine); DriftFixture b = DriftFixture.create(engine);
        DriftFixture fresh = DriftFixture.create(engine)) {
      a.deployWithLiquibase();
      b.deployWithLiquibase(a.role);
      b.execute("ALTER TABLE " + b.name("orders") + " ADD COLUMN hotfix INT");
      List<String> progress = Collections.synchronizedList(new ArrayList<>());
      SharedExpectedStates shared = new SharedExpectedStates();
      DriftDetector.Settings settings = new DriftDetector.Settings(DriftFixture.CHANGELOG, Optional.empty(),
          progress::add).sharing(shared);
      DriftDetector detector = new DriftDetector(ShadowProviders.load());
      LiveTarget ta = a.target();
      LiveTarget tb = b.target(a.role);

      DriftReport ra = detector.check(ta, settings);
      DriftReport rb = detector.check(tb, settings);

      assertThat(shared.size()).as("one shadow for both").isEqualTo(1);
      assertThat(progress.stream().filter(l -> l.startsWith("shadow database: "))).hasSize(1);
      assertThat(progress).anyMatch(l -> l.startsWith("expected state: the one built in this run for another environment"));
      assertThat(ra.schemaDrift()).isEmpty();
      assertThat(rb.schemaDrift()).singleElement().satisfies(c -> {
        assertThat(c).isInstanceOf(SchemaChange.ColumnAdded.class);
        assertThat(c.describe()).contains("hotfix");
      });

      // before a deploy: a database with nothing applied expects another state (and its pending part), built anew
      DriftDetector.Checked f = detector.checkForDeploy(fresh.target(a.role), settings, new ParsedChangelogs());
      DriftDetector.Checked again = detector.checkForDeploy(a.target(), settings, new ParsedChangelogs());
      assertThat(shared.size()).isEqualTo(3);
      assertThat(f.report().pending()).isNotEmpty();
      assertThat(again.report().pending()).isEmpty();
      assertThat(f.expectedAfterPending()).as("the whole changelog, either way").isEqualTo(again.expectedAfterPending());
    }
  }
}
