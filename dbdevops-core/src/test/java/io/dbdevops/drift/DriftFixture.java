package io.dbdevops.drift;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.EnvironmentDefinition;
import io.dbdevops.env.Environments;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The drift and deploy tests' environment: a database of the test's own on a real server, a reporting role of the
 * test class's own, and the fixture changelog ({@code src/test/resources/drift}). On PostgreSQL the environment owns
 * two schemas (public, audit), so object names are qualified there.
 */
public final class DriftFixture implements AutoCloseable {

  public static final Path ROOT = Path.of("src/test/resources/drift");
  public static final ChangelogSource CHANGELOG = new ChangelogSource(ROOT, "db/changelog/db.changelog-master.xml");
  public static final ChangelogSource NEXT = new ChangelogSource(ROOT, "db/changelog/db.changelog-next.xml");

  public final Engine engine;
  public final Server server;
  public final TempDatabase database;
  public final String role;

  private DriftFixture(Engine engine, Server server, TempDatabase database, String role) {
    this.engine = engine;
    this.server = server;
    this.database = database;
    this.role = role;
  }

  /** A fresh, empty database on the engine's server, with a reporting role (created here, dropped on close). */
  public static DriftFixture create(Engine engine) throws SQLException {
    Server server = TestDatabases.require(engine);
    String role = "dbd_rep_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    server.execute(engine == Engine.POSTGRESQL ? "CREATE ROLE " + role : "CREATE USER '" + role + "'@'%'");
    return new DriftFixture(engine, server, server.createDatabase(), role);
  }

  public boolean postgres() {
    return engine == Engine.POSTGRESQL;
  }

  /** A table's name as the snapshot and the grants name it. */
  public String name(String table) {
    return postgres() ? "public." + table : table;
  }

  public EnvironmentDefinition definition(DriftPolicy policy) {
    return definition(policy, role);
  }

  /** The environment with another fixture's reporting role (the same parameters as that fixture's environment). */
  public EnvironmentDefinition definition(DriftPolicy policy, String reportingRole) {
    return new EnvironmentDefinition("test", Optional.empty(), Optional.of(database.url()), Optional.empty(),
        server.user(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of("reporting_role", reportingRole), Optional.of(postgres() ? List.of("public", "audit") : List.of()),
        Optional.of(policy), Optional.of(List.of("SELECT ON " + name("orders") + " TO " + reportingRole)));
  }

  /** {@link #target()} with another fixture's reporting role. */
  public LiveTarget target(String reportingRole) {
    return Environments.target(new Environments(List.of(definition(DriftPolicy.FAIL, reportingRole))).resolve("test"),
        id -> Optional.empty(), v -> null);
  }

  public LiveTarget target(DriftPolicy policy) {
    return Environments.target(new Environments(List.of(definition(policy))).resolve("test"), id -> Optional.empty(),
        v -> null);
  }

  public LiveTarget target() {
    return target(DriftPolicy.FAIL);
  }

  /** Deploys the fixture with Liquibase alone (no dbdevops checks): the environment as a DBA would find it. */
  public void deployWithLiquibase() throws SQLException {
    deployWithLiquibase(role);
  }

  /** {@link #deployWithLiquibase()} with another fixture's reporting role as the changelog's parameter. */
  public void deployWithLiquibase(String reportingRole) throws SQLException {
    try (Connection c = database.connect()) {
      new LiquibaseRunner().update(c, CHANGELOG, target(reportingRole).environment().updateOptions());
    }
  }

  /** Changes the live database by hand, out of band. */
  public void execute(String... statements) throws SQLException {
    try (Connection c = database.connect(); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    database.close();
    server.execute(postgres() ? "DROP ROLE IF EXISTS " + role : "DROP USER IF EXISTS '" + role + "'@'%'");
  }
}
