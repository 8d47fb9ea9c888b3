package io.dbdevops.snapshot;

import java.util.Locale;
import java.util.Set;

/**
 * Canonical text of a view definition (see {@link SqlText} for what is rewritten).
 *
 * <p>A view's definition is <em>dialect-rendered</em>: each database stores the query in its own words, and some of
 * that cannot be undone in general (H2 rewrites conditions; function names and operators differ between dialects). The canonical form makes the common cases (joins, aggregates, {@code case}, {@code in}
 * lists, subqueries, {@code coalesce}) read the same on H2, PostgreSQL and MariaDB; the view's columns are portable
 * in every case.
 */
final class ViewText {

  private ViewText() {
  }

  /**
   * @param ownSchemas the owned schemas (PostgreSQL, H2) or database (MariaDB), lower case: their qualifiers are
   *     dropped, since a shadow's temporary database has a random name
   * @param booleanColumns MariaDB only: boolean columns (lower case), whose comparisons with 1 and 0 are written
   *     with {@code true} and {@code false} as on the other engines
   */
  static String canonical(String raw, Set<String> ownSchemas, Set<String> booleanColumns) {
    String v = raw.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith("create")) {
      int as = lower.indexOf(" as ");
      if (as > 0) {
        v = v.substring(as + 4);
      }
    }
    v = v.trim();
    while (v.endsWith(";")) {
      v = v.substring(0, v.length() - 1).trim();
    }
    return SqlText.query(v, ownSchemas, booleanColumns);
  }
}
