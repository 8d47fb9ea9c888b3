package io.dbdevops.env;

import io.dbdevops.SetupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table privilege held by a role: {@code SELECT ON orders TO reporting}. Canonical: the privilege upper case,
 * object and grantee lower case (as the snapshot names objects).
 */
public record Grant(String privilege, String object, String grantee) implements Comparable<Grant> {

  private static final Pattern FORM = Pattern.compile(
      "(?i)\\s*(?:GRANT\\s+)?([A-Z ,]+?)\\s+ON\\s+(?:TABLE\\s+)?([\\w.\"`]+)\\s+TO\\s+([\\w\"`'@%.-]+)\\s*;?\\s*");

  public Grant {
    privilege = Objects.requireNonNull(privilege, "privilege").trim().toUpperCase(Locale.ROOT);
    object = unquote(Objects.requireNonNull(object, "object")).toLowerCase(Locale.ROOT);
    grantee = unquote(Objects.requireNonNull(grantee, "grantee")).toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code SELECT, INSERT ON orders TO reporting} (one grant per privilege) as written in
   * {@code <grants><grant>}; {@code setting} names where it was written, for the error.
   */
  public static List<Grant> parse(String text, String setting) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new SetupException("cannot read the grant '" + text + "' in " + setting
          + " (write it as PRIVILEGE[, PRIVILEGE] ON table TO role, e.g. SELECT ON orders TO reporting)");
    }
    List<Grant> grants = new ArrayList<>();
    for (String p : m.group(1).split(",")) {
      if (!p.isBlank()) {
        grants.add(new Grant(p.trim().replaceAll("\\s+", " "), m.group(2), m.group(3)));
      }
    }
    return grants;
  }

  private static String unquote(String s) {
    return s.trim().replace("\"", "").replace("`", "").replace("'", "");
  }

  @Override
  public int compareTo(Grant o) {
    int c = object.compareTo(o.object);
    if (c == 0) {
      c = grantee.compareTo(o.grantee);
    }
    return c != 0 ? c : privilege.compareTo(o.privilege);
  }

  @Override
  public String toString() {
    return privilege + " ON " + object + " TO " + grantee;
  }
}
