package io.dbdevops.maven;

import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.EnvironmentDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <environment>} of the POM's {@code <environments>}, as Maven fills it in; turned into the core's
 * {@link EnvironmentDefinition} at once. See the README's "Environments, deploy and drift" section.
 */
public class Environment {

  private String name;
  private String extendsName;
  private String url;
  private String serverId;
  private String username;
  private String usernameEnv;
  private String passwordEnv;
  private String contexts;
  private String labels;
  private Map<String, String> parameters;
  private List<String> schemas;
  private String driftPolicy;
  private List<String> grants;
  private Boolean requirePlan;
  /** {@code <protected>}: seed (and later provision) refuse it. */
  private Boolean isProtected;

  /** {@code <lockTimeout>}: 500ms, 5s, 2m (the plugin-level {@code <lockTimeout>} when absent). */
  private String lockTimeout;
  /** {@code <lockRetries>}: retries after the first attempt of a changeset that gave up waiting for a lock. */
  private String lockRetries;
  /** {@code <backup>}: LOSSY, ALWAYS or NEVER. */
  private String backup;
  /** {@code <backupDirectory>}: where this environment's backups go (relative to the project). */
  private String backupDirectory;

  /** {@code <canary>}: in a fleet run ({@code -Ddbdevops.environments}) it goes first, and its failure stops the rest. */
  private Boolean canary;

  /** {@code <extends>}: the environment this one overrides. */
  public void setExtends(String extendsName) {
    this.extendsName = extendsName;
  }

  /** {@code <protected>} (a Java keyword, so set through its setter). */
  public void setProtected(Boolean value) {
    this.isProtected = value;
  }

  String name() {
    return name;
  }

  String url() {
    return url;
  }

  String extendsName() {
    return extendsName;
  }

  Boolean canary() {
    return canary;
  }

  /** The definition, with a relative {@code <backupDirectory>} taken from {@code basedir}. */
  EnvironmentDefinition toDefinition(java.nio.file.Path basedir) {
    if (name == null || name.isBlank()) {
      throw new io.dbdevops.SetupException("an <environment> in <environments> has no <name>");
    }
    String where = "<driftPolicy> of environment '" + name + "'";
    return new EnvironmentDefinition(name.trim(), Optional.ofNullable(extendsName), Optional.ofNullable(url),
        Optional.ofNullable(serverId), Optional.ofNullable(username), Optional.ofNullable(usernameEnv),
        Optional.ofNullable(passwordEnv), Optional.ofNullable(contexts), Optional.ofNullable(labels),
        parameters == null ? Map.of() : parameters, Optional.ofNullable(schemas),
        Optional.ofNullable(driftPolicy).map(p -> DriftPolicy.parse(p, where)), Optional.ofNullable(grants),
        Optional.ofNullable(requirePlan), Optional.ofNullable(isProtected), new EnvironmentDefinition.Deploy(
            Optional.ofNullable(lockTimeout), Optional.ofNullable(lockRetries), Optional.ofNullable(backup).filter(b ->
                !b.isBlank()).map(b -> io.dbdevops.env.BackupPolicy.parse(b, "<backup> of environment '" + name + "'")),
            Optional.ofNullable(backupDirectory).filter(d -> !d.isBlank()).map(d -> basedir.resolve(d.trim()).normalize())));
  }
}
