package io.dbdevops.impact;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the deploy's impact record and history row say besides what the deploy measures: the version deployed (the
 * project's, or the release artifact's), the reviewed plan's id, and where lock-retry warnings go as they happen.
 */
public record ImpactSettings(String version, Optional<String> planId, Consumer<String> warnings) {

  /** No version known, no plan, warnings dropped. */
  public static final ImpactSettings NONE = new ImpactSettings("", Optional.empty(), w -> { });

  public ImpactSettings {
    version = Objects.requireNonNullElse(version, "");
    planId = Objects.requireNonNullElse(planId, Optional.<String>empty());
    Objects.requireNonNull(warnings, "warnings");
  }
}
