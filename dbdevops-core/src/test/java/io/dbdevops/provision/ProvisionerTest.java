package io.dbdevops.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Secret;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** dbdevops:provision's core on real PostgreSQL and MariaDB servers and an H2 file database. */
class ProvisionerTest {

  @TempDir
  Path dir;

  /** Three changesets: status (reference rows), customers, then orders; version 1.0.0 released the first two. */
  private ChangelogSource changelog() throws Exception {
    Files.writeString(dir.resolve("master.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.29.xsd">
          <changeSet id="1-status" author="t">
            <createTable tableName="status">
              <column name="code" type="varchar(10)"><constraints primaryKey="true"/></column>
              <column name="label" type="varchar(40)"><constraints nullable="false"/></column>
            </createTable>
            <insert tableName="status"><column name="code" value="NEW"/><column name="label" value="New"/></insert>
            <insert tableName="status"><column name="code" value="DONE"/><column name="label" value="Done"/></insert>
          </changeSet>
          <changeSet id="2-customers" author="t">
            <createTable tableName="customers">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="email" type="varchar(120)"><constraints nullable="false" unique="true"/></column>
            </createTable>
          </changeSet>
          <changeSet id="3-orders" author="t">
            <createTable tableName="orders">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="customer_id" type="bigint"><constraints nullable="false" foreignKeyName="fk_orders_customer" references="customers(id)"/></column>
              <column name="status" type="varchar(10)"><constraints nullable="false" foreignKeyName="fk_orders_status" references="status(code)"/></column>
            </createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    return new ChangelogSource(dir, "master.xml");
  }

  private static ReleasedVersion version100() {
    List<SumFile.Entry> entries = List.of(new SumFile.Entry("master.xml", "1-status", "t", "x"),
        new SumFile.Entry("master.xml", "2-customers", "t", "x"));
    SumFile sum = SumFile.of(entries, List.of(SumFile.release(SemanticVersion.parse("1.0.0"), 2, List.of())));
    return ReleasedVersion.of(sum, "1.0.0", "-Ddbdevops.provision.at");
  }

  private Provisioner.Request request(Provisioner.Target target, Optional<ReleasedVersion> at, boolean reset,
      Optional<SeedSettings> seed) throws Exception {
    return new Provisioner.Request(target, changelog(), UpdateOptions.DEFAULT, at, reset, seed, List.of("status"), null);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void createsTheDatabaseAtAVersionThenTheHeadAndRefusesToGoBackWithoutReset(Engine engine) throws Exception {
    TestDatabases.Server server = TestDatabases.require(engine);
    String name = "dbdevops_test_prov_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Provisioner.Target target = new Provisioner.Target.OnServer(server.shadowSettings(), name);
    try {
      Provisioner.Result first = new Provisioner().provision(request(target, Optional.of(version100()), false,
          Optional.empty()));
      assertThat(first.before()).isEqualTo(Provisioner.Before.CREATED);
      assertThat(first.applied()).isEqualTo(2);
      assertThat(first.url()).endsWith("/" + name);
      assertThat(first.referenceRows()).containsEntry("status", 2L);
      assertThat(server.databases()).contains(name);
      assertThat(tables(server, name)).containsExactlyInAnyOrder("status", "customers");

      Provisioner.Result head = new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty()));
      assertThat(head.before()).isEqualTo(Provisioner.Before.EXISTING);
      assertThat(head.applied()).isEqualTo(1);
      assertThat(head.changesets()).isEqualTo(3);
      assertThat(tables(server, name)).containsExactlyInAnyOrder("status", "customers", "orders");

      Provisioner.Result again = new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty()));
      assertThat(again.applied()).isZero();

      assertThatThrownBy(() -> new Provisioner().provision(request(target, Optional.of(version100()), false,
          Optional.empty()))).isInstanceOf(SetupException.class)
          .hasMessageContaining("holds 3 changesets, more than the 2 of version 1.0.0")
          .hasMessageContaining("-Ddbdevops.provision.reset=true");
      assertThat(tables(server, name)).contains("orders");

      Provisioner.Result rebuilt = new Provisioner().provision(request(target, Optional.of(version100()), true,
          Optional.of(new SeedSettings(7, 20, Map.of(), Map.of(), Set.of("status"))))); 
      assertThat(rebuilt.before()).isEqualTo(Provisioner.Before.REBUILT);
      assertThat(rebuilt.applied()).isEqualTo(2);
      assertThat(tables(server, name)).containsExactlyInAnyOrder("status", "customers");
      assertThat(rows(server, name, "customers")).isEqualTo(20);
      assertThat(rows(server, name, "status")).isEqualTo(2);
      assertThat(rebuilt.seeded()).isPresent();
    } finally {
      server.execute(engine == Engine.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
          : "DROP DATABASE IF EXISTS " + name);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEnvironmentHoldingTablesNotMadeByAChangelogIsRefusedUntouchedThenEmptiedByReset(Engine engine)
      throws Exception {
    try (TestDatabases.TempDatabase db = TestDatabases.require(engine).createDatabase()) {
      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE legacy (id INT PRIMARY KEY)");
        st.execute("INSERT INTO legacy VALUES (1)");
      }
      LiveTarget live = new LiveTarget(env("dev", db.url(), false), db.server().user(), db.server().password());
      Provisioner.Target target = new Provisioner.Target.OnEnvironment(live);
      assertThatThrownBy(() -> new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty())))
          .isInstanceOf(SetupException.class).hasMessageContaining("holds 1 table (legacy) but no DATABASECHANGELOG")
          .hasMessageContaining("nothing was changed");
      assertThat(tables(db)).containsExactly("legacy");

