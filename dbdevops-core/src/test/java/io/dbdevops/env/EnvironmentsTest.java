package io.dbdevops.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.config.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

  private static EnvironmentDefinition prod = new EnvironmentDefinition("prod", Optional.empty(),
      Optional.of("jdbc:postgresql://db:5432/app"), Optional.of("prod-db"), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.of("prod"), Optional.empty(), Map.of("schema_owner", "app", "region", "eu"),
      Optional.of(List.of("app")), Optional.of(DriftPolicy.FAIL), Optional.of(List.of("SELECT ON orders TO reporting")));

  private static EnvironmentDefinition acme = new EnvironmentDefinition("prod-acme", Optional.of("prod"),
      Optional.of("jdbc:postgresql://acme:5432/app"), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.of("acme"), Map.of("region", "us"), Optional.empty(),
      Optional.of(DriftPolicy.WARN), Optional.of(List.of("SELECT, INSERT ON orders TO acme_etl")));

  private final Environments environments = new Environments(List.of(prod, acme));

  @Test
  void aSiteOverridesScalarsMergesParametersAndReplacesLists() {
    Environment env = environments.resolve("prod-acme");
    assertThat(env.url()).isEqualTo("jdbc:postgresql://acme:5432/app");
    assertThat(env.serverId()).contains("prod-db");
    assertThat(env.updateOptions().contexts()).contains("prod");
    assertThat(env.updateOptions().labels()).contains("acme");
    assertThat(env.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("schema_owner", "app", "region", "us"));
    assertThat(env.schemas()).containsExactly("app");
    assertThat(env.driftPolicy()).isEqualTo(DriftPolicy.WARN);
    assertThat(env.grants()).extracting(Grant::toString)
        .containsExactly("INSERT ON orders TO acme_etl", "SELECT ON orders TO acme_etl");
    assertThat(env.title()).isEqualTo("prod-acme (extends prod)");
  }

  @Test
  void anUnknownEnvironmentListsTheKnownOnes() {
    assertThatThrownBy(() -> environments.resolve("staging")).isInstanceOf(SetupException.class)
        .hasMessage("unknown environment 'staging' (-Ddbdevops.environment); known environments: prod, prod-acme");
  }

  @Test
  void aServerIdMissingFromSettingsIsNamed() {
    assertThatThrownBy(() -> Environments.target(environments.resolve("prod"), id -> Optional.empty(), v -> null))
        .isInstanceOf(SetupException.class)
        .hasMessageStartingWith("no <server> with id 'prod-db' in settings.xml (named by <serverId> of environment 'prod')");
  }

  @Test
  void credentialsComeFromTheServerOrEnvironmentVariablesAndNeverPrint() {
    LiveTarget fromServer = Environments.target(environments.resolve("prod"),
        id -> Optional.of(new Environments.ServerCredentials(Optional.of("deployer"), Secret.of("s3cret"))), v -> null);
    assertThat(fromServer.username()).contains("deployer");
    assertThat(fromServer.password().reveal()).isEqualTo("s3cret");
    assertThat(fromServer.toString()).doesNotContain("s3cret");

    EnvironmentDefinition dev = new EnvironmentDefinition("dev", Optional.empty(), Optional.of("jdbc:h2:mem:x"),
        Optional.empty(), Optional.empty(), Optional.of("DEV_USER"), Optional.of("DEV_PASSWORD"), Optional.empty(),
        Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    Environment env = new Environments(List.of(dev)).resolve("dev");
    LiveTarget fromVariables = Environments.target(env, id -> Optional.empty(),
        Map.of("DEV_USER", "me", "DEV_PASSWORD", "pw-from-env")::get);
    assertThat(fromVariables.username()).contains("me");
    assertThat(fromVariables.password().reveal()).isEqualTo("pw-from-env");
    assertThat(env.driftPolicy()).isEqualTo(DriftPolicy.FAIL);
    assertThatThrownBy(() -> Environments.target(env, id -> Optional.empty(), v -> null))
        .hasMessage("the environment variable DEV_USER is not set (named by <usernameEnv> of environment 'dev')");
  }

  @Test
  void anExtendsCycleIsAnError() {
    EnvironmentDefinition a = new EnvironmentDefinition("a", Optional.of("b"), Optional.of("jdbc:h2:mem:a"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    EnvironmentDefinition b = new EnvironmentDefinition("b", Optional.of("a"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> new Environments(List.of(a, b)).resolve("a")).hasMessageContaining("extends itself");
  }

  @Test
  void grantsParseOnePerPrivilege() {
    assertThat(Grant.parse("GRANT select, update ON TABLE Orders TO \"Reporting\";", "<grants>"))
        .extracting(Grant::toString).containsExactly("SELECT ON orders TO reporting", "UPDATE ON orders TO reporting");
    assertThatThrownBy(() -> Grant.parse("everything to everyone", "<grants> of environment 'prod'"))
        .hasMessageContaining("cannot read the grant 'everything to everyone' in <grants> of environment 'prod'");
  }

  @Test
  void deploySettingsExtendAndFallBackToThePluginDefaults() {
    EnvironmentDefinition.Deploy prodDeploy = new EnvironmentDefinition.Deploy(Optional.of("2m"), Optional.empty(),
        Optional.of(BackupPolicy.ALWAYS), Optional.empty());
    EnvironmentDefinition base = new EnvironmentDefinition("prod", Optional.empty(), Optional.of("jdbc:h2:mem:p"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), prodDeploy);
    EnvironmentDefinition site = new EnvironmentDefinition("prod-acme", Optional.of("prod"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        new EnvironmentDefinition.Deploy(Optional.of("500ms"), Optional.of("0"), Optional.empty(),
            Optional.of(java.nio.file.Path.of("/backups/acme"))));
    DeployOptions defaults = new DeployOptions(java.time.Duration.ofSeconds(7), 9, BackupPolicy.NEVER,
        Optional.of(java.nio.file.Path.of("/b")));
    Environments all = new Environments(List.of(base, site));

    DeployOptions prod = all.resolve("prod", defaults).deploy();
    assertThat(prod.lockTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(prod.lockRetries()).isEqualTo(9);
    assertThat(prod.backup()).isEqualTo(BackupPolicy.ALWAYS);
    assertThat(prod.backupDirectory()).contains(java.nio.file.Path.of("/b"));

    DeployOptions acme = all.resolve("prod-acme", defaults).deploy();
    assertThat(acme.lockTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(acme.lockTimeoutText()).isEqualTo("500ms");
    assertThat(acme.lockRetries()).isZero();
    assertThat(acme.backup()).isEqualTo(BackupPolicy.ALWAYS);
    assertThat(acme.backupDirectory()).contains(java.nio.file.Path.of("/backups/acme"));

    assertThat(all.resolve("prod").deploy().lockRetries()).isEqualTo(DeployOptions.DEFAULT_LOCK_RETRIES);
    assertThat(DeployOptions.parseDuration("PT1S", "x")).isEqualTo(java.time.Duration.ofSeconds(1));
  }

  @Test
  void badDeploySettingsNameTheSetting() {
    EnvironmentDefinition bad = new EnvironmentDefinition("qa", Optional.empty(), Optional.of("jdbc:h2:mem:q"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        new EnvironmentDefinition.Deploy(Optional.of("soon"), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThatThrownBy(() -> new Environments(List.of(bad)).resolve("qa"))
        .hasMessage("'soon' in <lockTimeout> of environment 'qa' is not a duration longer than 0: write it as 500ms, 5s, "
            + "2m or 1h");
    assertThatThrownBy(() -> DeployOptions.parseRetries("-1", "-Ddbdevops.lockRetries"))
        .hasMessage("'-1' in -Ddbdevops.lockRetries is not a number of retries (0 or more)");
    assertThatThrownBy(() -> BackupPolicy.parse("sometimes", "<backup> of environment 'qa'"))
        .hasMessage("unknown backup policy 'sometimes' in <backup> of environment 'qa' (use LOSSY, ALWAYS or NEVER)");
    assertThatThrownBy(() -> DeployOptions.parseDuration("0s", "x")).hasMessageContaining("longer than 0");
  }
}
