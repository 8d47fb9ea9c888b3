package io.dbdevops.fleet;

import io.dbdevops.SetupException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code -Ddbdevops.environments=prod-*,staging}: the environments a fleet run works on, from a comma list of names and
 * globs ({@code *} any characters, {@code ?} one), in the order the POM declares them, then the shard's part of them.
 */
public final class FleetSelection {

  public static final String SETTING = "-Ddbdevops.environments";

  private FleetSelection() {
  }

  /**
   * @param declared the environments the POM declares, in its order
   * @throws SetupException an empty list, or a name or glob that matches no environment (naming it and the declared ones)
   */
  public static List<String> select(List<String> declared, String patterns, Optional<Shard> shard) {
    Set<String> chosen = new LinkedHashSet<>();
    List<String> terms = new ArrayList<>();
    for (String t : patterns.split(",")) {
      if (!t.isBlank()) {
        terms.add(t.trim());
      }
    }
    if (terms.isEmpty()) {
      throw new SetupException(SETTING + " is empty: give environment names or globs, e.g. prod-*");
    }
    for (String term : terms) {
      Pattern glob = glob(term);
      List<String> matched = declared.stream().filter(n -> glob.matcher(n).matches()).toList();
      if (matched.isEmpty()) {
        throw new SetupException(SETTING + ": '" + term + "' matches no environment (declared: "
            + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
      }
      chosen.addAll(matched);
    }
    List<String> ordered = declared.stream().filter(chosen::contains).toList();
    if (shard.isEmpty()) {
      return ordered;
    }
    List<String> part = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (shard.get().takes(i)) {
        part.add(ordered.get(i));
      }
    }
    return part;
  }

  private static Pattern glob(String term) {
    StringBuilder regex = new StringBuilder();
    for (char ch : term.toCharArray()) {
      switch (ch) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
