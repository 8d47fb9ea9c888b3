package io.dbdevops.release;

/**
 * How far a release moves the version, by semantic versioning: what the database change means to the application
 * versions still running against it. Ordered: {@code NONE < PATCH < MINOR < MAJOR}.
 */
public enum Bump {
  /** Nothing pending. */
  NONE,
  /** Nothing schema-visible changed: reference data, grants added, comments, a data-only changeset. */
  PATCH,
  /** Compatible additions: new objects, nullable columns, columns with a default, indexes, widening. */
  MINOR,
  /** An older running version breaks: a drop, a rename, narrowing, NOT NULL or unique on existing columns, a revoke. */
  MAJOR;

  /** The larger of the two. */
  public Bump max(Bump other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** {@code major}, {@code minor}, {@code patch}, {@code none}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
