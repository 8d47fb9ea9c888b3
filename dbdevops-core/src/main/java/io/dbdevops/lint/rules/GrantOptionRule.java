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

/** DBD502: WITH GRANT / ADMIN OPTION, or a role or user created or altered with server-wide rights. */
@RuleMeta(code = "DBD502", name = "grant-option", severity = Severity.WARN, bump = Bump.PATCH,
    summary = "WITH GRANT OPTION / WITH ADMIN OPTION, or CREATE/ALTER ROLE|USER with SUPERUSER, CREATEROLE, CREATEDB, "
        + "BYPASSRLS or REPLICATION.")
public final class GrantOptionRule implements Rule {

  static final String WHY = "privilege escalation: the grantee can pass rights on, or administer the server";
  static final String FIX = "Grant only the privileges the application needs, without GRANT/ADMIN OPTION; leave "
      + "superuser-like rights to the administrators, outside the changelog";

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.Grant g && (g.withGrantOption() || g.withAdminOption())) {
        String object = String.join(", ", g.grantees());
        out.add(context.finding(this, op, object, g.what() + " is granted to " + object + " WITH "
            + (g.withAdminOption() ? "ADMIN" : "GRANT") + " OPTION", WHY, FIX));
      } else if (op instanceof Operation.RolePrivileges r) {
        out.add(context.finding(this, op, r.role(), "role " + r.role() + " gets " + String.join(", ", r.rights()), WHY,
            FIX));
      }
    }
    return out;
  }
}
