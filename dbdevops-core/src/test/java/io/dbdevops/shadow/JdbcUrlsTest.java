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

  @Test
  void redactedUrlDropsUserInfoEvenWithEncodedCharacters() {
    assertThat(JdbcUrls.redact("jdbc:mariadb://u:p%40ss%2Fw@127.0.0.1:3306/app?x=1")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/app");
    assertThat(JdbcUrls.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:mem:x");
  }

  @Test
  void userInfoIsTakenOutOfTheUrlDecoded() {
    JdbcUrls.UserInfo info = JdbcUrls.userInfo("jdbc:mariadb://dbd_user:S3cr3t%40x+y@127.0.0.1:3306/app?sslMode=disable");
    assertThat(info.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/app?sslMode=disable");
    assertThat(info.user()).contains("dbd_user");
    assertThat(info.password()).contains("S3cr3t@x+y");
    JdbcUrls.UserInfo none = JdbcUrls.userInfo("jdbc:postgresql://127.0.0.1:5432/app?user=a@b");
    assertThat(none.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?user=a@b");
    assertThat(none.user()).isEmpty();
    assertThat(JdbcUrls.userInfo("jdbc:postgresql://only_user@db/app").password()).isEmpty();
  }

  @Test
  void passwordsAreFoundInUserInfoParametersAndH2Settings() {
    assertThat(JdbcUrls.passwords("jdbc:postgresql://db/app?user=u&password=p%23w1&sslpassword=k3y"))
        .extracting(io.dbdevops.config.Secret::reveal).containsExactly("p%23w1", "p#w1", "k3y");
    assertThat(JdbcUrls.passwords("jdbc:mariadb://u:pw%2F1@db/app")).extracting(io.dbdevops.config.Secret::reveal)
        .containsExactly("pw/1");
    assertThat(JdbcUrls.passwords("jdbc:h2:mem:x;USER=sa;PASSWORD=h2pw")).extracting(io.dbdevops.config.Secret::reveal)
        .containsExactly("h2pw");
    assertThat(JdbcUrls.carriesPassword("jdbc:postgresql://db:5432/app?user=u")).isFalse();
    assertThat(JdbcUrls.carriesPassword("jdbc:mariadb://127.0.0.1:3306/")).isFalse();
  }
}
