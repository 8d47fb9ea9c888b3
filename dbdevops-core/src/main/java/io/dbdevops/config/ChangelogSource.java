package io.dbdevops.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the changelog is: a resource root (e.g. {@code src/main/resources}) and the master changelog's path
 * relative to it (e.g. {@code db/changelog/db.changelog-master.xml}). Liquibase records the relative path, so the
 * same changelog also runs at application start from the classpath.
 */
public record ChangelogSource(Path root, String path) {

  public ChangelogSource {
    Objects.requireNonNull(root, "changelog root");
    Objects.requireNonNull(path, "changelog path");
    path = path.replace('\\', '/');
    if (path.isBlank()) {
      throw new IllegalArgumentException("changelog path is blank");
    }
  }

  public Path file() {
    return root.resolve(path);
  }
}
