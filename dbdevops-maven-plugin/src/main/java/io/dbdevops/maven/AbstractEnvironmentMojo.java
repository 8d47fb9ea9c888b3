package io.dbdevops.maven;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Secret;
import io.dbdevops.SetupException;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;

/**
 * The goals that work on a named environment (deploy, plan, drift, status): {@code <environments>},
 * {@code -Ddbdevops.environment}, and {@code -Ddbdevops.release}, a release artifact to take the changelog from instead
 * of the project's. See the README's "Environments, deploy and drift" section.
 */
public abstract class AbstractEnvironmentMojo extends AbstractLintingMojo {

  /** The named targets: {@code <environment>} with name, url, serverId or usernameEnv/passwordEnv, extends, … */
  @Parameter
  private List<Environment> environments;

  /** The environment deploy, drift and status work on. */
  @Parameter(property = "dbdevops.environment")
  private String environment;

  /**
   * For {@code deploy}, {@code plan}, {@code drift} and {@code status}: take the changelog from a release artifact
   * (as {@code dbdevops:package} made it) instead of the project: {@code groupId:artifactId:version}, resolved through
   * the project's repositories, or the path of a {@code -dbrelease.zip}. Every file is checked against the artifact's
   * manifest before any database work.
   */
  @Parameter(property = "dbdevops.release")
  private String release;

  /**
   * How long a statement of a deploy or rollback waits for a lock another session holds (500ms, 5s, 2m); an
   * environment's {@code <lockTimeout>} overrides it.
   */
  @Parameter(property = "dbdevops.lockTimeout", defaultValue = "5s")
  private String lockTimeout;

  /** How often a changeset that gave up waiting for a lock is tried again; an environment's {@code <lockRetries>} overrides it. */
  @Parameter(property = "dbdevops.lockRetries", defaultValue = "3")
  private String lockRetries;

  /**
   * When a deploy or rollback copies the affected tables' rows first: LOSSY (before a change that can lose data),
   * ALWAYS or NEVER; an environment's {@code <backup>} overrides it. ({@code dbdevops:restore} reads
   * {@code -Ddbdevops.backup} as the backup to restore.)
   */
  @Parameter(property = "dbdevops.backup", defaultValue = "LOSSY")
  private String backup;

  /** Where backups go ({@code NAME/<time>/} below it); an environment's {@code <backupDirectory>} overrides it. */
  @Parameter(property = "dbdevops.backupDirectory", defaultValue = "${project.build.directory}/dbdevops/backups")
  private java.io.File backupDirectory;

  @Component
  private org.eclipse.aether.RepositorySystem repositorySystem;

  /**
   * The expected states this run built, shared by its environments (a fleet at the same changesets builds one shadow
   * per engine and version, a deploy reuses its plan check's).
   */
  private final io.dbdevops.drift.SharedExpectedStates expectedStates = new io.dbdevops.drift.SharedExpectedStates();

  /** The release {@code release} names, checked and unpacked once, before the goal runs. */
  private ReleaseSource.Unpacked unpackedRelease;

  @Override
  protected List<Environment> configuredEnvironments() {
    return environments == null ? List.of() : environments;
  }

  /** Resolves, checks and unpacks the release before the goal runs: a changed artifact stops it before any database work. */
  @Override
  protected void beforeGoal() {
    if (release == null || release.isBlank()) {
      return;
    }
    unpackedRelease = ReleaseSource.unpack(release, project, session, repositorySystem, reportDirectory.toPath());
    getLog().info("dbdevops: release " + unpackedRelease.manifest().coordinates() + " ("
        + unpackedRelease.manifest().classification() + unpackedRelease.manifest().previousVersion().map(v -> " since " + v)
            .orElse("") + ") from " + relative(unpackedRelease.zip()) + ": " + Plural.of(unpackedRelease.manifest()
            .files().size(), "file") + " match its manifest");
  }

