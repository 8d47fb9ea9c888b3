package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The database a shadow will be, known before it is opened: what the changesets are selected for. */
class ShadowDialectTest {

  private final ShadowProviders providers = ShadowProviders.load();

  @Test
  void eachProviderSaysItsDatabaseWithoutOpeningOne() {
    assertThat(providers.dialect(ShadowSettings.H2)).isEqualTo(Dialect.H2);
    assertThat(providers.dialect(settings("postgres-embedded", null, null))).isEqualTo(Dialect.POSTGRESQL);
    assertThat(providers.dialect(settings("testcontainers", null, null))).isEqualTo(Dialect.POSTGRESQL);
    assertThat(providers.dialect(settings("testcontainers", null, "mariadb:11"))).isEqualTo(Dialect.MARIADB);
    // no server answers at these ports: the URL alone says it
    assertThat(providers.dialect(settings("url", "jdbc:postgresql://127.0.0.1:1/postgres", null)))
        .isEqualTo(Dialect.POSTGRESQL);
    assertThat(providers.dialect(settings("url", "jdbc:mariadb://127.0.0.1:1/", null))).isEqualTo(Dialect.MARIADB);
    assertThat(providers.dialect(settings("url", "jdbc:mysql://127.0.0.1:1/app", null))).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void aProviderThatCannotTellIsAskedThroughAShadowItOpens() {
    ShadowProvider plain = new ShadowProvider() {
      @Override
      public String id() {
        return "plain";
      }

      @Override
      public ShadowDatabase open(ShadowSettings settings) {
        return new H2ShadowProvider().open(ShadowSettings.H2);
      }
    };
    assertThat(new ShadowProviders(List.of(plain)).dialect(settings("plain", null, null))).isEqualTo(Dialect.H2);
  }

  private static ShadowSettings settings(String provider, String url, String image) {
    return new ShadowSettings(provider, Optional.ofNullable(url), Optional.empty(), Secret.NONE,
        Optional.ofNullable(image));
  }
}
