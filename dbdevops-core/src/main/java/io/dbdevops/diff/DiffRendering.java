package io.dbdevops.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups changes per object and renders them as {@code +} / {@code -} / {@code ~} lines:
 * <pre>
 * table orders
 *   + column note varchar(200) null
 *   ~ column status: type varchar(20) -&gt; varchar(30)
 * </pre>
 */
public final class DiffRendering {

  private DiffRendering() {
  }

  /** One group of changes about one object. */
  public record ObjectChanges(SchemaChange.ObjectKind kind, String name, List<SchemaChange> changes) {
    public ObjectChanges {
      changes = List.copyOf(changes);
    }

    public String title() {
      return kind.word() + " " + name;
    }
  }

  public static List<ObjectChanges> group(List<SchemaChange> changes) {
    Map<String, List<SchemaChange>> groups = new LinkedHashMap<>();
    Map<String, SchemaChange> first = new LinkedHashMap<>();
    for (SchemaChange c : changes) {
      String key = c.objectKind() + "\u0000" + c.objectName();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
      first.putIfAbsent(key, c);
    }
    List<ObjectChanges> out = new ArrayList<>();
    groups.forEach((key, list) -> out.add(new ObjectChanges(first.get(key).objectKind(), first.get(key).objectName(), list)));
    return out;
  }

  /** The plain-text lines: an object title then its indented change lines. */
  public static List<String> lines(List<SchemaChange> changes) {
    List<String> lines = new ArrayList<>();
    for (ObjectChanges group : group(changes)) {
      lines.add(group.title());
      for (SchemaChange c : group.changes()) {
        lines.add("  " + c.sign().symbol() + " " + c.describe());
      }
    }
    return lines;
  }
}
