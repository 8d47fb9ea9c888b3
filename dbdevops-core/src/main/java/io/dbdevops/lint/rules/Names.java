package io.dbdevops.lint.rules;

import io.dbdevops.lint.LintContext;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Table;
import java.util.List;
import java.util.Optional;

/** How findings name objects, the same from either angle, so the linter can tell two sightings of one change. */
final class Names {

  private Names() {
  }

  static String columns(String table, List<String> columns) {
    return table + "(" + String.join(",", columns) + ")";
  }

  static String foreignKey(String table, Optional<String> name, List<String> columns) {
    return name.map(n -> table + "." + n).orElseGet(() -> columns(table, columns));
  }

  static String foreignKey(String table, ForeignKey fk) {
    return foreignKey(table, fk.name(), fk.columns());
  }

  /** {@code orders.idx_orders_status}; the table looked up in the released state when the statement omits it. */
  static String index(LintContext context, String table, String name) {
    String t = table.isEmpty() ? tableOfIndex(context, name) : table;
    return t.isEmpty() ? name : t + "." + name;
  }

  static String tableOfIndex(LintContext context, String name) {
    for (Table t : context.released().tables()) {
      if (t.indexes().stream().anyMatch(i -> i.name().equals(name))) {
        return t.name();
      }
    }
    return "";
  }
}
