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

/** DBD501: GRANT … TO PUBLIC. */
@RuleMeta(code = "DBD501", name = "grant-to-public", severity = Severity.ERROR, bump = Bump.PATCH,
    summary = "A privilege is granted TO PUBLIC: every database user, present and future, gets it.")
public final class GrantToPublicRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.Grant g && g.toPublic()) {
        out.add(context.finding(this, op, g.what(), g.what() + " is granted to PUBLIC",
            "every user of the database, present and future, gets access",
            "Grant to a named role that the application's users are members of"));
      }
    }
    return out;
  }
}
