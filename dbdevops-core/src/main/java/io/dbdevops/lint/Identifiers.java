package io.dbdevops.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names as the lint compares them: unquoted, without schema, lower case (the state's canonical names). */
public final class Identifiers {

  private Identifiers() {
  }

  /** {@code "Sales"."Orders"} → {@code orders}; {@code public.orders} → {@code orders}; null → empty. */
  public static String name(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.trim();
    int dot = lastDotOutsideQuotes(s);
    if (dot >= 0) {
      s = s.substring(dot + 1);
    }
    return unquote(s).toLowerCase(Locale.ROOT);
  }

  /** {@code a, b ,c} → {@code [a, b, c]}. */
  public static List<String> list(String commaSeparated) {
    List<String> out = new ArrayList<>();
    if (commaSeparated == null) {
      return out;
    }
    for (String part : commaSeparated.split(",")) {
      String n = name(part);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code orders.note}. */
  public static String column(String table, String column) {
    return table.isEmpty() ? column : table + "." + column;
  }

  static String unquote(String s) {
    if (s.length() >= 2) {
      char a = s.charAt(0);
      char z = s.charAt(s.length() - 1);
      if (a == '"' && z == '"' || a == '`' && z == '`' || a == '[' && z == ']') {
        return s.substring(1, s.length() - 1);
      }
    }
    return s;
  }

  private static int lastDotOutsideQuotes(String s) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '`') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        last = i;
      }
    }
    return last;
  }
}
