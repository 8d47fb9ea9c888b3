package io.dbdevops.impact;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.env.DeployOptions;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A database of this suite's own ({@code dbdevops_imp_*}) on an engine's server, and changelogs written for it. */
final class ImpactFixture implements AutoCloseable {

  final Engine engine;
  final TestDatabases.Server server;
  final TestDatabases.TempDatabase db;
  final Path dir;

  private ImpactFixture(Engine engine, TestDatabases.Server server, TestDatabases.TempDatabase db, Path dir) {
    this.engine = engine;
    this.server = server;
    this.db = db;
    this.dir = dir;
  }

  static ImpactFixture create(Engine engine) throws Exception {
    TestDatabases.Server server = TestDatabases.require(engine);
    String name = "dbdevops_imp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    server.execute("CREATE DATABASE " + name);
    TestDatabases.TempDatabase db = new TestDatabases.TempDatabase(server, name,
        TestDatabases.withDatabase(server.url(), name));
    return new ImpactFixture(engine, server, db, Files.createTempDirectory("imp-changelog-"));
  }

  boolean postgres() {
    return engine == Engine.POSTGRESQL;
  }

  LiveTarget target(Duration lockTimeout, int retries) {
    Environment env = new Environment("imp", List.of("imp"), db.url(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), UpdateOptions.DEFAULT, List.of(), DriftPolicy.FAIL, List.of(), false, false,
        new DeployOptions(lockTimeout, retries, io.dbdevops.env.BackupPolicy.NEVER, Optional.empty()));
    return new LiveTarget(env, server.user(), server.password());
  }

  /** {@code db/changelog.xml} holding the changesets given (each a {@code <changeSet>} element's body by id). */
  DriftDetector.Settings changelog(String... changeSets) throws Exception {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        """);
    for (int i = 0; i < changeSets.length; i++) {
      xml.append("  <changeSet id=\"").append(i + 1).append("\" author=\"imp\">\n").append(changeSets[i])
          .append("\n  </changeSet>\n");
    }
    xml.append("</databaseChangeLog>\n");
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/changelog.xml"), xml.toString());
    return new DriftDetector.Settings(new ChangelogSource(dir, "db/changelog.xml"));
  }

  Connection connect() throws SQLException {
    return db.connect();
  }

  void execute(String... sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  static final String ORDERS = """
          <createTable tableName="orders">
            <column name="id" type="int"><constraints primaryKey="true"/></column>
            <column name="note" type="varchar(200)"/>
          </createTable>
          <sql>INSERT INTO orders (id, note) VALUES (1, 'a'), (2, 'b'), (3, 'c')</sql>""";

  static final String ADD_STATUS = """
          <addColumn tableName="orders"><column name="status" type="varchar(20)"/></addColumn>""";

  @Override
  public void close() throws Exception {
    db.close();
  }
}
