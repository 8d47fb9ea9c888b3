package io.dbdevops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbdevops.SetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A plan as JSON: {@link #canonical(Plan)} is the content the id is computed over (fields in a fixed order, compact,
 * no id, no time); {@code plan.json} is the id followed by that content, pretty-printed. Read back for deploy's
 * comparison with {@link #read(Path)}.
 */
public final class PlanJson {

  /** The version of the plan format; part of the hashed content. */
  public static final int FORMAT = 2;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanJson() {
  }

  /** The content the plan id is computed over. */
  public static ObjectNode canonical(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("environment", plan.environment());
    root.put("engine", plan.engine());
    root.put("liveFingerprint", plan.liveFingerprint());
    ObjectNode settings = root.putObject("settings");
    settings.put("contexts", plan.settings().contexts().orElse(null));
    settings.put("labels", plan.settings().labels().orElse(null));
    ObjectNode parameters = settings.putObject("parameters");
    plan.settings().parameters().forEach(parameters::put);
    strings(root.putArray("drift"), plan.drift());
    ArrayNode changeSets = root.putArray("changesets");
    for (Plan.PlannedChangeSet c : plan.changeSets()) {
      ObjectNode n = changeSets.addObject();
      n.put("id", c.id());
      n.put("author", c.author());
      n.put("file", c.file());
      n.put("location", c.location());
      n.put("checksum", c.checksum());
      n.put("reversibility", c.reversibility().word());
      n.put("lossy", c.lossy());
      strings(n.putArray("lossReasons"), c.lossReasons());
      strings(n.putArray("sql"), c.sql());
    }
    strings(root.putArray("diff"), plan.diff());
    ArrayNode lint = root.putArray("lint");
    for (Plan.PlannedFinding f : plan.lint()) {
      ObjectNode n = lint.addObject();
      n.put("code", f.code());
      n.put("name", f.name());
      n.put("severity", f.severity());
      n.put("object", f.object());
      n.put("changeset", f.changeSetId().orElse(null));
      n.put("location", f.location());
      n.put("message", f.message());
      n.put("accepted", f.accepted());
      n.put("acceptedReason", f.acceptedReason().orElse(null));
    }
    root.put("requiredVersionBump", plan.requiredVersionBump().orElse(null));
    return root;
  }

  /** The first 16 hex digits of the SHA-256 of the canonical content. */
  public static String idOf(Plan plan) {
    return idOf(canonical(plan));
  }

  /** The id of a plan's content as read from plan.json (its {@code planId} field left out). */
  public static String idOf(JsonNode content) {
    ObjectNode copy = content.deepCopy();
    copy.remove("planId");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(MAPPER.writeValueAsBytes(copy));
      return HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the plan", e);
    }
  }

  /** plan.json's tree: the id, then the content. */
  public static ObjectNode tree(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("planId", plan.planId());
    root.setAll(canonical(plan));
    return root;
  }

  public static String write(Plan plan) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(plan)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the plan", e);
    }
  }

  /** A stored plan.json. */
  public static JsonNode read(Path file) {
    try {
      JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (node == null || !node.isObject() || !node.path("planId").isTextual()) {
        throw new SetupException("the plan " + file + " is not a dbdevops plan.json (no planId)");
      }
      return node;
    } catch (IOException e) {
      throw new SetupException("cannot read the plan " + file + ": " + e.getMessage(), e);
    }
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
