package io.dbdevops.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Temporary shadow databases a killed build left are dropped by a later build on that server, by their exact name
 * pattern and the creation time in it, and nothing else is: not a young one (a build may be using it), not one with a
 * session on it, not a database whose name only looks alike.
 */
class ShadowOrphansTest {

  @Test
  void namesCarryTheirCreationTimeAndOnlyTheExactPatternMatches() {
    Instant at = Instant.parse("2026-12-02T01:35:07Z");
    String name = ShadowOrphans.newName(at);
    assertThat(name).matches("dbdevops_shadow_20261202t013507z_[0-9a-f]{8}").hasSizeLessThan(64);
    assertThat(ShadowOrphans.createdAt(name)).contains(at);
    assertThat(ShadowOrphans.createdAt(name + "_keep")).isEmpty();
    assertThat(ShadowOrphans.createdAt("x" + name)).isEmpty();
    assertThat(ShadowOrphans.createdAt("dbdevops_shadow_0123456789abcdef")).as("the older names, without a time").isEmpty();
    assertThat(ShadowOrphans.createdAt("dbdevops_shadow_20261399t013507z_0a1b2c3d")).as("no such date").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aLaterBuildDropsOnlyTheOldOrphans(Engine engine) throws Exception {
    Server server = TestDatabases.require(engine);
    Instant now = Instant.now();
    String old = ShadowOrphans.newName(now.minus(Duration.ofHours(7)));
    String oldInUse = ShadowOrphans.newName(now.minus(Duration.ofHours(8)));
    String young = ShadowOrphans.newName(now.minus(Duration.ofHours(5)));
    String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    List<String> unrelated = List.of(old + "_keep", "dbdevops_shadowx_20200101t000000z_" + hex,
        "dbdevops_shadow_" + hex + hex, "dbdevops_shadow_20201399t000000z_" + hex, "keep_" + old);
    List<String> created = new ArrayList<>(List.of(old, oldInUse, young));
    created.addAll(unrelated);
    try {
      for (String name : created) {
        server.execute("CREATE DATABASE " + name);
      }
      List<String> notes;
      try (Connection session = server.connect(TestDatabases.withDatabase(server.url(), oldInUse));
          ShadowDatabase shadow = new UrlShadowProvider().open(server.shadowSettings())) {
        assertThat(session.isValid(5)).isTrue();
        notes = shadow.notes();
      }
      List<String> databases = server.databases();
      assertThat(databases).as("the old orphan is dropped").doesNotContain(old);
      assertThat(databases).as("a young shadow, one in use, and look-alikes stay").contains(young, oldInUse)
          .containsAll(unrelated);
      assertThat(notes).singleElement().asString()
          .matches("dropped \\d+ temporary shadow databases? older than 6 h that killed builds left on the server: .*")
          .contains(old).doesNotContain(young).doesNotContain(oldInUse);
    } finally {
      for (String name : created) {
        server.execute(engine == Engine.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
            : "DROP DATABASE IF EXISTS " + name);
      }
    }
  }
}
