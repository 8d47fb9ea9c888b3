package io.dbdevops.maven;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import io.dbdevops.config.Secrets;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.shadow.JdbcUrls;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The base of every goal: the parameters all of them share (changelog, state, shadow, selection, reports), {@code skip},
 * secrets, and the mapping of core outcomes to Maven's: the user's change is wrong → BUILD FAILURE; the build cannot
 * run → BUILD ERROR. The goal families add their own: {@link AbstractLintingMojo} (lint, for verify, lint,
 * mark-released, package, version) and {@link AbstractEnvironmentMojo} (environments and releases, for deploy, plan,
 * drift, status).
 */
public abstract class AbstractDbDevOpsMojo extends AbstractMojo {

  static final String PASSWORD_ENV = "DBDEVOPS_SHADOW_PASSWORD";
  private static final String URL_PASSWORD_WARNED = AbstractDbDevOpsMojo.class.getName() + ".urlPasswordWarned";
  private static final List<String> SPRING_BOOT_CHANGELOGS = List.of("db/changelog/db.changelog-master.xml",
      "db/changelog/db.changelog-master.yaml", "db/changelog/db.changelog-master.yml", "db/changelog/db.changelog-master.sql");

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Component
  private SettingsDecrypter decrypter;

  /** The passwords this execution resolved (settings.xml, environment variables, URLs): masked out of every message. */
  private final Set<Secret> secrets = ConcurrentHashMap.newKeySet();

  /** Skips every dbdevops goal. */
  @Parameter(property = "dbdevops.skip", defaultValue = "false")
  private boolean skip;

  /** The resource root the changelog paths are relative to (as on the application's classpath). */
  @Parameter(property = "dbdevops.changelogDirectory", defaultValue = "${project.basedir}/src/main/resources")
  private File changelogDirectory;

  /** The master changelog, relative to {@code changelogDirectory}. Default: Spring Boot's db.changelog-master.{xml,yaml,sql}. */
  @Parameter(property = "dbdevops.changelog")
  private String changelog;

  /** The committed state: one YAML file per schema object. */
  @Parameter(property = "dbdevops.state", defaultValue = "${project.basedir}/src/main/db/schema")
  protected File stateDirectory;

  /**
   * The shadow database provider: {@code h2} (default, in memory), {@code postgres-embedded} (real PostgreSQL binaries
   * from Maven Central, nothing to install), {@code url} (a server named by {@code shadowUrl}) or {@code testcontainers}
   * (the image {@code shadowImage}; needs a Docker engine).
   */
  @Parameter(property = "dbdevops.shadow", defaultValue = "h2")
  private String shadow;

  /** JDBC URL for the {@code url} shadow, e.g. jdbc:postgresql://127.0.0.1:5432/postgres. */
  @Parameter(property = "dbdevops.shadow.url")
  private String shadowUrl;

  /**
   * For the {@code url} shadow: a temporary shadow database a killed build left on the server is dropped by a later
   * build once it is this many hours old (its name carries its creation time).
   */
  @Parameter(property = "dbdevops.shadow.orphanHours", defaultValue = "6")
  private int shadowOrphanHours = 6;

  /** The container image for the {@code testcontainers} shadow: a PostgreSQL or MariaDB image. */
  @Parameter(property = "dbdevops.shadow.image", defaultValue = "postgres:16-alpine")
  private String shadowImage;

  /** User for the {@code url} shadow, when not taken from {@code shadowServerId}. */
  @Parameter(property = "dbdevops.shadow.username")
  private String shadowUsername;

  /** A settings.xml {@code <server>} id holding the shadow's username and (encrypted) password. */
  @Parameter(property = "dbdevops.shadow.serverId")
  private String shadowServerId;

  /** The schemas the project owns; empty: the shadow's default schema. */
  @Parameter(property = "dbdevops.schemas")
  private List<String> schemas;

