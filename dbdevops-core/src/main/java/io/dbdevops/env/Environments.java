package io.dbdevops.env;

import io.dbdevops.SetupException;
import io.dbdevops.config.Secret;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The environments a project declares, by name; resolves {@code extends} and credentials. */
public final class Environments {

  /** Where environments are declared, for messages. */
  public static final String SETTING = "<environments>";
  public static final String SELECT = "-Ddbdevops.environment";

  /** The user and password of a settings.xml {@code <server>}, decrypted. */
  public record ServerCredentials(Optional<String> username, Secret password) {
  }

  /** Looks up a settings.xml server by id (empty: there is none); the plugin decrypts it. */
  @FunctionalInterface
  public interface ServerLookup {
    Optional<ServerCredentials> server(String id);
  }

  private final Map<String, EnvironmentDefinition> byName;

  public Environments(List<EnvironmentDefinition> definitions) {
    Map<String, EnvironmentDefinition> map = new TreeMap<>();
    for (EnvironmentDefinition d : definitions) {
      if (map.putIfAbsent(d.name(), d) != null) {
        throw new SetupException("two environments are named '" + d.name() + "' in " + SETTING);
      }
    }
    this.byName = map;
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The named environment with everything it extends laid under it; deploy settings it leaves out are the defaults. */
  public Environment resolve(String name) {
    return resolve(name, DeployOptions.DEFAULTS);
  }

  /**
   * The named environment with everything it extends laid under it; the deploy settings neither it nor those it
   * extends set are {@code defaults} (the plugin-level {@code <lockTimeout>}, {@code -Ddbdevops.lockTimeout}, …).
   */
  public Environment resolve(String name, DeployOptions defaults) {
    if (name == null || name.isBlank()) {
      throw new SetupException("no environment selected: set " + SELECT + "=NAME (" + known() + ")");
    }
    EnvironmentDefinition definition = lookup(name, null);
    List<String> chain = new ArrayList<>(List.of(definition.name()));
    EnvironmentDefinition merged = definition;
    while (merged.extendsName().isPresent()) {
      String parent = merged.extendsName().get();
      if (chain.contains(parent)) {
        throw new SetupException("environment '" + name + "' extends itself through " + String.join(" → ", chain) + " → "
            + parent + " (check <extends> in " + SETTING + ")");
      }
      chain.add(parent);
      merged = merged.over(lookup(parent, chain.get(chain.size() - 2)));
    }
    String setting = SETTING + " environment '" + name + "'";
    String url = merged.url().orElseThrow(() -> new SetupException("environment '" + name + "' has no <url> (set it in "
        + SETTING + ", or in the environment it extends)"));
    List<Grant> grants = new ArrayList<>();
    for (String g : merged.grants().orElse(List.of())) {
      grants.addAll(Grant.parse(g, setting + " <grants>"));
    }
    return new Environment(definition.name(), chain, url, merged.serverId(), merged.username(), merged.usernameEnv(),
        merged.passwordEnv(), new UpdateOptions(merged.contexts(), merged.labels(), merged.parameters()),
        merged.schemas().orElse(List.of()), merged.driftPolicy().orElse(DriftPolicy.FAIL), grants,
        merged.requirePlan().orElse(false),
        merged.protectedEnvironment().orElse(false), merged.deploy().resolve(defaults, "environment '" + name + "'"));
  }

  /**
   * How to connect to the environment: the settings.xml server's user and password when {@code <serverId>} is set,
   * else the environment variables {@code <usernameEnv>} / {@code <passwordEnv>}, else {@code <username>} and no password.
   */
  public static LiveTarget target(Environment env, ServerLookup servers, Function<String, String> variables) {
    Optional<String> user = env.username();
    Secret password = Secret.NONE;
    String where = "environment '" + env.name() + "'";
    if (env.serverId().isPresent()) {
      String id = env.serverId().get();
      ServerCredentials server = servers.server(id).orElseThrow(() -> new SetupException("no <server> with id '" + id
          + "' in settings.xml (named by <serverId> of " + where + "): add it to ~/.m2/settings.xml with the user and "
          + "the (encrypted) password"));
      user = server.username().or(() -> env.username());
      password = server.password();
    }
    if (env.usernameEnv().isPresent()) {
      user = Optional.of(variable(env.usernameEnv().get(), "usernameEnv", where, variables));
    }
    if (env.passwordEnv().isPresent()) {
      password = Secret.of(variable(env.passwordEnv().get(), "passwordEnv", where, variables));
    }
    return new LiveTarget(env, user, password);
  }

  private static String variable(String name, String element, String where, Function<String, String> variables) {
    String value = variables.apply(name);
    if (value == null || value.isEmpty()) {
      throw new SetupException("the environment variable " + name + " is not set (named by <" + element + "> of " + where
          + ")");
    }
    return value;
  }

  private EnvironmentDefinition lookup(String name, String child) {
    EnvironmentDefinition d = byName.get(name);
    if (d == null) {
      throw new SetupException((child == null ? "unknown environment '" + name + "' (" + SELECT + ")"
          : "environment '" + child + "' extends '" + name + "', which is not declared (check <extends> in " + SETTING
              + ")") + "; " + known());
    }
    return d;
  }

  private String known() {
    return byName.isEmpty() ? "no environments are declared: add <environments> to the dbdevops plugin's <configuration>"
        : "known environments: " + String.join(", ", byName.keySet());
  }
}
