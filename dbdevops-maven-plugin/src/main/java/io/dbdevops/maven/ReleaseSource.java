package io.dbdevops.maven;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.release.ReleaseArchive;
import io.dbdevops.release.ReleaseManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * {@code -Ddbdevops.release=<groupId:artifactId:version>} or {@code =<path to zip>}: the release artifact a goal takes
 * its changelog, state and integrity file from instead of the project's. Coordinates are resolved as any artifact is,
 * through the project's repositories (classifier {@code dbrelease}, type zip); the archive is checked against its
 * manifest ({@link ReleaseArchive#open}) and unpacked under {@code target/dbdevops/release/}, before any database work.
 */
final class ReleaseSource {

  static final String CLASSIFIER = "dbrelease";
  static final String EXTENSION = "zip";
  private static final Pattern COORDINATES = Pattern.compile("[^:\\s/\\\\]+:[^:\\s/\\\\]+:[^:\\s/\\\\]+");

  /** A checked, unpacked release. */
  record Unpacked(ReleaseManifest manifest, Path zip, Path directory) {
    ChangelogSource changelog() {
      return new ChangelogSource(directory.resolve(ReleaseManifest.CHANGELOG_DIRECTORY), manifest.changelog());
    }

    Path state() {
      return directory.resolve(ReleaseManifest.STATE_DIRECTORY);
    }

    Path sumFile() {
      return directory.resolve(ReleaseManifest.SUM_FILE);
    }
  }

  private ReleaseSource() {
  }

  /** Resolves, checks and unpacks the release {@code value} names. */
  static Unpacked unpack(String value, MavenProject project, MavenSession session, RepositorySystem repositories,
      Path reportDirectory) {
    String v = value.trim();
    Path zip = locate(v, project, session, repositories);
    ReleaseArchive.Opened opened = ReleaseArchive.open(zip);
    ReleaseManifest m = opened.manifest();
    Path directory = opened.extractTo(reportDirectory.resolve("release").resolve(safe(m.artifactId() + "-" + m.version())));
    return new Unpacked(m, zip, directory);
  }

  private static Path locate(String value, MavenProject project, MavenSession session, RepositorySystem repositories) {
    Path asPath = project.getBasedir().toPath().resolve(value);
    if (value.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") || Files.isRegularFile(asPath)) {
      if (!Files.isRegularFile(asPath)) {
        throw new SetupException("-Ddbdevops.release=" + value + ": no such file (" + asPath + ")");
      }
      return asPath;
    }
    if (!COORDINATES.matcher(value).matches()) {
      throw new SetupException("-Ddbdevops.release=" + value + " is neither groupId:artifactId:version nor the path "
          + "of a -" + CLASSIFIER + ".zip");
    }
    String[] parts = value.split(":");
    DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], CLASSIFIER, EXTENSION, parts[2]);
    try {
      ArtifactResult result = repositories.resolveArtifact(session.getRepositorySession(),
          new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null));
      return result.getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new SetupException("-Ddbdevops.release=" + value + ": cannot resolve " + artifact + " from the local "
          + "repository or the project's repositories (" + firstLine(e.getMessage()) + "); package and install or "
          + "deploy it first (mvn install / mvn deploy with the dbdevops:package goal)");
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
