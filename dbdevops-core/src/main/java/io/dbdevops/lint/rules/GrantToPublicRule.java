package io.dbdevops.lint.rules;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** DBD501: GRANT … TO PUBLIC. */
public final class GrantToPublicRule implements Rule {

  @Override
  public String code() {
    return "DBD501";
  }

  @Override
  public String name() {
    return "grant-to-public";
  }

  @Override
  public String summary() {
    return "A privilege is granted TO PUBLIC: every database user, present and future, gets it.";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

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
