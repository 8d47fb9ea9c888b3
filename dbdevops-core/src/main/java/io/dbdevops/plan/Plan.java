package io.dbdevops.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a deploy to one environment will do, for review: the environment and its engine, the fingerprint of its live
 * state, the Liquibase settings the deploy runs with, the drift found, each pending changeset with every SQL statement
 * the shadow executed for it, the typed diff live → after, and the lint findings with their acceptances. Its
 * {@link #planId()} is the first 16 hex digits of the SHA-256 of {@link PlanJson#canonical(Plan) the canonical content},
 * which holds no time, absolute path or temporary database name: the same inputs give the same id on any machine.
 *
 * <p>{@link #requiredVersionBump()} is the release classification of the pending part against what the environment
 * has applied (MAJOR, MINOR, PATCH or NONE; {@code io.dbdevops.release.Classifier}): what a release holding exactly
 * this deploy needs over the environment's version.
 *
 * @param liveFingerprint {@code sha256:…} of the live state's canonical state files
 * @param diff the typed diff live → after the pending changesets, as {@code DiffRendering} lines
 * @param drift the drift of the live state against the expected state at its applied changesets, as lines
 */
public record Plan(String planId, String environment, String engine, String liveFingerprint, Settings settings,
    List<String> drift, List<PlannedChangeSet> changeSets, List<String> diff, List<PlannedFinding> lint,
    Optional<String> requiredVersionBump) {

  public Plan {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(liveFingerprint, "liveFingerprint");
    Objects.requireNonNull(settings, "settings");
    drift = List.copyOf(drift);
    changeSets = List.copyOf(changeSets);
    diff = List.copyOf(diff);
    lint = List.copyOf(lint);
    requiredVersionBump = Objects.requireNonNullElse(requiredVersionBump, Optional.empty());
  }

  /** The same plan with its id computed from its content. */
  public Plan identified() {
    return new Plan(PlanJson.idOf(this), environment, engine, liveFingerprint, settings, drift, changeSets, diff, lint,
        requiredVersionBump);
  }

  public boolean lossy() {
    return changeSets.stream().anyMatch(PlannedChangeSet::lossy);
  }

  public long irreversible() {
    return changeSets.stream().filter(c -> c.reversibility() == Reversibility.IRREVERSIBLE).count();
  }

  public int statements() {
    return changeSets.stream().mapToInt(c -> c.sql().size()).sum();
  }

  /** The Liquibase settings of the environment the plan was computed with. */
  public record Settings(Optional<String> contexts, Optional<String> labels, SortedMap<String, String> parameters) {
    public Settings {
      contexts = Objects.requireNonNullElse(contexts, Optional.empty());
      labels = Objects.requireNonNullElse(labels, Optional.empty());
      parameters = new TreeMap<>(parameters);
    }

    public static Settings of(Optional<String> contexts, Optional<String> labels, Map<String, String> parameters) {
      return new Settings(contexts, labels, new TreeMap<>(parameters));
    }
  }

  /**
   * One pending changeset: its identity and place, Liquibase's checksum, the statements the shadow executed for it
   * (Liquibase's bookkeeping left out), how it can be undone, and whether it loses data (with the findings that say so).
   *
   * @param file the changeset's file as Liquibase identifies it (relative to the changelog root)
   * @param location where it is written: {@code file:line}
   */
  public record PlannedChangeSet(String id, String author, String file, String location, String checksum,
      List<String> sql, Reversibility reversibility, boolean lossy, List<String> lossReasons) {
    public PlannedChangeSet {
      sql = List.copyOf(sql);
      lossReasons = List.copyOf(lossReasons);
    }

    public String key() {
      return file + "::" + id + "::" + author;
    }
  }

  /** One lint finding of the pending part as judged with the project's lint settings, and its acceptance. */
  public record PlannedFinding(String code, String name, String severity, String object, Optional<String> changeSetId,
      String location, String message, Optional<String> acceptedReason) {
    public PlannedFinding {
      changeSetId = Objects.requireNonNullElse(changeSetId, Optional.empty());
      acceptedReason = Objects.requireNonNullElse(acceptedReason, Optional.empty());
    }

    public boolean accepted() {
      return acceptedReason.isPresent();
    }
  }
}
