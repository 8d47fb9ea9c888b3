package io.dbdevops.lint.rules;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.Identifiers;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Operation;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DBD406 (PostgreSQL): a column is added to an existing table with a volatile default (random(), clock_timestamp(),
 * gen_random_uuid(), nextval(), …) or as an identity/serial column, which fills every row: a table rewrite. Since
 * PostgreSQL 11 a constant or STABLE default — {@code now()}, {@code current_timestamp} — is stored once and does not
 * rewrite the table, so it is not reported.
 */
@RuleMeta(code = "DBD406", name = "volatile-default", severity = Severity.WARN, bump = Bump.NONE,
    summary = "PostgreSQL: a column is added to an existing table with a volatile default (random(), gen_random_uuid(), "
        + "clock_timestamp(), nextval(), identity/serial).")
public final class VolatileDefaultRule implements Rule {

  static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|clock_timestamp|timeofday|gen_random_uuid|"
      + "uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuid|nextval|txid_current|setseed)\\s*\\(");
  static final String WHY = "PostgreSQL rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock "
      + "to give every row its own value";
  static final String FIX = "Add the column without a default (or with a constant one), set the default in a second "
      + "statement (it then applies to new rows only), and backfill existing rows in batches";

  @Override
  public boolean appliesTo(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Operation op : context.operations()) {
      if (op instanceof Operation.AddColumn a) {
        String object = Identifiers.column(a.table(), a.column().name());
        written.add(object);
        reason(a.column().defaultValue(), a.column().identity()
            || a.column().type().map(t -> t.toLowerCase(Locale.ROOT).contains("serial")).orElse(false))
            .filter(r -> !context.isNew(a.table()))
            .ifPresent(r -> out.add(context.finding(this, op, object, object + " is added " + r, WHY, FIX)));
      }
    }
    for (SchemaChange change : context.pendingChanges()) {
      if (change instanceof SchemaChange.ColumnAdded a && !context.isNew(a.tableName())
          && !context.isRenamedColumnTarget(a.tableName(), a.column().name())) {
        String object = Identifiers.column(a.tableName(), a.column().name());
        if (!written.contains(object)) {
          reason(a.column().defaultValue(), a.column().identity())
              .ifPresent(r -> out.add(context.finding(this, change, object, object + " is added " + r, WHY, FIX)));
        }
      }
    }
    return out;
  }

  private static Optional<String> reason(Optional<String> defaultValue, boolean identity) {
    if (identity) {
      return Optional.of("as an identity/serial column");
    }
    return defaultValue.filter(d -> VOLATILE.matcher(d).find()).map(d -> "with the volatile default " + d);
  }
}
