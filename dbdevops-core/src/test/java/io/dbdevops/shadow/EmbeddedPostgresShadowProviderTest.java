package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The postgres-embedded shadow: real PostgreSQL binaries from Maven Central, started and stopped per shadow. */
class EmbeddedPostgresShadowProviderTest {

  static final ShadowSettings SETTINGS =
      new ShadowSettings("postgres-embedded", Optional.empty(), Optional.empty(), Secret.NONE);

  @TempDir
  Path dir;

  /** Where one shadow's server ran: its postmaster and data directory, read while it was open. */
  record Server(ProcessHandle postmaster, Path dataDirectory) {

    static Server of(Connection c) throws SQLException {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), current_setting('data_directory')")) {
        rs.next();
        ProcessHandle backend = ProcessHandle.of(rs.getLong(1)).orElseThrow();
        return new Server(backend.parent().orElseThrow(), Path.of(rs.getString(2)));
      }
    }

    /**
     * Every process still running from this server: the postmaster, its children, anything started on its data
     * directory. An exited process that init has not reaped yet (a zombie, "defunct" in ps) is not running.
     */
    List<String> stillRunning() {
      List<String> running = new ArrayList<>();
      if (running(postmaster)) {
        running.add(postmaster.pid() + " " + postmaster.info().commandLine().orElse("postmaster"));
      }
      postmaster.descendants().filter(Server::running).forEach(p -> running.add(p.pid() + " " + p.info().commandLine().orElse("?")));
      ProcessHandle.allProcesses().filter(Server::running)
          .filter(p -> p.info().commandLine().orElse("").contains(dataDirectory.toString()))
          .forEach(p -> running.add(p.pid() + " " + p.info().commandLine().orElse("?")));
      return running;
    }

    static boolean running(ProcessHandle p) {
      if (!p.isAlive()) {
        return false;
      }
      try {
        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
        return "ZX".indexOf(stat.charAt(stat.lastIndexOf(')') + 2)) < 0;
      } catch (java.io.IOException e) {
        return p.isAlive();
      }
    }
  }

  /** Delegates to the real provider and notes the server of each shadow it opens. */
  static final class Recording implements ShadowProvider {
    final EmbeddedPostgresShadowProvider real = new EmbeddedPostgresShadowProvider();
    final List<Server> servers = new ArrayList<>();

    @Override
    public String id() {
      return real.id();
    }

    @Override
    public ShadowDatabase open(ShadowSettings settings) {
      ShadowDatabase shadow = real.open(settings);
      try {
        servers.add(Server.of(shadow.connection()));
      } catch (SQLException e) {
        shadow.close();
        throw new AssertionError(e);
      }
      return shadow;
    }
  }

  @Test
  void theExampleChangelogAppliesThroughTheGateAndNoServerIsLeftRunning() {
    Fixtures.example(dir);
    Recording provider = new Recording();
    Gate gate = new Gate(new ShadowProviders(List.of(provider)), GateListener.SILENT);

    Gate.Built built = gate.build(Fixtures.settings(dir, SETTINGS));

    assertThat(built.update().applied()).hasSize(7);
    assertThat(built.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(built.shadow()).matches("embedded PostgreSQL 16\\.\\d+ \\(zonky\\)");
    assertThat(built.model().tables()).extracting(Table::name)
        .containsExactly("customers", "order_lines", "order_status", "orders", "products");
    assertThat(built.model().views()).extracting(View::name).containsExactly("order_totals");
    assertThat(built.model().sequences()).extracting(Sequence::name).containsExactly("invoice_number_seq");

    assertThat(provider.servers).singleElement().satisfies(server -> {
      assertThat(server.stillRunning()).as("processes of the closed shadow").isEmpty();
      assertThat(server.dataDirectory()).doesNotExist();
    });
  }

  @Test
  void aShadowIsAFreshDatabaseInPublicAndCloseStopsTheServerAndRemovesItsFiles() throws Exception {
    ShadowDatabase shadow = new ShadowProviders(List.of(new EmbeddedPostgresShadowProvider())).open(SETTINGS);
    Server server;
    Path workDirectory;
    try {
      server = Server.of(shadow.connection());
      workDirectory = server.dataDirectory().getParent();
      assertThat(server.postmaster().isAlive()).isTrue();
      assertThat(shadow.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(shadow.defaultSchema()).isEqualTo("public");
      try (Statement st = shadow.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT current_schema(), (SELECT count(*) FROM pg_tables WHERE schemaname = "
              + "'public'), current_setting('server_version_num')::int / 10000")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("public");
        assertThat(rs.getInt(2)).as("tables in a fresh shadow").isZero();
        assertThat(rs.getInt(3)).as("major version").isEqualTo(16);
      }
    } finally {
      shadow.close();
    }
    assertThat(server.stillRunning()).isEmpty();
    assertThat(workDirectory).doesNotExist();
    assertThat(Files.exists(server.dataDirectory())).isFalse();
    shadow.close(); // twice is harmless
  }

  @Test
  void twoShadowsOpenAtOnceAreSeparateServers() throws Exception {
    EmbeddedPostgresShadowProvider provider = new EmbeddedPostgresShadowProvider();
    try (ShadowDatabase a = provider.open(SETTINGS); ShadowDatabase b = provider.open(SETTINGS)) {
      try (Statement st = a.connection().createStatement()) {
        st.execute("CREATE TABLE only_in_a (id int)");
      }
      assertThat(Server.of(a.connection()).postmaster().pid()).isNotEqualTo(Server.of(b.connection()).postmaster().pid());
      try (ResultSet rs = b.connection().getMetaData().getTables(null, "public", "only_in_a", null)) {
        assertThat(rs.next()).as("a table of shadow a seen in shadow b").isFalse();
      }
    }
  }

  @Test
  void isRegisteredUnderItsId() {
    assertThat(ShadowProviders.load().get("postgres-embedded")).isInstanceOf(EmbeddedPostgresShadowProvider.class);
  }
}