  /** The release's changelog when {@code -Ddbdevops.release} is set, else the project's. */
  @Override
  protected ChangelogSource changelogSource() {
    return unpackedRelease != null ? unpackedRelease.changelog() : super.changelogSource();
  }

  /** The version a deploy puts on the environment: the release artifact's with {@code -Ddbdevops.release}, else the project's. */
  protected String deployedVersion() {
    return unpackedRelease != null ? unpackedRelease.manifest().version() : project.getVersion();
  }

  /** True when {@code -Ddbdevops.environment} names one (provision works without one). */
  protected boolean environmentSelected() {
    return environment != null && !environment.isBlank();
  }

  /** The selected environment with its credentials (settings.xml server, decrypted, or environment variables). */
  protected io.dbdevops.env.LiveTarget liveTarget() {
    return liveTarget(environment);
  }

  /** The environment {@code name} with its credentials. */
  protected io.dbdevops.env.LiveTarget liveTarget(String environmentName) {
    io.dbdevops.env.Environments all = new io.dbdevops.env.Environments(environments == null ? List.of()
        : environments.stream().map(e -> e.toDefinition(project.getBasedir().toPath())).toList());
    return io.dbdevops.env.Environments.target(all.resolve(environmentName, deployDefaults()), id -> {
      Server server = session.getSettings().getServer(id);
      if (server == null) {
        return Optional.empty();
      }
      Server decrypted = decrypt(server, id);
      return Optional.of(new io.dbdevops.env.Environments.ServerCredentials(Optional.ofNullable(decrypted.getUsername()),
          known(Secret.of(decrypted.getPassword()))));
    }, name -> {
      String value = System.getenv(name);
      known(Secret.of(value));
      return value;
    });
  }

  /** {@code -Ddbdevops.backup} as given (restore reads it as the backup to restore). */
  protected String backupSetting() {
    return backup;
  }

  /** True where {@code -Ddbdevops.backup} is the backup policy (not in restore, where it names a backup). */
  protected boolean backupSettingIsPolicy() {
    return true;
  }

  /** The plugin-level deploy settings, which an environment's own override. */
  protected io.dbdevops.env.DeployOptions deployDefaults() {
    io.dbdevops.env.BackupPolicy policy = backupSettingIsPolicy() && backup != null && !backup.isBlank()
        ? io.dbdevops.env.BackupPolicy.parse(backup, "-Ddbdevops.backup (<backup>)") : io.dbdevops.env.BackupPolicy.LOSSY;
    return new io.dbdevops.env.DeployOptions(
        io.dbdevops.env.DeployOptions.parseDuration(lockTimeout, "-Ddbdevops.lockTimeout (<lockTimeout>)"),
        io.dbdevops.env.DeployOptions.parseRetries(lockRetries, "-Ddbdevops.lockRetries (<lockRetries>)"), policy,
        Optional.ofNullable(backupDirectory).map(f -> f.toPath().toAbsolutePath().normalize()));
  }

  /** The drift check's settings: the changelog, the explicit shadow, progress lines on the console. */
  protected io.dbdevops.drift.DriftDetector.Settings driftSettings() {
    return new io.dbdevops.drift.DriftDetector.Settings(changelogSource(), explicitShadow(),
        message -> getLog().info("dbdevops: " + message)).withReferenceData(referenceData()).sharing(expectedStates);
  }

  /** The plan of a deploy to the environment, as {@code dbdevops:plan} computes it and {@code deploy} checks it. */
  protected io.dbdevops.plan.Plan computePlan(io.dbdevops.env.LiveTarget target) {
    return new io.dbdevops.plan.Planner(ShadowProviders.load()).plan(new io.dbdevops.plan.Planner.Request(target,
        driftSettings(), lintStep().settings(io.dbdevops.lint.RuleRegistry.load())));
  }

  /** target/dbdevops/plan/NAME: where {@code dbdevops:plan} writes the environment's plan. */
  protected Path planDirectory(io.dbdevops.env.LiveTarget target) {
    return reportDirectory.toPath().resolve("plan").resolve(target.environment().name());
  }

}
