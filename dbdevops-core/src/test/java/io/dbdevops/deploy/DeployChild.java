package io.dbdevops.deploy;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.env.DriftPolicy;
import io.dbdevops.env.EnvironmentDefinition;
import io.dbdevops.env.Environments;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ChangelogSelection;
import io.dbdevops.shadow.ShadowProviders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deploy in a process of its own, for the tests that run several at once or kill one with SIGKILL
 * ({@link DeployProcesses}). Calls the core {@link Deployer} as the deploy goal does. Warms up first (loads the
 * classes, parses the changelog), prints {@code child: ready}, then waits for {@code go <jdbc url>} on stdin. Prints
 * {@code child: progress …} for the deploy's messages (the shadow database it opened), {@code child: applied <id>} per
 * changeset, {@code child: done applied=<n> blocked=<b> validated=<b>} at the end, or {@code child: error …}.
 *
 * <p>Arguments: changelog root, changelog path, database user, engine dialect word ({@code postgresql}, {@code mariadb}).
 */
public final class DeployChild {

  static final String PREFIX = "child: ";

  private DeployChild() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream())); // Liquibase's own console lines
    ChangelogSource changelog = new ChangelogSource(Path.of(args[0]), args[1]);
    String user = args[2];
    io.dbdevops.config.Dialect dialect = args[3].equals("postgresql") ? io.dbdevops.config.Dialect.POSTGRESQL
        : io.dbdevops.config.Dialect.MARIADB;
    // warm-up: the classes a deploy loads, and one parse of the changelog
    ShadowProviders shadows = ShadowProviders.load();
    new ChangelogSelection().select(changelog, io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions.DEFAULT, dialect);
    out.println(PREFIX + "ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || !line.startsWith("go ")) {
      out.println(PREFIX + "error no go");
      System.exit(3);
    }
    String url = line.substring(3).trim();
    try {
      DeployResult result = new Deployer(shadows).deploy(Deployer.Request.of(
          target(url, user), new DriftDetector.Settings(changelog,
                    Optional.empty(), message -> out.println(PREFIX + "progress " + message)))
          .onEach(applied -> out.println(PREFIX + "applied " + applied.id())));
      result.recovered().forEach(r -> out.println(PREFIX + "recovered " + r));
      out.println(PREFIX + "done applied=" + result.applied().size() + " blocked=" + result.blocked() + " validated="
          + result.validated() + (result.validated() ? "" : " " + result.validationLines() + result.drift().lines()));
      System.exit(0);
    } catch (RuntimeException e) {
      out.println(PREFIX + "error " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(2);
    }
  }

  static LiveTarget target(String url, String user) {
    EnvironmentDefinition definition = new EnvironmentDefinition("crash", Optional.empty(), Optional.of(url),
        Optional.empty(), Optional.of(user), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Map.of(), Optional.of(List.of()), Optional.of(DriftPolicy.FAIL), Optional.empty());
    return Environments.target(new Environments(List.of(definition)).resolve("crash"), id -> Optional.empty(), v -> null);
  }
}
