package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.model.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The testcontainers shadow on both kinds of machine: without a Docker engine it must fail at once with a message
 * naming the providers that need none; with one it must give a working PostgreSQL shadow.
 */
class TestcontainersShadowProviderTest {

  @TempDir
  Path dir;

  static ShadowSettings settings(String image) {
    return new ShadowSettings("testcontainers", Optional.empty(), Optional.empty(), Secret.NONE, Optional.ofNullable(image));
  }

  @Test
  void failsClearlyAndAtOnceWithoutDockerOrAppliesTheExampleWithDocker() {
    Fixtures.example(dir);
    Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
    long t0 = System.nanoTime();
    Gate.Built built;
    try {
      // the first Docker lookup of this JVM happens here, so the time below is the user's wait
      built = gate.build(Fixtures.settings(dir, settings(null)));
    } catch (SetupException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(DockerClientFactory.instance().isDockerAvailable()).as("Docker is available, yet: " + e.getMessage())
          .isFalse();
      assertThat(e).hasMessageStartingWith("no Docker engine found for the testcontainers shadow (")
          .hasMessageEndingWith("); use -Ddbdevops.shadow=h2, postgres-embedded or url");
      // not a speed test: it catches Testcontainers waiting its 60 s for an engine that does not exist
      assertThat(took).as("time to report the missing Docker engine").isLessThan(Duration.ofSeconds(45));
      return;
    }
    assertThat(DockerClientFactory.instance().isDockerAvailable()).isTrue();
    assertThat(built.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(built.shadow()).startsWith("PostgreSQL 16.").endsWith("in a container of postgres:16-alpine (testcontainers)");
    assertThat(built.update().applied()).hasSize(7);
    assertThat(built.model().tables()).extracting(Table::name)
        .containsExactly("customers", "order_lines", "order_status", "orders", "products");
    assertThat(built.model().views()).hasSize(1);
    assertThat(built.model().sequences()).hasSize(1);
  }

  @Test
  void anImageOfAnUnknownDatabaseIsRefusedBeforeAnyDockerWork() {
    assertThatThrownBy(() -> new TestcontainersShadowProvider().open(settings("redis:7-alpine")))
        .isInstanceOf(SetupException.class)
        .hasMessageContaining("cannot tell which database the image 'redis:7-alpine' runs")
        .hasMessageContaining("-Ddbdevops.shadow.image");
  }

  @Test
  void mariaDbImagesAreAcceptedWhereDockerRuns() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      assertThatThrownBy(() -> new TestcontainersShadowProvider().open(settings("mariadb:11")))
          .isInstanceOf(SetupException.class).hasMessageStartingWith("no Docker engine found");
      return;
    }
    try (ShadowDatabase shadow = new TestcontainersShadowProvider().open(settings("mariadb:11"))) {
      assertThat(shadow.dialect()).isEqualTo(Dialect.MARIADB);
      assertThat(shadow.defaultSchema()).isNotBlank();
      assertThat(shadow.description()).startsWith("MariaDB 11.");
    }
  }

  @Test
  void isRegisteredUnderItsId() {
    assertThat(ShadowProviders.load().ids()).contains("testcontainers", "postgres-embedded", "h2", "url");
    assertThat(ShadowProviders.load().get("testcontainers")).isInstanceOf(TestcontainersShadowProvider.class);
    assertThat(List.of(settings("postgres:16-alpine").image(), settings("  ").image()))
        .containsExactly(Optional.of("postgres:16-alpine"), Optional.empty());
  }
}
