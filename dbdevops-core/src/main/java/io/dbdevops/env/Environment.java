package io.dbdevops.env;

import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved environment: where it is, how to log in (a settings.xml server id or environment variable names, never
 * a password), what Liquibase runs there (contexts, labels, parameters), which schemas the project owns there (empty:
 * the connection's default schema), the drift policy and the grants expected on the owned objects (empty: grants are
 * not checked).
 *
 * @param chain the environment and those it extends, nearest first (for messages)
 * @param requirePlan {@code <requirePlan>}: a deploy must name the reviewed plan ({@code -Ddbdevops.plan})
 * @param isProtected {@code <protected>}: holds data that matters; goals that fill or rebuild a database
 *     ({@code dbdevops:seed}) refuse it
 * @param deploy lock timeout and retries, backups: how a deploy or rollback treats the live database
 */
public record Environment(String name, List<String> chain, String url, Optional<String> serverId,
    Optional<String> username, Optional<String> usernameEnv, Optional<String> passwordEnv, UpdateOptions updateOptions,
    List<String> schemas, DriftPolicy driftPolicy, List<Grant> grants, boolean requirePlan, boolean isProtected,
    DeployOptions deploy) {

  /** An environment with the default deploy settings. */
  public Environment(String name, List<String> chain, String url, Optional<String> serverId, Optional<String> username,
      Optional<String> usernameEnv, Optional<String> passwordEnv, UpdateOptions updateOptions, List<String> schemas,
      DriftPolicy driftPolicy, List<Grant> grants, boolean requirePlan, boolean isProtected) {
    this(name, chain, url, serverId, username, usernameEnv, passwordEnv, updateOptions, schemas, driftPolicy, grants,
        requirePlan, isProtected, DeployOptions.DEFAULTS);
  }

  /** An environment that is not protected. */
  public Environment(String name, List<String> chain, String url, Optional<String> serverId, Optional<String> username,
      Optional<String> usernameEnv, Optional<String> passwordEnv, UpdateOptions updateOptions, List<String> schemas,
      DriftPolicy driftPolicy, List<Grant> grants, boolean requirePlan) {
    this(name, chain, url, serverId, username, usernameEnv, passwordEnv, updateOptions, schemas, driftPolicy, grants,
        requirePlan, false);
  }

  /** An environment that deploys without a reviewed plan. */
  public Environment(String name, List<String> chain, String url, Optional<String> serverId, Optional<String> username,
      Optional<String> usernameEnv, Optional<String> passwordEnv, UpdateOptions updateOptions, List<String> schemas,
      DriftPolicy driftPolicy, List<Grant> grants) {
    this(name, chain, url, serverId, username, usernameEnv, passwordEnv, updateOptions, schemas, driftPolicy, grants,
        false);
  }

  public Environment {
    Objects.requireNonNull(name, "name");
    chain = List.copyOf(chain);
    Objects.requireNonNull(url, "url");
    schemas = List.copyOf(schemas);
    grants = grants.stream().sorted().distinct().toList();
    deploy = Objects.requireNonNullElse(deploy, DeployOptions.DEFAULTS);
  }

  /** Prints the URL without the credentials it may carry. */
  @Override
  public String toString() {
    return "Environment[name=" + name + ", url=" + io.dbdevops.shadow.JdbcUrls.redact(url) + ", serverId="
        + serverId.orElse("-") + ", passwordEnv=" + passwordEnv.orElse("-") + "]";
  }

  public Map<String, String> parameters() {
    return updateOptions.parameters();
  }

  /** {@code prod-acme (extends prod)}. */
  public String title() {
    return chain.size() > 1 ? name + " (extends " + String.join(" → ", chain.subList(1, chain.size())) + ")" : name;
  }

  public boolean checksGrants() {
    return !grants.isEmpty();
  }
}
