package io.dbdevops.lint.rules;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.List;

/** DBD102: a schema or database is dropped. */
@RuleMeta(code = "DBD102", name = "drop-schema", severity = Severity.ERROR, bump = Bump.MAJOR,
    summary = "A schema or database is dropped (DROP SCHEMA, DROP DATABASE): every object in it and its data are lost.")
public final class DropSchemaRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.DropSchema d) {
        out.add(context.finding(this, op, d.name(), d.kind() + " " + d.name() + " is dropped",
            "mass data loss: every table in it goes, with its data",
            "Drop the tables you no longer need one by one, each after a release that stopped using it; a schema "
                + "is removed by the environment's administrators, not by an application changelog"));
      }
    }
    return out;
  }
}
