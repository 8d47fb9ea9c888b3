package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw text of each changeset in its file, comments included, so an acceptance can be written as an XML, YAML or
 * SQL comment: from the changeset's first line (for XML, with the comments right above it) to its end (XML: the
 * closing {@code </changeSet>}; YAML and formatted SQL: the next changeset). Each file is read once; a file that
 * cannot be read gives no text (its acceptances can still be written in the changeset's comment).
 */
public final class ChangeSetSources {

  private ChangeSetSources() {
  }

  /** Changeset key → text. */
  public static Map<String, String> read(Path root, List<ChangeSetInfo> changeSets) {
    Map<String, List<ChangeSetInfo>> byFile = new LinkedHashMap<>();
    for (ChangeSetInfo cs : changeSets) {
      if (cs.line() > 0) {
        byFile.computeIfAbsent(cs.physicalFile(), f -> new ArrayList<>()).add(cs);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, List<ChangeSetInfo>> e : byFile.entrySet()) {
      List<String> lines;
      try {
        lines = Files.readAllLines(root.resolve(e.getKey()), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException unreadable) {
        continue;
      }
      List<ChangeSetInfo> inFile = new ArrayList<>(e.getValue());
      inFile.sort(java.util.Comparator.comparingInt(ChangeSetInfo::line));
      boolean xml = e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
      for (int i = 0; i < inFile.size(); i++) {
        ChangeSetInfo cs = inFile.get(i);
        int start = Math.min(cs.line(), lines.size()) - 1;
        int next = i + 1 < inFile.size() ? Math.min(inFile.get(i + 1).line(), lines.size() + 1) - 1 : lines.size();
        int end = next;
        if (xml) {
          start = commentsAbove(lines, start);
          for (int j = Math.max(cs.line() - 1, 0); j < next; j++) {
            if (lines.get(j).contains("</changeSet>") || lines.get(j).matches(".*<changeSet[^>]*/>.*")) {
              end = j + 1;
              break;
            }
          }
        }
        out.put(cs.key(), String.join("\n", lines.subList(Math.max(start, 0), Math.max(end, Math.max(start, 0)))));
      }
    }
    return out;
  }

  /** The first line of the XML comments (and blank lines) directly above {@code start}. */
  private static int commentsAbove(List<String> lines, int start) {
    int first = start;
    int j = start - 1;
    while (j >= 0) {
      String t = lines.get(j).trim();
      if (t.isEmpty()) {
        j--;
      } else if (t.endsWith("-->")) {
        int k = j;
        while (k >= 0 && !lines.get(k).contains("<!--")) {
          k--;
        }
        if (k < 0) {
          break;
        }
        first = k;
        j = k - 1;
      } else {
        break;
      }
    }
    return first;
  }
}
