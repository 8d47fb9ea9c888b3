package io.dbdevops.release;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code dbdevops:version} reports: the classification of the pending part, how many changesets are pending,
 * the last released version, the project version as the POM gives it, and from them the required next version and
 * whether the project version meets it.
 *
 * @param projectVersion the POM's version text ({@code 1.3.0-SNAPSHOT}); it may not be a semantic version
 */
public record VersionReport(Classification classification, int pending, Optional<SemanticVersion> lastRelease,
    String projectVersion) {

  public VersionReport {
    Objects.requireNonNull(classification, "classification");
    lastRelease = Objects.requireNonNullElse(lastRelease, Optional.empty());
    Objects.requireNonNull(projectVersion, "projectVersion");
  }

  /** The next version the pending part needs; empty when no release version is recorded. */
  public Optional<SemanticVersion> required() {
    return classification.requiredNext(lastRelease);
  }

  /** Whether the project version meets {@link #required()}; empty when nothing is required or it is no version. */
  public Optional<Boolean> meets() {
    return required().flatMap(r -> SemanticVersion.tryParse(projectVersion).map(p -> p.meets(r)));
  }
}