      Provisioner.Result reset = new Provisioner().provision(request(target, Optional.empty(), true, Optional.empty()));
      assertThat(reset.before()).isEqualTo(Provisioner.Before.REBUILT);
      assertThat(reset.applied()).isEqualTo(3);
      assertThat(tables(db)).containsExactlyInAnyOrder("status", "customers", "orders");
    }
  }

  @Test
  void aProtectedEnvironmentIsRefusedBeforeAnyConnection() throws Exception {
    // nothing listens on port 1: a connection attempt would fail with another message
    LiveTarget live = new LiveTarget(env("prod", "jdbc:postgresql://127.0.0.1:1/prod", true), Optional.of("x"),
        Secret.NONE);
    assertThatThrownBy(() -> new Provisioner().provision(request(new Provisioner.Target.OnEnvironment(live),
        Optional.empty(), true, Optional.empty()))).isInstanceOf(SetupException.class)
        .hasMessage("environment 'prod' is <protected>true</protected>: dbdevops:provision does not build or rebuild "
            + "it; provision a development or test environment (nothing was changed)");
  }

  @Test
  void anH2FileDatabaseIsCreatedOnceAndRebuiltByReset() throws Exception {
    Path where = dir.resolve("provisioned");
    Provisioner.Target target = new Provisioner.Target.H2File(where, "orders_service");
    Provisioner.Result first = new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty()));
    assertThat(first.before()).isEqualTo(Provisioner.Before.CREATED);
    assertThat(first.url()).isEqualTo("jdbc:h2:file:" + where.resolve("orders_service").toAbsolutePath()
        + ";AUTO_SERVER=TRUE");
    assertThat(Files.exists(where.resolve("orders_service.mv.db"))).isTrue();
    try (Connection c = DriverManager.getConnection(first.url(), "sa", ""); Statement st = c.createStatement()) {
      st.execute("INSERT INTO customers (id, email) VALUES (1, 'a@example.com')");
    }
    Provisioner.Result again = new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty()));
    assertThat(again.before()).isEqualTo(Provisioner.Before.EXISTING);
    assertThat(again.applied()).isZero();
    assertThat(count(first.url(), "customers")).isEqualTo(1);

    Provisioner.Result reset = new Provisioner().provision(request(target, Optional.empty(), true, Optional.empty()));
    assertThat(reset.before()).isEqualTo(Provisioner.Before.REBUILT);
    assertThat(reset.applied()).isEqualTo(3);
    assertThat(count(first.url(), "customers")).isZero();
    assertThat(ProvisionedProperties.render(reset)).contains("spring.datasource.url=" + first.url() + "\n",
        "spring.datasource.username=sa\n", "spring.datasource.password=\n", "dbdevops.provisioned.version=head\n",
        "dbdevops.provisioned.changesets=3\n");
  }

  /**
   * In a container of its own: where this machine has a Docker engine, a PostgreSQL container is provisioned and
   * removed; where it has none (this project's CI machines), the error says so and where it looked, and nothing is made.
   */
  @Test
  void inAContainerWhereADockerEngineExistsElseAClearError() throws Exception {
    Provisioner.Target target = new Provisioner.Target.InContainer("postgres:16-alpine", "dbdevops_test_container");
    if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
      assertThatThrownBy(() -> new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty())))
          .isInstanceOf(SetupException.class)
          .hasMessageStartingWith("provision in a container needs a Docker engine, and none was found (")
          .hasMessageContaining("nothing was created");
      return;
    }
    try {
      Provisioner.Result r = new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty()));
      assertThat(r.applied()).isEqualTo(3);
      assertThat(count(r.url(), "postgres", "status")).isEqualTo(2);
      assertThat(new Provisioner().provision(request(target, Optional.empty(), false, Optional.empty())).applied())
          .isZero();
    } finally {
      var docker = org.testcontainers.DockerClientFactory.instance().client();
      docker.listContainersCmd().withShowAll(true).withNameFilter(List.of("dbdevops-dbdevops-test-container")).exec()
          .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
    }
  }

  @Test
  void databaseNamesComeFromTheArtifactId() {
    assertThat(Provisioner.databaseName("orders-service")).isEqualTo("orders_service");
    assertThat(Provisioner.databaseName("Shop.API")).isEqualTo("shop_api");
    assertThat(Provisioner.databaseName("3d-print")).isEqualTo("db_3d_print");
    assertThatThrownBy(() -> Provisioner.checkedName("x; DROP DATABASE y")).isInstanceOf(SetupException.class)
        .hasMessageContaining("-Ddbdevops.provision.database");
  }

  @Test
  void anUnknownVersionNamesTheReleasedOnes() {
    SumFile sum = SumFile.of(List.of(new SumFile.Entry("master.xml", "1-status", "t", "x")),
        List.of(SumFile.release(SemanticVersion.parse("1.0.0"), 1, List.of())));
    assertThatThrownBy(() -> ReleasedVersion.of(sum, "1.1.0", "-Ddbdevops.provision.at"))
        .isInstanceOf(SetupException.class)
        .hasMessage("-Ddbdevops.provision.at: version 1.1.0 was never released (dbdevops.sum records 1.0.0)");
  }

  private static Environment env(String name, String url, boolean isProtected) {
    return new Environment(name, List.of(name), url, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), UpdateOptions.DEFAULT, List.of(), DriftPolicy.FAIL, List.of(), false, isProtected);
  }

  private static List<String> tables(TestDatabases.Server server, String name) throws Exception {
    try (Connection c = server.connect(TestDatabases.withDatabase(server.url(), name))) {
      return tables(c, server.engine());
    }
  }

  private static List<String> tables(TestDatabases.TempDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      return tables(c, db.server().engine());
    }
  }

  /** The tables of the connection's schema as the engine's catalog lists them, without Liquibase's own. */
  private static List<String> tables(Connection c, Engine engine) throws Exception {
    String schema = engine == Engine.POSTGRESQL ? "'public'" : "DATABASE()";
    List<String> names = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM "
        + "information_schema.tables WHERE table_schema = " + schema)) {
      while (rs.next()) {
        String t = rs.getString(1).toLowerCase();
        if (!t.startsWith("databasechangelog")) {
          names.add(t);
        }
      }
    }
    return names;
  }

  private static long rows(TestDatabases.Server server, String name, String table) throws Exception {
    try (Connection c = server.connect(TestDatabases.withDatabase(server.url(), name)); Statement st =
        c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(String url, String table) throws Exception {
    return count(url, "sa", table);
  }

  private static long count(String url, String user, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
