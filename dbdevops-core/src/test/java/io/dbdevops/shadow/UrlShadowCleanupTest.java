package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.testdb.Engine;
import io.dbdevops.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The url shadow leaves the server as it found it: its temporary database exists while the changelog is applied
 * and is gone afterwards, after a passing build and after a failing changeset. Other builds may use the same server
 * at the same time, so the test follows its own database by name rather than counting databases.
 */
class UrlShadowCleanupTest {

  private static final Pattern NAME = Pattern.compile("temporary database (\\w+)");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void temporaryDatabaseIsDroppedAfterASuccessfulBuild(Engine engine) throws SQLException {
    TestDatabases.Server server = engine.server();
    Fixtures.example(dir);
    Watcher watcher = new Watcher(server);

    Gate.Built built = new Gate(ShadowProviders.load(), watcher).build(Fixtures.settings(dir, server.shadowSettings()));

    assertThat(built.update().applied()).hasSize(7);
    assertThat(watcher.existedWhileOpen).as("%s existed while the changelog was applied", watcher.name).isTrue();
    assertThat(server.databases()).doesNotContain(watcher.name);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void temporaryDatabaseIsDroppedAfterAFailingChangeset(Engine engine) throws SQLException {
    TestDatabases.Server server = engine.server();
    GateSettings settings = Fixtures.settings(dir, server.shadowSettings());
    Fixtures.example(dir);
    Fixtures.addChangeset(dir, "100-bad.xml", Fixtures.xmlChangeset("100-bad", "<sql>ALTER TABLE no_such_table ADD x INT</sql>"));
    Watcher watcher = new Watcher(server);

    assertThatThrownBy(() -> new Gate(ShadowProviders.load(), watcher).build(settings))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining("changeset 100-bad");

    assertThat(watcher.existedWhileOpen).as("%s existed while the changelog was applied", watcher.name).isTrue();
    assertThat(server.databases()).doesNotContain(watcher.name);
  }

  @Test
  void mariaDbUrlWithAnEmptyDatabaseAndAQueryMarkWorks() throws SQLException {
    TestDatabases.Server server = TestDatabases.mariadb();
    String url = JdbcUrls.withDatabase(server.url(), "");
    url = url.contains("?") ? url : url + "?";
    Fixtures.example(dir);
    Watcher watcher = new Watcher(server);

    Gate.Built built = new Gate(ShadowProviders.load(), watcher)
        .build(Fixtures.settings(dir, new ShadowSettings("url", Optional.of(url), server.user(), server.password())));

    assertThat(built.model().tables()).hasSize(5);
    assertThat(server.databases()).doesNotContain(watcher.name);
  }

  /** Notes the temporary database's name and whether the server listed it while the shadow was open. */
  private static final class Watcher implements GateListener {
    private final TestDatabases.Server server;
    private final List<String> seen = new ArrayList<>();
    String name;
    boolean existedWhileOpen;

    Watcher(TestDatabases.Server server) {
      this.server = server;
    }

    @Override
    public void shadowOpened(String description) {
      Matcher m = NAME.matcher(description);
      assertThat(m.find()).as("shadow description names its database: %s", description).isTrue();
      name = m.group(1);
      try {
        seen.addAll(server.databases());
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      existedWhileOpen = seen.contains(name);
    }
  }
}
