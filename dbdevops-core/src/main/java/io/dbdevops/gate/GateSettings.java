package io.dbdevops.gate;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.dbtest.DbTestFile;
import io.dbdevops.dbtest.DbTests;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.seed.SeedSettings;
import io.dbdevops.shadow.ShadowSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gate needs: the changelog, the committed state directory, the shadow to apply to, the schemas
 * the project owns (empty: the shadow's default schema), Liquibase's update options, where images of the shadow at
 * the released point are kept across builds (empty: not kept), the database unit tests the shadow runs after the
 * changelog (none: not run; {@link DbTests}), the reference tables whose rows are part of the state (lower case,
 * sorted), and the data test (the released point filled with generated rows before the pending changesets; empty: off).
 */
public record GateSettings(ChangelogSource changelog, Path stateDirectory, ShadowSettings shadow, List<String> schemas,
    UpdateOptions updateOptions, Optional<Path> shadowCache, List<DbTestFile> dbTests, List<String> referenceData,
    Optional<SeedSettings> dataTest) {

  public GateSettings {
    Objects.requireNonNull(changelog, "changelog");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(shadow, "shadow");
    schemas = List.copyOf(schemas);
    updateOptions = Objects.requireNonNullElse(updateOptions, UpdateOptions.DEFAULT);
    shadowCache = Objects.requireNonNullElse(shadowCache, Optional.empty());
    dbTests = dbTests == null ? List.of() : List.copyOf(dbTests);
    referenceData = referenceData == null ? List.of() : referenceData.stream().map(String::strip)
        .map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().sorted().toList();
    dataTest = Objects.requireNonNullElse(dataTest, Optional.empty());
  }

  /** Settings without the released-point cache, database tests, reference data or data test. */
  public GateSettings(ChangelogSource changelog, Path stateDirectory, ShadowSettings shadow, List<String> schemas,
      UpdateOptions updateOptions) {
    this(changelog, stateDirectory, shadow, schemas, updateOptions, Optional.empty(), List.of(), List.of(),
        Optional.empty());
  }

  /** These settings with the released-point cache in {@code directory} (see {@link ReleasedPointCache}). */
  public GateSettings withShadowCache(Path directory) {
    return new GateSettings(changelog, stateDirectory, shadow, schemas, updateOptions, Optional.of(directory), dbTests,
        referenceData, dataTest);
  }

  /** These settings with database unit tests to run on the shadow after the changelog (see {@link DbTests}). */
  public GateSettings withDbTests(List<DbTestFile> tests) {
    return new GateSettings(changelog, stateDirectory, shadow, schemas, updateOptions, shadowCache, tests, referenceData,
        dataTest);
  }

  /** These settings with {@code tables} as the reference tables. */
  public GateSettings withReferenceData(List<String> tables) {
    return new GateSettings(changelog, stateDirectory, shadow, schemas, updateOptions, shadowCache, dbTests, tables,
        dataTest);
  }

  /**
   * These settings with the migrations tested against data: the shadow at the released point is filled with generated
   * rows ({@code seed}) before the pending changesets run, and one that fails on them is DBD610 fails-on-data.
   */
  public GateSettings withDataTest(SeedSettings seed) {
    return new GateSettings(changelog, stateDirectory, shadow, schemas, updateOptions, shadowCache, dbTests,
        referenceData, Optional.of(seed));
  }

  /**
   * These settings on another shadow, as one engine of several ({@code -Ddbdevops.shadows}): without the released-point
   * cache, database tests and data test, which the first engine's gate runs.
   */
  public GateSettings onEngine(ShadowSettings other) {
    return new GateSettings(changelog, stateDirectory, other, schemas, updateOptions, Optional.empty(), List.of(),
        referenceData, Optional.empty());
  }

  /** These settings on the shadow {@code other}, everything else kept. */
  public GateSettings withShadow(ShadowSettings other) {
    return new GateSettings(changelog, stateDirectory, other, schemas, updateOptions, shadowCache, dbTests, referenceData,
        dataTest);
  }
}
