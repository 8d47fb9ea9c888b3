package io.dbdevops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a release artifact: what it is (coordinates, version, the dbdevops that packed it), where its
 * parts lie in the zip, how the release is classified against the one before, and the SHA-256 of every other file in
 * it. Written with fields in a fixed order and files sorted by path, so the same release gives the same bytes.
 *
 * @param changelog the master changelog's path relative to {@link #CHANGELOG_DIRECTORY} (as under the project's
 *     {@code changelogDirectory})
 * @param previousVersion the release this one is classified against, empty when it is the first
 * @param classification MAJOR, MINOR, PATCH or NONE: what changed since {@code previousVersion}
 * @param requiredVersion the lowest version this release may carry after {@code previousVersion}, when known
 * @param changesets how many changesets the release holds (its whole history)
 * @param files every file of the zip except the manifest itself: its path in the zip → lower-case hex SHA-256
 */
public record ReleaseManifest(String groupId, String artifactId, String version, String dbdevopsVersion,
    String changelog, Optional<String> previousVersion, String classification, Optional<String> requiredVersion,
    int changesets, SortedMap<String, String> files) {

  /** The manifest's own path in the zip. */
  public static final String FILE = "manifest.json";
  /** Where the changelog tree lies in the zip (its files as under {@code changelogDirectory}). */
  public static final String CHANGELOG_DIRECTORY = "changelog/";
  /** Where the committed state lies in the zip. */
  public static final String STATE_DIRECTORY = "state/";
  /** The integrity file in the zip. */
  public static final String SUM_FILE = "dbdevops.sum";
  /** The release notes in the zip. */
  public static final String NOTES = "RELEASE-NOTES.md";
  /** The manifest format; readers refuse a newer one. */
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ReleaseManifest {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(changelog, "changelog");
    previousVersion = Objects.requireNonNullElse(previousVersion, Optional.empty());
    requiredVersion = Objects.requireNonNullElse(requiredVersion, Optional.empty());
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** {@code groupId:artifactId:version}. */
  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /** The manifest as written into the zip: UTF-8 JSON, fields in a fixed order, a final line break. */
  public byte[] toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("groupId", groupId);
    root.put("artifactId", artifactId);
    root.put("version", version);
    root.put("dbdevops", dbdevopsVersion);
    root.put("changelogDirectory", CHANGELOG_DIRECTORY);
    root.put("changelog", changelog);
    root.put("state", STATE_DIRECTORY);
    root.put("sumFile", SUM_FILE);
    root.put("releaseNotes", NOTES);
    root.put("previousVersion", previousVersion.orElse(null));
    root.put("classification", classification);
    root.put("requiredVersion", requiredVersion.orElse(null));
    root.put("changesets", changesets);
    ObjectNode hashes = root.putObject("files");
    files.forEach(hashes::put);
    try {
      return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a manifest; {@code where} names it in messages.
   *
   * @throws ReleaseArchiveException it is not a dbdevops release manifest, or of a newer format
   */
  public static ReleaseManifest parse(byte[] json, String where) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ReleaseArchiveException(where + " is not valid JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "): the release "
          + "artifact is damaged; package it again with mvn dbdevops:package");
    }
    if (root == null || !root.isObject() || !root.path("format").isInt() || !root.path("files").isObject()) {
      throw new ReleaseArchiveException(where + " is not a dbdevops release manifest (no format or files): package the "
          + "release with mvn dbdevops:package");
    }
    if (root.get("format").asInt() > FORMAT) {
      throw new ReleaseArchiveException(where + " is of manifest format " + root.get("format").asInt() + ", newer than "
          + "this dbdevops reads (" + FORMAT + "): deploy it with the dbdevops version that packed it ("
          + root.path("dbdevops").asText("?") + ") or newer");
    }
    SortedMap<String, String> files = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : root.get("files").properties()) {
      files.put(e.getKey(), e.getValue().asText());
    }
    return new ReleaseManifest(text(root, "groupId", where), text(root, "artifactId", where), text(root, "version", where),
        root.path("dbdevops").asText(""), text(root, "changelog", where), optional(root, "previousVersion"),
        root.path("classification").asText("NONE"), optional(root, "requiredVersion"), root.path("changesets").asInt(),
        files);
  }

  private static String text(JsonNode root, String field, String where) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ReleaseArchiveException(where + " has no '" + field + "': the release artifact is damaged; package it "
          + "again with mvn dbdevops:package");
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
