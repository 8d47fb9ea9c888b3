package io.dbdevops.release;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as semantic versioning reads it: {@code MAJOR.MINOR.PATCH} and an optional qualifier after {@code -}
 * ({@code 1.2.3-SNAPSHOT}, {@code 2.0.0-rc.1}). {@link #parse} also takes {@code 1.2} and {@code 1} (the missing parts
 * are 0), and build metadata after {@code +}, which it ignores as semver does. Ordered by semver precedence: a version
 * with a qualifier is below the same version without one ({@code 1.2.0-SNAPSHOT < 1.2.0-rc.1 < 1.2.0}).
 *
 * <p>With major version 0 (initial development, where anything may change), a {@link Bump#MAJOR} or {@link Bump#MINOR}
 * raises the minor version ({@code 0.3.1 → 0.4.0}) and a {@link Bump#PATCH} the patch version, as Cargo and npm's caret
 * ranges read 0.x: going to 1.0.0 declares a stable schema, which is the team's decision, not a change's. A project
 * version of 1.0.0 meets any requirement over a 0.x release.
 */
public record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, Optional<String> qualifier)
    implements Comparable<SemanticVersion> {

  private static final Pattern FORM = Pattern.compile(
      "(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:\\.(0|[1-9]\\d*))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final String SNAPSHOT = "SNAPSHOT";

  public SemanticVersion {
    Objects.requireNonNull(major, "major");
    Objects.requireNonNull(minor, "minor");
    Objects.requireNonNull(patch, "patch");
    qualifier = Objects.requireNonNullElse(qualifier, Optional.<String>empty()).filter(q -> !q.isEmpty());
    if (major.signum() < 0 || minor.signum() < 0 || patch.signum() < 0) {
      throw new IllegalArgumentException("a version's numbers are 0 or more: " + major + "." + minor + "." + patch);
    }
  }

  public static SemanticVersion of(long major, long minor, long patch) {
    return new SemanticVersion(BigInteger.valueOf(major), BigInteger.valueOf(minor), BigInteger.valueOf(patch),
        Optional.empty());
  }

  /**
   * Parses {@code 1.2.3}, {@code 1.2}, {@code 1}, each with an optional {@code -qualifier} and {@code +build}.
   *
   * @throws IllegalArgumentException naming the text and the form it must have
   */
  public static SemanticVersion parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a semantic version "
        + "(MAJOR.MINOR.PATCH, optionally with -QUALIFIER, e.g. 1.4.0 or 1.4.0-SNAPSHOT)"));
  }

  /** {@link #parse}, or empty when the text is not a version. */
  public static Optional<SemanticVersion> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemanticVersion(new BigInteger(m.group(1)), number(m.group(2)), number(m.group(3)),
        Optional.ofNullable(m.group(4))));
  }

  private static BigInteger number(String group) {
    return group == null ? BigInteger.ZERO : new BigInteger(group);
  }

  /** True for {@code X-SNAPSHOT}: Maven's version of a release still being built. */
  public boolean snapshot() {
    return qualifier.map(q -> q.equalsIgnoreCase(SNAPSHOT)).orElse(false);
  }

  /** The version a build of this one releases: {@code X} for {@code X-SNAPSHOT}, this one otherwise. */
  public SemanticVersion release() {
    return snapshot() ? new SemanticVersion(major, minor, patch, Optional.empty()) : this;
  }

  /**
   * The next version after this released one that a change of class {@code bump} needs: {@code 1.2.0} gives
   * {@code 2.0.0} (MAJOR), {@code 1.3.0} (MINOR), {@code 1.2.1} (PATCH), itself (NONE); on 0.x see the class comment.
   * The qualifier is dropped.
   */
  public SemanticVersion bump(Bump bump) {
    boolean initial = major.signum() == 0;
    return switch (bump) {
      case NONE -> this;
      case PATCH -> new SemanticVersion(major, minor, patch.add(BigInteger.ONE), Optional.empty());
      case MINOR -> new SemanticVersion(major, minor.add(BigInteger.ONE), BigInteger.ZERO, Optional.empty());
      case MAJOR -> initial ? new SemanticVersion(major, minor.add(BigInteger.ONE), BigInteger.ZERO, Optional.empty())
          : new SemanticVersion(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, Optional.empty());
    };
  }

  /** True when a build of this version (a SNAPSHOT counting as its release) is at least {@code required}. */
  public boolean meets(SemanticVersion required) {
    return release().compareTo(required) >= 0;
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int c = major.compareTo(other.major);
    if (c == 0) {
      c = minor.compareTo(other.minor);
    }
    if (c == 0) {
      c = patch.compareTo(other.patch);
    }
    if (c != 0) {
      return c;
    }
    if (qualifier.isEmpty() || other.qualifier.isEmpty()) {
      return Boolean.compare(qualifier.isEmpty(), other.qualifier.isEmpty());
    }
    return compareQualifiers(qualifier.get(), other.qualifier.get());
  }

  /** Semver 11.4: dot-separated identifiers, numeric ones numerically and below alphanumeric ones (ignoring case). */
  private static int compareQualifiers(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].chars().allMatch(Character::isDigit);
      boolean yn = y[i].chars().allMatch(Character::isDigit);
      int c = xn && yn ? new BigInteger(x[i]).compareTo(new BigInteger(y[i]))
          : xn != yn ? (xn ? -1 : 1)
          : x[i].toUpperCase(Locale.ROOT).compareTo(y[i].toUpperCase(Locale.ROOT));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** Equal by precedence: {@code 1.2} and {@code 1.2.0} are the same version. */
  public boolean sameAs(SemanticVersion other) {
    return compareTo(other) == 0;
  }

  /** {@code 1.2.3} or {@code 1.2.3-rc.1}: always three numbers. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + qualifier.map(q -> "-" + q).orElse("");
  }
}
