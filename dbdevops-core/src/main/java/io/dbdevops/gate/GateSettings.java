package io.dbdevops.gate;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gate needs: the changelog, the committed state directory, the shadow to apply to, the schemas
 * the project owns (empty: the shadow's default schema) and Liquibase's update options.
 */
public record GateSettings(ChangelogSource changelog, Path stateDirectory, ShadowSettings shadow, List<String> schemas,
    UpdateOptions updateOptions) {

  public GateSettings {
    Objects.requireNonNull(changelog, "changelog");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(shadow, "shadow");
    schemas = List.copyOf(schemas);
    updateOptions = Objects.requireNonNullElse(updateOptions, UpdateOptions.DEFAULT);
  }
}
