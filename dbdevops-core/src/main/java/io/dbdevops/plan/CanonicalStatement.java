package io.dbdevops.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statement as a plan records it: stripped, and in a {@code CREATE TABLE} the table constraints (those after the
 * columns: {@code CONSTRAINT …}, {@code PRIMARY KEY}, {@code FOREIGN KEY}, {@code UNIQUE}, {@code CHECK}) in text order.
 * Liquibase keeps a table's foreign keys and unique constraints in hash sets of objects without their own hash, so the
 * same changeset gives them in another order in every JVM; the order means nothing to the database, and a plan id over
 * the literal text would change from one run to the next. Columns keep their order (it is the table's).
 */
final class CanonicalStatement {

  private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^\\s*CREATE\\s+(?:\\w+\\s+)*TABLE\\b.*");
  private static final Pattern TABLE_CONSTRAINT = Pattern.compile("(?is)^(CONSTRAINT\\b|PRIMARY\\s+KEY\\b|FOREIGN\\s+KEY\\b"
      + "|UNIQUE\\s*\\(|UNIQUE\\s+KEY\\b|CHECK\\s*\\().*");

  private CanonicalStatement() {
  }

  static String of(String sql) {
    String s = sql.strip();
    if (!CREATE_TABLE.matcher(s).matches()) {
      return s;
    }
    int open = s.indexOf('(');
    int close = matching(s, open);
    if (open < 0 || close < 0) {
      return s;
    }
    List<String> parts = splitTopLevel(s.substring(open + 1, close));
    int first = parts.size();
    for (int i = 0; i < parts.size(); i++) {
      if (TABLE_CONSTRAINT.matcher(parts.get(i).strip()).matches()) {
        first = i;
        break;
      }
    }
    for (int i = first; i < parts.size(); i++) {
      if (!TABLE_CONSTRAINT.matcher(parts.get(i).strip()).matches()) {
        return s; // a column after a constraint: leave the statement as it is
      }
    }
    if (parts.size() - first < 2) {
      return s;
    }
    List<String> columns = new ArrayList<>(parts.subList(0, first).stream().map(String::strip).toList());
    List<String> constraints = new ArrayList<>(parts.subList(first, parts.size()).stream().map(String::strip).toList());
    constraints.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(p -> p.toLowerCase(Locale.ROOT)));
    columns.addAll(constraints);
    return s.substring(0, open + 1) + String.join(", ", columns) + s.substring(close);
  }

  /** The index of the parenthesis closing the one at {@code open}, outside quotes; -1 when there is none. */
  private static int matching(String s, int open) {
    if (open < 0) {
      return -1;
    }
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(body.substring(start));
    return parts;
  }
}
