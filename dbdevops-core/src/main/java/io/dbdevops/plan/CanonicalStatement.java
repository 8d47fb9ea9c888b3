package io.dbdevops.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import io.dbdevops.lint.SqlLexer;

/**
 * A statement as a plan records it: stripped, and in a {@code CREATE TABLE} the table constraints (those after the
 * columns: {@code CONSTRAINT …}, {@code PRIMARY KEY}, {@code FOREIGN KEY}, {@code UNIQUE}, {@code CHECK}) in text order.
 * Liquibase keeps a table's foreign keys and unique constraints in hash sets of objects without their own hash, so the
 * same changeset gives them in another order in every JVM; the order means nothing to the database, and a plan id over
 * the literal text would change from one run to the next. Columns keep their order (it is the table's).
 */
public final class CanonicalStatement {

  private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^\\s*CREATE\\s+(?:\\w+\\s+)*TABLE\\b.*");
  private static final Pattern TABLE_CONSTRAINT = Pattern.compile("(?is)^(CONSTRAINT\\b|PRIMARY\\s+KEY\\b|FOREIGN\\s+KEY\\b"
      + "|UNIQUE\\s*\\(|UNIQUE\\s+KEY\\b|CHECK\\s*\\().*");

  private CanonicalStatement() {
  }

  public static String of(String sql) {
    String s = sql.strip();
    if (!CREATE_TABLE.matcher(s).matches()) {
      return s;
    }
    int open = s.indexOf('(');
    List<Integer> commas = new ArrayList<>();
    int close = open < 0 ? -1 : body(s, open, commas);
    if (close < 0) {
      return s;
    }
    List<String> parts = new ArrayList<>();
    int start = open + 1;
    for (int comma : commas) {
      parts.add(s.substring(start, comma));
      start = comma + 1;
    }
    parts.add(s.substring(start, close));
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

  /**
   * The index of the parenthesis closing the one at {@code open}, skipping literals, quoted names and comments as the
   * lint's {@link SqlLexer} does; the top-level commas between them go to {@code commas}. -1 when it is not closed.
   */
  private static int body(String s, int open, List<Integer> commas) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      int skip = SqlLexer.skipQuotedOrComment(s, i);
      if (skip > i) {
        i = skip - 1;
        continue;
      }
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      } else if (c == ',' && depth == 1) {
        commas.add(i);
      }
    }
    return -1;
  }
}
