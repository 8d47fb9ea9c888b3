package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.provision.ProvisionedProperties;
import io.dbdevops.provision.Provisioner;
import io.dbdevops.provision.ReleasedVersion;
import io.dbdevops.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A fresh development or test database at the head of the changelog (or a released version), with the reference rows
 * the changelog inserts and, with {@code -Ddbdevops.provision.seed=true}, generated rows: on an environment
 * ({@code -Ddbdevops.environment}, refused when protected), as a database named after the project on the server of
 * {@code -Ddbdevops.shadow=url -Ddbdevops.shadow.url=…}, or, by default, as an H2 file database under
 * {@code target/dbdevops/provisioned/}. Prints the JDBC URL and writes {@code target/dbdevops/provisioned.properties}.
 */
@Mojo(name = "provision", threadSafe = true)
public class ProvisionMojo extends AbstractSeedingMojo {

  /** A released version (as {@code dbdevops.sum} records it) to stop at instead of the head of the changelog. */
  @Parameter(property = "dbdevops.provision.at")
  private String at;

  /** Fill the tables with generated rows after the changelog ({@code dbdevops.seed.*} and {@code <seed>} settings). */
  @Parameter(property = "dbdevops.provision.seed", defaultValue = "false")
  private boolean seedData;

  /** Rebuild the database from nothing: drop it (or everything in its schemas) first. */
  @Parameter(property = "dbdevops.provision.reset", defaultValue = "false")
  private boolean reset;

  /** The database to create on a server, or the H2 file's name; default: the artifactId with {@code _} for other characters. */
  @Parameter(property = "dbdevops.provision.database")
  private String database;

  @Override
  protected void executeGoal() {
    Optional<ReleasedVersion> version = at == null || at.isBlank() ? Optional.empty()
        : Optional.of(ReleasedVersion.of(SumFile.readOrEmpty(sumFile.toPath()), at, "-Ddbdevops.provision.at"));
    String name = database == null || database.isBlank() ? Provisioner.databaseName(project.getArtifactId())
        : Provisioner.checkedName(database.trim());
    Provisioner.Target target = target(name);
    var gate = gateSettings();
    var seed = seedData ? Optional.of(seedSettings()) : Optional.<io.dbdevops.seed.SeedSettings>empty();
    getLog().info("dbdevops: provisioning " + describe(target) + " at " + version.map(v -> "version " + v.version())
        .orElse("the head of the changelog") + (reset ? ", rebuilt from nothing" : "") + (seedData ? ", with generated "
        + "rows (" + seedDescription() + ")" : ""));
    Provisioner.Result result = new Provisioner().provision(new Provisioner.Request(target, changelogSource(),
        environmentSelected() ? ((Provisioner.Target.OnEnvironment) target).target().environment().updateOptions()
            : gate.updateOptions(), version, reset, seed, gate.referenceData(),
        applied -> getLog().debug("dbdevops: applied " + applied.id() + " (" + applied.author() + ") in "
            + applied.took().toMillis() + " ms")));
    getLog().info("dbdevops provision: " + result.description() + ": " + result.before() + ", " + Plural.of(result.applied(), "changeset")
        + " applied (" + result.changesets() + " in all, " + result.at().map(v -> "version " + v.version())
        .orElse("the head") + "), " + Plural.of(result.tables(), "table"));
    if (!result.referenceRows().isEmpty()) {
      getLog().info("dbdevops provision: reference data: " + result.referenceRows().entrySet().stream()
          .map(e -> e.getKey() + " " + Plural.of(e.getValue().intValue(), "row")).collect(Collectors.joining(", ")));
    }
    result.seeded().ifPresent(s -> logSeeded(s, result.description()));
    Path props = ProvisionedProperties.write(result, reportDirectory.toPath());
    getLog().info("dbdevops provision: JDBC URL " + result.url() + result.username().map(u -> " (user " + u + ")")
        .orElse("") + "; Spring Boot properties in " + relative(props) + " (took " + result.took().toMillis() + " ms)");
  }

  private Provisioner.Target target(String name) {
    if (environmentSelected()) {
      return new Provisioner.Target.OnEnvironment(liveTarget());
    }
    Optional<ShadowSettings> server = explicitShadow();
    if (server.isEmpty()) {
      return new Provisioner.Target.H2File(reportDirectory.toPath().resolve("provisioned"), name);
    }
    return switch (server.get().provider()) {
      case "url" -> new Provisioner.Target.OnServer(server.get(), name);
      case "postgres-embedded" -> throw new SetupException("-Ddbdevops.shadow=postgres-embedded: an embedded cluster "
          + "ends with the build, so there is nothing to provision into; use -Ddbdevops.shadow=url with a server, "
          + "-Ddbdevops.environment, or the default H2 file database");
      case "testcontainers" -> new Provisioner.Target.InContainer(server.get().image()
          .orElse(io.dbdevops.shadow.TestcontainersShadowProvider.DEFAULT_IMAGE), name);
      default -> throw new SetupException("-Ddbdevops.shadow=" + server.get().provider() + ": dbdevops:provision "
          + "provisions on a server (url), an environment or an H2 file database");
    };
  }

  private String describe(Provisioner.Target target) {
    if (target instanceof Provisioner.Target.OnEnvironment e) {
      return e.target().description();
    }
    if (target instanceof Provisioner.Target.OnServer s) {
      return "database " + s.database() + " on " + io.dbdevops.shadow.JdbcUrls.redact(s.server().url().orElse("?"));
    }
    if (target instanceof Provisioner.Target.InContainer k) {
      return "database " + k.database() + " in a container of " + k.image();
    }
    Provisioner.Target.H2File h = (Provisioner.Target.H2File) target;
    return "H2 file database " + relative(h.directory().resolve(h.database()));
  }
}
