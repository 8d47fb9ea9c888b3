package io.dbdevops.lint.rules;

import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.model.Table;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DBD701: a table the pending part creates or changes has no primary key in the resulting state. */
@RuleMeta(code = "DBD701", name = "table-without-pk", severity = Severity.WARN, bump = Bump.NONE,
    summary = "A table created or changed by the pending changesets has no primary key.")
public final class TableWithoutPrimaryKeyRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    Map<String, SchemaChange> touched = new LinkedHashMap<>();
    for (SchemaChange change : context.pendingChanges()) {
      if (change.objectKind() == SchemaChange.ObjectKind.TABLE && !(change instanceof SchemaChange.TableDropped)) {
        touched.merge(change.objectName(), change, (a, b) -> a instanceof SchemaChange.TableAdded ? a : b);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, SchemaChange> e : touched.entrySet()) {
      Table table = context.result().table(e.getKey()).orElse(null);
      if (table != null && table.primaryKey().isEmpty()) {
        out.add(context.finding(this, e.getValue(), table.name(), table.name() + " has no primary key",
            "rows cannot be addressed one by one: logical replication, ORMs and UPDATE/DELETE of one row suffer",
            "Add a primary key (a surrogate id column if no natural key exists)"));
      }
    }
    return out;
  }
}
