package io.dbdevops.gate;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gate needs: the changelog, the committed state directory, the shadow to apply to, the schemas
 * the project owns (empty: the shadow's default schema), Liquibase's update options, and where images of the shadow at
 * the released point are kept across builds (empty: not kept).
 */
public record GateSettings(ChangelogSource changelog, Path stateDirectory, ShadowSettings shadow, List<String> schemas,
    UpdateOptions updateOptions, Optional<Path> shadowCache) {

  public GateSettings {
    Objects.requireNonNull(changelog, "changelog");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(shadow, "shadow");
    schemas = List.copyOf(schemas);
    updateOptions = Objects.requireNonNullElse(updateOptions, UpdateOptions.DEFAULT);
    shadowCache = Objects.requireNonNullElse(shadowCache, Optional.empty());
  }

  /** Settings without the released-point cache. */
  public GateSettings(ChangelogSource changelog, Path stateDirectory, ShadowSettings shadow, List<String> schemas,
      UpdateOptions updateOptions) {
    this(changelog, stateDirectory, shadow, schemas, updateOptions, Optional.empty());
  }

  /** These settings with the released-point cache in {@code directory} (see {@link ReleasedPointCache}). */
  public GateSettings withShadowCache(Path directory) {
    return new GateSettings(changelog, stateDirectory, shadow, schemas, updateOptions, Optional.of(directory));
  }
}
