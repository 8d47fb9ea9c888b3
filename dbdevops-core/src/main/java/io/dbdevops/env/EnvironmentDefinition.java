package io.dbdevops.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment as written in the POM, before {@code extends} is resolved: every setting optional, so a customer
 * site can say only what differs from the environment it extends. Lists are replaced, maps merged key by key
 * (see {@link #over}).
 *
 * @param usernameEnv name of the environment variable holding the user
 * @param passwordEnv name of the environment variable holding the password (the password itself never appears in
 *     the POM)
 */
public record EnvironmentDefinition(String name, Optional<String> extendsName, Optional<String> url,
    Optional<String> serverId, Optional<String> username, Optional<String> usernameEnv, Optional<String> passwordEnv,
    Optional<String> contexts, Optional<String> labels, Map<String, String> parameters, Optional<List<String>> schemas,
    Optional<DriftPolicy> driftPolicy, Optional<List<String>> grants, Optional<Boolean> requirePlan,
    Optional<Boolean> protectedEnvironment, Deploy deploy) {

  /**
   * The deploy settings as written, each optional: {@code <lockTimeout>} and {@code <lockRetries>} as text (parsed when
   * the environment is resolved, so the message names it), {@code <backup>}, {@code <backupDirectory>} (absolute).
   */
  public record Deploy(Optional<String> lockTimeout, Optional<String> lockRetries, Optional<BackupPolicy> backup,
      Optional<java.nio.file.Path> backupDirectory) {
    public static final Deploy NONE = new Deploy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Deploy {
      lockTimeout = blank(lockTimeout);
      lockRetries = blank(lockRetries);
      backup = Objects.requireNonNullElse(backup, Optional.<BackupPolicy>empty());
      backupDirectory = Objects.requireNonNullElse(backupDirectory, Optional.<java.nio.file.Path>empty());
    }

    Deploy over(Deploy parent) {
      return new Deploy(lockTimeout.or(parent::lockTimeout), lockRetries.or(parent::lockRetries),
          backup.or(parent::backup), backupDirectory.or(parent::backupDirectory));
    }

    /** These settings, where written, else {@code defaults}; {@code where} names the environment in messages. */
    public DeployOptions resolve(DeployOptions defaults, String where) {
      return new DeployOptions(
          lockTimeout.map(t -> DeployOptions.parseDuration(t, "<lockTimeout> of " + where)).orElse(defaults.lockTimeout()),
          lockRetries.map(r -> DeployOptions.parseRetries(r, "<lockRetries> of " + where)).orElse(defaults.lockRetries()),
          backup.orElse(defaults.backup()), backupDirectory.or(defaults::backupDirectory));
    }
  }

  /** A definition that says nothing of the deploy settings. */
  public EnvironmentDefinition(String name, Optional<String> extendsName, Optional<String> url,
      Optional<String> serverId, Optional<String> username, Optional<String> usernameEnv, Optional<String> passwordEnv,
      Optional<String> contexts, Optional<String> labels, Map<String, String> parameters, Optional<List<String>> schemas,
      Optional<DriftPolicy> driftPolicy, Optional<List<String>> grants, Optional<Boolean> requirePlan,
      Optional<Boolean> protectedEnvironment) {
    this(name, extendsName, url, serverId, username, usernameEnv, passwordEnv, contexts, labels, parameters, schemas,
        driftPolicy, grants, requirePlan, protectedEnvironment, Deploy.NONE);
  }

  /** A definition that says nothing of {@code <protected>}. */
  public EnvironmentDefinition(String name, Optional<String> extendsName, Optional<String> url,
      Optional<String> serverId, Optional<String> username, Optional<String> usernameEnv, Optional<String> passwordEnv,
      Optional<String> contexts, Optional<String> labels, Map<String, String> parameters, Optional<List<String>> schemas,
      Optional<DriftPolicy> driftPolicy, Optional<List<String>> grants, Optional<Boolean> requirePlan) {
    this(name, extendsName, url, serverId, username, usernameEnv, passwordEnv, contexts, labels, parameters, schemas,
        driftPolicy, grants, requirePlan, Optional.empty());
  }

  /** A definition that says nothing of {@code <requirePlan>}. */
  public EnvironmentDefinition(String name, Optional<String> extendsName, Optional<String> url,
      Optional<String> serverId, Optional<String> username, Optional<String> usernameEnv, Optional<String> passwordEnv,
      Optional<String> contexts, Optional<String> labels, Map<String, String> parameters, Optional<List<String>> schemas,
      Optional<DriftPolicy> driftPolicy, Optional<List<String>> grants) {
    this(name, extendsName, url, serverId, username, usernameEnv, passwordEnv, contexts, labels, parameters, schemas,
        driftPolicy, grants, Optional.empty());
  }

  public EnvironmentDefinition {
    requirePlan = Objects.requireNonNullElse(requirePlan, Optional.<Boolean>empty());
    protectedEnvironment = Objects.requireNonNullElse(protectedEnvironment, Optional.<Boolean>empty());
    deploy = Objects.requireNonNullElse(deploy, Deploy.NONE);
    Objects.requireNonNull(name, "name");
    extendsName = blank(extendsName);
    url = blank(url);
    serverId = blank(serverId);
    username = blank(username);
    usernameEnv = blank(usernameEnv);
    passwordEnv = blank(passwordEnv);
    contexts = blank(contexts);
    labels = blank(labels);
    parameters = Map.copyOf(parameters);
    schemas = schemas.map(List::copyOf);
    grants = grants.map(List::copyOf);
  }

  /** Prints the URL without the credentials it may carry. */
  @Override
  public String toString() {
    return "EnvironmentDefinition[name=" + name + ", extends=" + extendsName.orElse("-") + ", url="
        + url.map(io.dbdevops.shadow.JdbcUrls::redact).orElse("-") + ", serverId=" + serverId.orElse("-") + "]";
  }

  /** This definition laid over its parent: scalars override, parameters merge key-wise, lists replace. */
  EnvironmentDefinition over(EnvironmentDefinition parent) {
    Map<String, String> merged = new java.util.TreeMap<>(parent.parameters);
    merged.putAll(parameters);
    return new EnvironmentDefinition(name, parent.extendsName, url.or(parent::url), serverId.or(parent::serverId),
        username.or(parent::username), usernameEnv.or(parent::usernameEnv), passwordEnv.or(parent::passwordEnv),
        contexts.or(parent::contexts), labels.or(parent::labels), merged, schemas.or(parent::schemas),
        driftPolicy.or(parent::driftPolicy), grants.or(parent::grants), requirePlan.or(parent::requirePlan),
        protectedEnvironment.or(parent::protectedEnvironment), deploy.over(parent.deploy));
  }

  private static Optional<String> blank(Optional<String> s) {
    return Objects.requireNonNullElse(s, Optional.<String>empty()).map(String::trim).filter(v -> !v.isEmpty());
  }
}
