package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The url shadow swaps the database part of the user's URL for its temporary database, keeping everything else. */
class JdbcUrlsTest {

  @Test
  void databasePartIsReplacedWhateverItLooksLike() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "tmp")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tmp");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/app?sslmode=disable&x=1", "tmp"))
        .isEqualTo("jdbc:postgresql://db:5432/tmp?sslmode=disable&x=1");
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/test?", "tmp")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/tmp?");
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/", "tmp")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/tmp");
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306", "tmp")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/tmp");
    assertThat(JdbcUrls.withDatabase("jdbc:mysql://h1:3306,h2:3306/app?useSSL=false", "tmp"))
        .isEqualTo("jdbc:mysql://h1:3306,h2:3306/tmp?useSSL=false");
  }

  @Test
  void emptyDatabasePartIsNoDatabase() {
    assertThat(JdbcUrls.database("jdbc:mariadb://127.0.0.1:3306/")).isEmpty();
    assertThat(JdbcUrls.database("jdbc:mariadb://127.0.0.1:3306/?")).isEmpty();
    assertThat(JdbcUrls.database("jdbc:mariadb://127.0.0.1:3306/test?")).contains("test");
    assertThat(JdbcUrls.isServerUrl("jdbc:h2:mem:x")).isFalse();
  }

  @Test
  void redactedUrlHasNoCredentialsOrParameters() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/app?user=u&password=hunter2")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app");
    assertThat(JdbcUrls.redact("jdbc:mariadb://u:hunter2@127.0.0.1:3306/app")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/app");
  }
}