  /**
   * Reference tables: their rows are part of the state, as {@code data/<table>.csv} under {@code stateDirectory}
   * ({@code <referenceData><table>order_status</table></referenceData>}; on the command line
   * {@code -Ddbdevops.referenceData=order_status,country}). {@code snapshot} writes them, {@code verify} compares them
   * by primary key, {@code drift} checks the live rows, {@code generate} writes inserts, updates and deletes for edited
   * rows. Each table needs a primary key.
   */
  @Parameter(property = "dbdevops.referenceData")
  private List<String> referenceData;

  /** Liquibase contexts. */
  @Parameter(property = "dbdevops.contexts")
  private String contexts;

  /** Liquibase label filter. */
  @Parameter(property = "dbdevops.labels")
  private String labels;

  /** Changelog parameters, substituted as ${name}. */
  @Parameter
  private Map<String, String> changelogParameters;

  /** The integrity file: the released changesets (written by {@code dbdevops:mark-released}) and a hash over them. */
  @Parameter(property = "dbdevops.sumFile", defaultValue = "${project.basedir}/src/main/db/dbdevops.sum")
  protected File sumFile;

  /**
   * One line per changeset the shadow's update applies (its id, author, file and time); without it, an update that
   * takes longer than a few seconds says every few seconds how many of the changesets it has applied.
   */
  @Parameter(property = "dbdevops.verbose", defaultValue = "false")
  private boolean verbose;

  /** Where reports are written. */
  @Parameter(property = "dbdevops.reportDirectory", defaultValue = "${project.build.directory}/dbdevops")
  protected File reportDirectory;





