package io.dbdevops.release;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pending part needs of the next version: its {@link #level()} (the largest class of its changes; NONE when
 * nothing is pending) and every change with its class ({@link #reasons()}, largest first, then by file and line).
 */
public record Classification(Bump level, List<Reason> reasons) {

  /** Nothing pending. */
  public static final Classification NONE = new Classification(Bump.NONE, List.of());

  public Classification {
    Objects.requireNonNull(level, "level");
    reasons = List.copyOf(reasons);
  }

  /** The reasons at {@link #level()}: the changes that require it. */
  public List<Reason> drivers() {
    return reasons.stream().filter(r -> r.bump() == level).toList();
  }

  /**
   * The version the next release needs: the last released version bumped by {@link #level()} (itself when nothing is
   * pending); empty when no released version is known (nothing released, or released before versions were recorded).
   */
  public Optional<SemanticVersion> requiredNext(Optional<SemanticVersion> last) {
    return last.map(v -> v.release().bump(level));
  }

  /**
   * True when {@code project} (a SNAPSHOT counting as its release) is at least {@link #requiredNext}, or when nothing
   * is required.
   */
  public boolean met(SemanticVersion project, Optional<SemanticVersion> last) {
    return requiredNext(last).map(project::meets).orElse(true);
  }
}
