package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dbdevops.SetupException;
import io.dbdevops.config.Secret;
import io.dbdevops.testdb.TestDatabases;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees when the url shadow cannot connect: the setting to change, and never the password.
 *
 * <p>The wrong-password case runs on MariaDB: the PostgreSQL servers on the development machines trust every local
 * connection (pg_hba {@code trust}), so any password is accepted there.
 */
class UrlShadowConnectionErrorsTest {

  private final ShadowProviders providers = ShadowProviders.load();

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/postgres", "jdbc:mariadb://127.0.0.1:1/"})
  void unreachablePortNamesTheSetting(String url) {
    ShadowSettings settings = new ShadowSettings("url", Optional.of(url), Optional.of("someone"), Secret.of("pw-123"));
    assertThatThrownBy(() -> providers.open(settings)).isInstanceOf(SetupException.class)
        .hasMessageContaining("cannot reach the database at " + url)
        .hasMessageContaining("-Ddbdevops.shadow.url")
        .hasMessageNotContaining("pw-123");
  }

  @Test
  void wrongPasswordSaysTheCredentialsWereRefusedAndNeverShowsAPassword() throws Exception {
    TestDatabases.Server server = TestDatabases.mariadb();
    String user = "dbdevops_pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String real = "Real-" + UUID.randomUUID();
    String wrong = "Wrong-" + UUID.randomUUID();
    server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + real + "'",
        "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + real + "'");
    try {
      ShadowSettings settings = new ShadowSettings("url", Optional.of(server.url()), Optional.of(user), Secret.of(wrong));
      Throwable thrown = catchThrowable(() -> providers.open(settings));
      assertThat(thrown).isInstanceOf(SetupException.class)
          .hasMessageContaining("refused the credentials")
          .hasMessageContaining("'" + user + "'")
          .hasMessageContaining("check the user and the password");
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName())
            .doesNotContain(wrong).doesNotContain(real);
      }
      assertThat(settings.toString()).doesNotContain(wrong);
    } finally {
      server.execute("DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
    }
  }

  @Test
  void aUrlCarryingUserAndPasswordWorksAndItsWrongPasswordNeverShows() throws Exception {
    TestDatabases.Server server = TestDatabases.mariadb();
    String user = "dbdevops_pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String real = "Real@/" + UUID.randomUUID();
    String encoded = java.net.URLEncoder.encode(real, java.nio.charset.StandardCharsets.UTF_8);
    server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + real + "'",
        "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + real + "'",
        "GRANT ALL ON `dbdevops\\_shadow\\_%`.* TO '" + user + "'@'%'",
        "GRANT ALL ON `dbdevops\\_shadow\\_%`.* TO '" + user + "'@'localhost'");
    try {
      String url = "jdbc:mariadb://" + user + ":" + encoded + "@127.0.0.1:3306/";
      try (ShadowDatabase shadow = providers.open(new ShadowSettings("url", Optional.of(url), Optional.empty(), Secret.NONE))) {
        assertThat(shadow.dialect()).isEqualTo(io.dbdevops.config.Dialect.MARIADB);
        assertThat(shadow.description()).startsWith("mariadb temporary database").doesNotContain(encoded).doesNotContain(user);
      }
      String wrong = "jdbc:mariadb://" + user + ":Wrong-" + encoded + "@127.0.0.1:3306/";
      Throwable thrown = catchThrowable(() -> providers.open(new ShadowSettings("url", Optional.of(wrong), Optional.empty(),
          Secret.NONE)));
      assertThat(thrown).isInstanceOf(SetupException.class).hasMessageContaining("refused the credentials")
          .hasMessageContaining("'" + user + "'");
      assertThat(printed(thrown)).doesNotContain("Wrong-").doesNotContain(real).doesNotContain(encoded);
    } finally {
      server.execute("DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:postgresql://someone:Pa55%2Fw0rd@127.0.0.1:1/postgres",
      "jdbc:postgresql://127.0.0.1:1/postgres?user=someone&password=Pa55%2Fw0rd", "jdbc:mariadb://someone:Pa55%2Fw0rd@127.0.0.1:1/"})
  void anUnreachableServerNeverShowsThePasswordItsUrlCarries(String url) {
    Throwable thrown = catchThrowable(() -> providers.open(new ShadowSettings("url", Optional.of(url), Optional.empty(),
        Secret.NONE)));
    assertThat(thrown).isInstanceOf(SetupException.class).hasMessageContaining("cannot reach the database at "
        + JdbcUrls.redact(url));
    assertThat(printed(thrown)).doesNotContain("Pa55").doesNotContain("UGE1NS");
  }

  /** The exception as Maven prints it at -X: messages, causes and stack. */
  private static String printed(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  @Test
  void noPrivilegeToCreateTheTemporaryDatabaseNamesTheGrantAndTheSetting() throws Exception {
    TestDatabases.Server server = TestDatabases.postgres();
    String role = "dbdevops_nocreate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    server.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
    try {
      ShadowSettings settings = new ShadowSettings("url", Optional.of(server.url()), Optional.of(role), Secret.NONE);
      assertThatThrownBy(() -> providers.open(settings)).isInstanceOf(SetupException.class)
          .hasMessageContaining("no privilege to create the temporary shadow database")
          .hasMessageContaining("user '" + role + "'")
          .hasMessageContaining("CREATEDB")
          .hasMessageContaining("-Ddbdevops.shadow.url");
    } finally {
      server.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  void unsupportedDatabaseProductNamesTheSupportedOnes() {
    assertThatThrownBy(() -> io.dbdevops.config.Dialect.fromProductName("Oracle")).isInstanceOf(SetupException.class)
        .hasMessage("unsupported database product 'Oracle': dbdevops supports H2, PostgreSQL and MariaDB/MySQL");
  }

  @Test
  void anH2UrlWithItsOwnUserAndPasswordWinsOverTheConfiguredOnes() {
    // H2 refuses a setting given twice ("Duplicate property PASSWORD"), e.g. ;PASSWORD= and DBDEVOPS_SHADOW_PASSWORD
    String url = "jdbc:h2:mem:url_shadow_" + UUID.randomUUID() + ";USER=sa;PASSWORD=h2-Pa55";
    ShadowSettings settings = new ShadowSettings("url", Optional.of(url), Optional.of("someone"), Secret.of("env-Pa55"));
    try (ShadowDatabase shadow = providers.open(settings)) {
      assertThat(shadow.dialect()).isEqualTo(io.dbdevops.config.Dialect.H2);
      assertThat(shadow.description()).doesNotContain("h2-Pa55").doesNotContain("PASSWORD");
    }
  }

  @Test
  void h2UrlIsUsedAsItIs() {
    ShadowSettings settings = new ShadowSettings("url", Optional.of("jdbc:h2:mem:url_shadow_" + UUID.randomUUID()),
        Optional.of("sa"), Secret.NONE);
    try (ShadowDatabase shadow = providers.open(settings)) {
      assertThat(shadow.dialect()).isEqualTo(io.dbdevops.config.Dialect.H2);
      assertThat(shadow.description()).startsWith("h2 at jdbc:h2:mem:url_shadow_");
    }
  }
}