  protected Server decrypt(Server server, String id) {
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new SetupException("cannot decrypt the password of settings.xml server '" + id + "': " + problem.getMessage()
            + " (check the master password in settings-security.xml and the server's encrypted <password>)");
      }
    }
    return result.getServer();
  }

  /** Notes a password this execution resolved, so that no message of it shows the password. */
  protected Secret known(Secret secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
    return secret;
  }

  /**
   * Warns once per build when a configured JDBC URL carries a password: it works, but Maven's own debug output (-X)
   * prints every plugin parameter, which dbdevops cannot stop; dbdevops itself masks it everywhere.
   */
  private void warnOfPasswordsInUrls() {
    List<String> where = new ArrayList<>();
    if (shadowUrl != null && JdbcUrls.carriesPassword(shadowUrl)) {
      JdbcUrls.passwords(shadowUrl).forEach(this::known);
      where.add("<shadowUrl> (-Ddbdevops.shadow.url)");
    }
    for (Environment e : configuredEnvironments()) {
      if (e.url() != null && JdbcUrls.carriesPassword(e.url())) {
        JdbcUrls.passwords(e.url()).forEach(this::known);
        where.add("<url> of environment '" + e.name() + "'");
      }
    }
    if (where.isEmpty() || !firstInBuild(URL_PASSWORD_WARNED)) {
      return;
    }
    getLog().warn("dbdevops: the JDBC URL in " + String.join(", ", where) + " carries a password: it works and dbdevops "
        + "never prints it, but Maven itself prints every plugin parameter at -X (debug), so a debug log shows it. "
        + "Keep the password out of the URL: a settings.xml <server> (<shadowServerId> for the shadow, <serverId> on an "
        + "environment; encrypt its password with mvn --encrypt-password), <passwordEnv> on an environment, or the "
        + PASSWORD_ENV + " environment variable for the shadow");
  }

  /** True the first time in this Maven session that {@code key} is asked for (one warning per build, not per goal). */
  private boolean firstInBuild(String key) {
    if (session == null || session.getRepositorySession() == null) {
      return true;
    }
    return session.getRepositorySession().getData().set(key, null, Boolean.TRUE);
  }

  /** The shadow drift builds the expected state on when one is set explicitly ({@code -Ddbdevops.shadow}, not h2). */
  protected Optional<ShadowSettings> explicitShadow() {
    return "h2".equalsIgnoreCase(shadow) ? Optional.empty() : Optional.of(shadowSettings());
  }

  /** The database the configured shadow is, before it is opened. */
  protected Dialect shadowDialect(GateSettings settings) {
    return ShadowProviders.load().dialect(settings.shadow());
  }


  /** The gate's console lines: the shadow, the update's progress ({@code verbose}: one per changeset), the snapshot. */
  protected GateListener consoleListener() {
    return new ConsoleListener(getLog(), verbose);
  }

  /** At debug level, what the goal parsed: once per dialect the changesets were selected for. */
  protected void logParses(ParsedChangelogs parses) {
    for (ParsedChangelog parsed : parses.parsed()) {
      getLog().debug("dbdevops: parsed " + parsed.source().path() + " once for " + parsed.selection().describe() + " in "
          + parsed.parseTime().toMillis() + " ms; " + parsed.checksumsCached() + " checksums from the checksum cache");
    }
  }

  /** The project version as a semantic version ({@code 2.0.0-SNAPSHOT}); empty when it is not one. */
  protected Optional<io.dbdevops.release.SemanticVersion> projectVersion() {
    return io.dbdevops.release.SemanticVersion.tryParse(project.getVersion());
  }

  /** The version of the last release the integrity file records; empty when it records none (or there is none). */
  protected Optional<io.dbdevops.release.SemanticVersion> lastRelease() {
    return io.dbdevops.integrity.SumFile.readOrEmpty(sumFile.toPath()).lastVersion();
  }

  /** The integrity step, naming the integrity file relative to the project. */
  protected IntegrityStep integrityStep() {
    return new IntegrityStep(getLog(), sumFile.toPath(), relative(sumFile.toPath()));
  }


  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("dbdevops: skipped (dbdevops.skip=true)");
      return;
    }
    known(Secret.of(System.getenv(PASSWORD_ENV)));
    try {
      warnOfPasswordsInUrls();
      beforeGoal();
      executeGoal();
    } catch (InvalidChangeException e) {
      // the message says everything; the library's exception chain would only repeat it on Maven's error line
      Secrets masks = Secrets.of(secrets);
      getLog().debug(masks.scrub(e));
      throw new MojoFailureException(masks.mask(projectRelative(e.getMessage())));
    } catch (SetupException e) {
      Secrets masks = Secrets.of(secrets);
      String message = projectRelative(e.getMessage());
      // the cause with the same project-relative message: Maven's error line adds a cause's message it does not contain
      SetupException cause = e;
      if (!message.equals(e.getMessage())) {
        cause = new SetupException(message, e.getCause());
        cause.setStackTrace(e.getStackTrace());
      }
      throw new MojoExecutionException(masks.mask(message), masks.scrub(cause));
    } catch (MojoFailureException e) {
      Secrets masks = Secrets.of(secrets);
      if (masks.scrub(e) != e) {
        throw new MojoFailureException(masks.mask(e.getMessage()), masks.scrub(e.getCause()));
      }
      throw e;
    } catch (RuntimeException e) {
      // whatever a library threw: Maven prints its whole chain at -X
      throw (RuntimeException) Secrets.of(secrets).scrub(e);
    }
  }

  protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

  /** A failure's one line as the build reports it: project-relative paths, every known password masked. */
  protected String describeFailure(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Secrets.of(secrets).mask(projectRelative(message));
  }

  /**
   * What a goal family checks before the goal runs and before any database work (the environment goals: a release).
   * Here: {@code -Ddbdevops.release} given to a goal that works on the project's own changelog is said, not silently
   * ignored (not refused: {@code mvn verify dbdevops:deploy -Ddbdevops.release=…} is one command line).
   */
  protected void beforeGoal() {
    String release = session == null ? null : session.getUserProperties().getProperty("dbdevops.release");
    if (release != null && !release.isBlank()) {
      getLog().warn("dbdevops: -Ddbdevops.release is not read by this goal, which works on the project's own changelog; "
          + "deploy, plan, drift and status take a release");
    }
  }

  /** The {@code <environments>} the POM declares, for the goals that work on them. */
  protected List<Environment> configuredEnvironments() {
    return List.of();
  }


  protected GateSettings gateSettings() {
    return new GateSettings(changelogSource(), stateDirectory.toPath(), shadowSettings(),
        schemas == null ? List.of() : schemas,
        new UpdateOptions(Optional.ofNullable(contexts), Optional.ofNullable(labels),
            changelogParameters == null ? Map.of() : changelogParameters)).withReferenceData(referenceData());
  }

  /** The {@code <referenceData>} tables (a {@code -D} value may list several, comma-separated). */
  protected List<String> referenceData() {
    return referenceData == null ? List.of()
        : referenceData.stream().flatMap(t -> java.util.Arrays.stream(t.split(","))).toList();
  }

  protected ChangelogSource changelogSource() {
    Path root = changelogDirectory.toPath();
    if (changelog != null && !changelog.isBlank()) {
      ChangelogSource source = new ChangelogSource(root, changelog);
      if (!Files.isRegularFile(source.file())) {
        throw new SetupException("changelog not found: " + source.file() + " (set <changelog> / -Ddbdevops.changelog, "
            + "relative to <changelogDirectory> " + root + ")");
      }
      return source;
    }
    for (String candidate : SPRING_BOOT_CHANGELOGS) {
      if (Files.isRegularFile(root.resolve(candidate))) {
        return new ChangelogSource(root, candidate);
      }
    }
    throw new SetupException("no changelog found: looked for " + root.resolve("db/changelog/db.changelog-master.{xml,yaml,yml,sql}")
        + " (set <changelog> / -Ddbdevops.changelog to the master changelog, relative to " + root + ")");
  }

  /**
   * The shadow settings with another provider ({@code -Ddbdevops.shadows=h2,postgres-embedded}): the url, user, password
   * and image of the configured shadow, for {@code url} and {@code testcontainers}.
   */
  protected ShadowSettings shadowSettings(String provider) {
    ShadowSettings base = shadowSettings();
    return new ShadowSettings(provider, base.url(), base.username(), base.password(), base.image(), base.orphanAge());
  }

  private ShadowSettings shadowSettings() {
    Optional<String> user = Optional.ofNullable(shadowUsername);
    Secret password = Secret.of(System.getenv(PASSWORD_ENV));
    if (shadowServerId != null && !shadowServerId.isBlank()) {
      Server server = session.getSettings().getServer(shadowServerId);
      if (server == null) {
        throw new SetupException("no <server> with id '" + shadowServerId + "' in settings.xml (set by <shadowServerId> / "
            + "-Ddbdevops.shadow.serverId)");
      }
      Server decrypted = decrypt(server, shadowServerId);
      user = Optional.ofNullable(decrypted.getUsername()).or(() -> Optional.ofNullable(shadowUsername));
      password = known(Secret.of(decrypted.getPassword()));
    }
    if (shadowOrphanHours <= 0) {
      throw new SetupException("<shadowOrphanHours> / -Ddbdevops.shadow.orphanHours must be a positive number of hours, "
          + "not " + shadowOrphanHours);
    }
    return new ShadowSettings(shadow, Optional.ofNullable(shadowUrl), user, password, Optional.ofNullable(shadowImage),
        java.time.Duration.ofHours(shadowOrphanHours));
  }

  /** The message with the project directory's absolute path taken out of the paths it names. */
  private String projectRelative(String message) {
    String base = project.getBasedir().getAbsolutePath() + File.separator;
    return message == null ? "" : message.replace(base, "");
  }

  /** A path relative to the project directory, for short console lines. */
  protected String relative(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path abs = path.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
