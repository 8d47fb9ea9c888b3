package io.dbdevops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between a stored plan (plan.json as approved) and the plan computed now: the changesets (pending now or
 * no longer, edited, their SQL, reversibility and loss), the live state (drift, or a deploy since), the Liquibase
 * settings and parameters, the diff, the lint findings; and a plan.json whose content no longer matches its id.
 */
public final class PlanDifferences {

  private PlanDifferences() {
  }

  /** One line per difference; empty when the contents are equal. */
  public static List<String> between(JsonNode stored, Plan now) {
    JsonNode current = PlanJson.canonical(now);
    List<String> out = new ArrayList<>();
    String storedId = stored.path("planId").asText();
    if (!PlanJson.idOf(stored).equals(storedId)) {
      out.add("the stored plan.json was edited after it was written: its content no longer gives its id " + storedId);
    }
    for (String field : List.of("format", "environment", "engine")) {
      if (!Objects.equals(stored.get(field), current.get(field))) {
        out.add(field + " " + stored.path(field).asText() + " → " + current.path(field).asText());
      }
    }
    if (!Objects.equals(stored.get("liveFingerprint"), current.get("liveFingerprint"))) {
      List<String> drift = strings(current.get("drift"));
      out.add("the live state changed since the plan (another deploy, or a change made outside the changelog): "
          + "fingerprint " + stored.path("liveFingerprint").asText() + " → " + current.path("liveFingerprint").asText()
          + (drift.isEmpty() ? "" : "; drift now: " + String.join(" ", drift).replaceAll("\\s+", " ").trim()));
    } else if (!Objects.equals(stored.get("drift"), current.get("drift"))) {
      out.add("the drift changed: " + strings(stored.get("drift")) + " → " + strings(current.get("drift")));
    }
    settings(stored.path("settings"), current.path("settings"), out);
    changeSets(stored.path("changesets"), current.path("changesets"), out);
    if (!Objects.equals(stored.get("diff"), current.get("diff"))) {
      List<String> was = strings(stored.get("diff"));
      List<String> is = strings(current.get("diff"));
      List<String> gone = was.stream().filter(l -> !is.contains(l)).map(String::strip).toList();
      List<String> added = is.stream().filter(l -> !was.contains(l)).map(String::strip).toList();
      out.add("the diff live → after changed:" + (gone.isEmpty() ? "" : " planned " + gone)
          + (added.isEmpty() ? "" : (gone.isEmpty() ? "" : ",") + " now " + added));
    }
    if (!Objects.equals(stored.get("lint"), current.get("lint"))) {
      out.add("the lint findings changed: " + stored.path("lint").size() + " → " + current.path("lint").size());
    }
    if (out.isEmpty() && !storedId.equals(now.planId())) {
      out.add("the plan content differs (plan format or a field this version does not compare)");
    }
    return out;
  }

  /**
   * The changesets whose statements, as a deploy executed them ({@code executed}: per {@code file::id::author}), are
   * not the plan's; one line each, empty when the deploy ran exactly the plan's SQL.
   */
  public static List<String> executedVersusPlanned(Plan plan, Map<String, List<String>> executed) {
    List<String> out = new ArrayList<>();
    for (Plan.PlannedChangeSet c : plan.changeSets()) {
      List<String> ran = executed.getOrDefault(c.key(), List.of()).stream().map(CanonicalStatement::of).toList();
      if (!ran.equals(c.sql())) {
        out.add("changeset " + c.id() + " (" + c.location() + ") executed other SQL than its plan's: "
            + firstDifference(c.sql(), ran));
      }
    }
    return out;
  }

  private static void settings(JsonNode stored, JsonNode now, List<String> out) {
    for (String field : List.of("contexts", "labels")) {
      if (!Objects.equals(stored.get(field), now.get(field))) {
        out.add("parameter: Liquibase " + field + " " + shown(stored.get(field)) + " → " + shown(now.get(field)));
      }
    }
    JsonNode a = stored.path("parameters");
    JsonNode b = now.path("parameters");
    TreeSet<String> names = new TreeSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (!Objects.equals(a.get(name), b.get(name))) {
        out.add("parameter: changelog parameter " + name + " " + shown(a.get(name)) + " → " + shown(b.get(name)));
      }
    }
  }

  private static void changeSets(JsonNode stored, JsonNode now, List<String> out) {
    Map<String, JsonNode> before = byKey(stored);
    Map<String, JsonNode> after = byKey(now);
    for (Map.Entry<String, JsonNode> e : before.entrySet()) {
      JsonNode was = e.getValue();
      JsonNode is = after.get(e.getKey());
      String name = "changeset " + was.path("id").asText() + " (" + was.path("location").asText() + ")";
      if (is == null) {
        out.add(name + " of the plan is no longer pending (applied since, or removed from the changelog)");
        continue;
      }
      if (!Objects.equals(was.get("checksum"), is.get("checksum"))) {
        out.add(name + " was edited: checksum " + was.path("checksum").asText() + " → " + is.path("checksum").asText());
      }
      if (!Objects.equals(was.get("sql"), is.get("sql"))) {
        out.add(name + ": its SQL changed: " + firstDifference(strings(was.get("sql")), strings(is.get("sql"))));
      }
      for (String field : List.of("reversibility", "lossy")) {
        if (!Objects.equals(was.get(field), is.get(field))) {
          out.add(name + ": " + field + " " + was.path(field).asText() + " → " + is.path(field).asText());
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        out.add("changeset " + e.getValue().path("id").asText() + " (" + e.getValue().path("location").asText()
            + ") is pending now and not in the plan");
      }
    }
    if (out.isEmpty() || before.keySet().equals(after.keySet())) {
      List<String> a = new ArrayList<>(before.keySet());
      List<String> b = new ArrayList<>(after.keySet());
      if (new TreeSet<>(a).equals(new TreeSet<>(b)) && !a.equals(b)) {
        out.add("the pending changesets run in another order");
      }
    }
  }

  private static String firstDifference(List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "(none)";
      String y = i < b.size() ? b.get(i) : "(none)";
      if (!x.equals(y)) {
        return "statement " + (i + 1) + " was '" + brief(x) + "', now '" + brief(y) + "'";
      }
    }
    return "the statements differ";
  }

  private static String brief(String sql) {
    String s = sql.replaceAll("\\s+", " ").trim();
    return s.length() > 120 ? s.substring(0, 117) + "…" : s;
  }

  private static Map<String, JsonNode> byKey(JsonNode array) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode n : array) {
      map.put(n.path("file").asText() + "::" + n.path("id").asText() + "::" + n.path("author").asText(), n);
    }
    return map;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static String shown(JsonNode n) {
    return n == null || n.isNull() ? "(none)" : "'" + n.asText() + "'";
  }
}
