package io.dbdevops.recovery;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.env.BackupPolicy;
import io.dbdevops.env.DeployOptions;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.Environment;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.release.SemanticVersion;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recovery tests' environment: a database of the test's own ({@code dbdevops_rec_*}) on a real server and the
 * fixture changelogs ({@code src/test/resources/recovery}): v1 = customers, orders (released as 1.0.0); v2 adds
 * orders.coupon; v3 drops orders.note (with a {@code <rollback>}); irreversible = v2 plus a raw UPDATE without one.
 */
final class RecoveryFixture implements AutoCloseable {

  static final Path ROOT = Path.of("src/test/resources/recovery");

  static ChangelogSource changelog(String name) {
    return new ChangelogSource(ROOT, "db/" + name + ".xml");
  }

  final Engine engine;
  final Server server;
  final String name;
  final String url;
  final Path backups;

  private RecoveryFixture(Engine engine, Server server, String name, Path backups) {
    this.engine = engine;
    this.server = server;
    this.name = name;
    this.url = TestDatabases.withDatabase(server.url(), name);
    this.backups = backups;
  }

  static RecoveryFixture create(Engine engine, Path backups) throws SQLException {
    Server server = TestDatabases.require(engine);
    String name = "dbdevops_rec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    server.execute("CREATE DATABASE " + name);
    return new RecoveryFixture(engine, server, name, backups);
  }

  boolean postgres() {
    return engine == Engine.POSTGRESQL;
  }

  LiveTarget target(BackupPolicy policy, boolean isProtected) {
    Environment env = new Environment("rec", List.of("rec"), url, Optional.empty(), server.user(), Optional.empty(),
        Optional.empty(), LiquibaseRunner.UpdateOptions.DEFAULT, List.of(), DriftPolicy.FAIL, List.of(), false,
        isProtected, new DeployOptions(DeployOptions.DEFAULT_LOCK_TIMEOUT, 3, policy, Optional.of(backups)));
    return new LiveTarget(env, server.user(), server.password());
  }

  LiveTarget target() {
    return target(BackupPolicy.LOSSY, false);
  }

  static DriftDetector.Settings settings(String changelog) {
    return new DriftDetector.Settings(changelog(changelog));
  }

  /** dbdevops.sum of {@code changelog} with release 1.0.0 after the first two changesets. */
  static SumFile sum(String changelog) {
    List<ChangeSetInfo> all = new ChangelogReader().read(changelog(changelog));
    return SumFile.of(all.stream().map(SumFile.Entry::of).toList(),
        List.of(SumFile.release(SemanticVersion.parse("1.0.0"), 2, List.of())));
  }

  Connection connect() throws SQLException {
    return server.connect(url);
  }

  void execute(String... statements) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** The columns of {@code table} as the engine's catalog lists them, in order. */
  List<String> columns(String table) throws SQLException {
    String sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        + (postgres() ? "'public'" : "'" + name + "'") + " AND table_name = '" + table + "' ORDER BY ordinal_position";
    return strings(sql);
  }

  /** The tables of the database, sorted (Liquibase's own included). */
  List<String> tables() throws SQLException {
    return strings("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = "
        + (postgres() ? "'public'" : "'" + name + "'") + " ORDER BY 1");
  }

  /** DATABASECHANGELOG's ids in execution order. */
  List<String> history() throws SQLException {
    return strings("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
  }

  List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(String.join("|", row.stream().map(v -> v == null ? "<null>" : v).toList()));
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    server.execute(postgres() ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
  }
}
