package io.dbdevops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.EnvironmentDefinition;
import io.dbdevops.env.Environments;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plan of a deploy, against real PostgreSQL and MariaDB: the SQL that runs per changeset (raw sql and sqlFile
 * included), reversibility and loss, and a plan id that depends on the changelog, the live state and the parameters,
 * and on nothing else (not the directory the project is in, not the shadow's temporary database).
 */
class PlannerTest {

  private static final Path FIXTURE = Path.of("src/test/resources/plan");
  private static final String NEXT = "db/changelog/db.changelog-next.xml";

  @TempDir
  Path temp;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void planHoldsTheExecutedSqlAndAnIdThatChangesWithItsInputsOnly(Engine engine) throws Exception {
    Server server = TestDatabases.require(engine);
    try (TempDatabase db = server.createDatabase()) {
      LiveTarget target = target(server, db, "anonymous");
      try (Connection c = db.connect()) {
        new LiquibaseRunner().update(c, new ChangelogSource(FIXTURE, "db/changelog/db.changelog-master.xml"),
            target.environment().updateOptions());
      }
      Path a = copy("a");
      Path b = copy("elsewhere/b");
      Planner planner = new Planner(ShadowProviders.load());
      Plan first = planner.plan(request(target, a));
      Plan second = planner.plan(request(target, b));

      // same inputs in another directory, another shadow: the same id
      assertThat(first.planId()).matches("[0-9a-f]{16}").isEqualTo(second.planId());
      assertThat(PlanJson.write(first)).isEqualTo(PlanJson.write(second)).doesNotContain(temp.toString())
          .doesNotContain("DATABASECHANGELOG");
      assertThat(first.environment()).isEqualTo("prod");
      assertThat(first.engine()).isEqualTo(engine == Engine.POSTGRESQL ? "postgresql" : "mariadb");
      assertThat(first.liveFingerprint()).matches("sha256:[0-9a-f]{64}");
      assertThat(first.requiredVersionBump()).isPresent();
      assertThat(first.changeSets()).extracting(Plan.PlannedChangeSet::id)
          .containsExactly("002-customers-email", "003-default-names", "004-email-index", "005-drop-note");
      assertThat(first.changeSets()).extracting(Plan.PlannedChangeSet::reversibility).containsExactly(
          Reversibility.AUTO, Reversibility.SCRIPTED, Reversibility.IRREVERSIBLE, Reversibility.IRREVERSIBLE);
      assertThat(first.changeSets()).extracting(Plan.PlannedChangeSet::lossy).containsExactly(false, false, false, true);
      assertThat(first.changeSets().get(3).lossReasons()).singleElement().asString().startsWith("DBD103 drop-column");
      assertThat(first.changeSets().get(0).location()).isEqualTo(NEXT + ":7");
      // the raw SQL and the sqlFile's statement as they ran, with the parameter substituted
      assertThat(first.changeSets().get(1).sql())
          .containsExactly("UPDATE customers SET name = 'anonymous' WHERE name IS NULL");
      assertThat(first.changeSets().get(2).sql()).singleElement().asString()
          .startsWith("CREATE INDEX customers_email_idx ON customers (email)");
      assertThat(String.join("\n", first.changeSets().get(0).sql())).containsIgnoringCase("email")
          .containsIgnoringCase("ALTER TABLE");
      assertThat(first.diff()).anyMatch(l -> l.contains("+ column email")).anyMatch(l -> l.contains("- column note"));
      assertThat(first.drift()).isEmpty();
      // lint with its acceptances: the accepted drop is still lossy
      assertThat(first.lint()).filteredOn(f -> f.code().equals("DBD103")).singleElement()
          .satisfies(f -> assertThat(f.acceptedReason()).contains("note is unused since release 3"));
      // the script and the review pages name every changeset
      // kept under target/ for a look at the pages
      Path out = Path.of("target/plan-example", engine.name().toLowerCase(java.util.Locale.ROOT));
      PlanWriter.writeAll(first, out);
      assertThat(Files.readString(out.resolve("plan.sql"))).contains("-- changeset 004-email-index (author plan)")
          .contains("UPDATE customers SET name = 'anonymous' WHERE name IS NULL;");
      assertThat(Files.readString(out.resolve("plan.md"))).contains("`" + first.planId() + "`").contains("irreversible");
      assertThat(Files.readString(out.resolve("plan.html"))).contains(first.planId()).contains("005-drop-note");
      assertThat(PlanDifferences.between(PlanJson.read(out.resolve("plan.json")), second)).isEmpty();

      // a changed parameter: another id, and the refusal names the parameter and the SQL it changes
      Plan parameter = planner.plan(request(target(server, db, "nobody"), a));
      assertThat(parameter.planId()).isNotEqualTo(first.planId());
      assertThat(PlanDifferences.between(PlanJson.read(out.resolve("plan.json")), parameter))
          .anyMatch(l -> l.contains("parameter: changelog parameter default_name 'anonymous' → 'nobody'"))
          .anyMatch(l -> l.contains("changeset 003-default-names") && l.contains("its SQL changed"));

      // a changed changeset
      Path changelog = b.resolve(NEXT);
      Files.writeString(changelog, Files.readString(changelog).replace("varchar(120)", "varchar(150)"));
      Plan edited = planner.plan(request(target, b));
      assertThat(edited.planId()).isNotEqualTo(first.planId());
      assertThat(PlanDifferences.between(PlanJson.read(out.resolve("plan.json")), edited))
          .anyMatch(l -> l.startsWith("changeset 002-customers-email (" + NEXT + ":7) was edited: checksum"));

      // the deploy of a plan checks under its lock that the pending changesets are still the plan's
      io.dbdevops.deploy.Deployer deployer = new io.dbdevops.deploy.Deployer(ShadowProviders.load());
      List<String> keys = first.changeSets().stream().map(Plan.PlannedChangeSet::key).toList();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployer.deploy(io.dbdevops.deploy.Deployer.Request.of(
          target, request(target, a).settings())
          .planned(Optional.of(keys.subList(0, 3)))))
          .isInstanceOf(io.dbdevops.SetupException.class).hasMessageContaining("nothing was applied");
      assertThat(historyRows(db)).isEqualTo(1);

      // a changed live state
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE hotfix (id INT)");
      }
      Plan drifted = planner.plan(request(target, a));
      assertThat(drifted.planId()).isNotEqualTo(first.planId());
      assertThat(drifted.drift()).anyMatch(l -> l.contains("hotfix"));
      assertThat(PlanDifferences.between(PlanJson.read(out.resolve("plan.json")), drifted))
          .anyMatch(l -> l.startsWith("the live state changed since the plan") && l.contains("hotfix"));

      // the plan's own keys deploy it (drift allowed here: the hot fix stays)
      LiveTarget warn = Environments.target(new Environments(List.of(definition(server, db, "anonymous",
          DriftPolicy.WARN))).resolve("prod"), id -> Optional.empty(), v -> null);
      io.dbdevops.deploy.DeployResult deployed = deployer.deploy(io.dbdevops.deploy.Deployer.Request.of(
          warn, request(warn, a).settings())
          .planned(Optional.of(keys)));
      assertThat(deployed.applied()).extracting(io.dbdevops.liquibase.AppliedChangeSet::id)
          .containsExactly("002-customers-email", "003-default-names", "004-email-index", "005-drop-note");
      // on the environment itself, Liquibase executed exactly the plan's statements (its database name, on MariaDB)
      assertThat(PlanDifferences.executedVersusPlanned(first, deployed.statements())).isEmpty();
      assertThat(historyRows(db)).isEqualTo(5);
    }
  }

  private static Planner.Request request(LiveTarget target, Path root) {
    return new Planner.Request(target, new DriftDetector.Settings(new ChangelogSource(root, NEXT)), null);
  }

  private static LiveTarget target(Server server, TempDatabase db, String defaultName) {
    return Environments.target(new Environments(List.of(definition(server, db, defaultName, DriftPolicy.FAIL)))
        .resolve("prod"), id -> Optional.empty(), v -> null);
  }

  private static EnvironmentDefinition definition(Server server, TempDatabase db, String defaultName,
      DriftPolicy policy) {
    return new EnvironmentDefinition("prod", Optional.empty(), Optional.of(db.url()),
        Optional.empty(), server.user(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of("default_name", defaultName), Optional.empty(), Optional.of(policy), Optional.empty());
  }

  private static int historyRows(TempDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The fixture changelog in a directory of its own. */
  private Path copy(String name) throws IOException {
    Path to = temp.resolve(name);
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(FIXTURE.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
    return to;
  }
}
