package io.dbdevops.lint;

import io.dbdevops.config.Dialect;
import java.util.List;

/**
 * One safety rule of the catalogue ({@code docs/rules/DBDxxx.md}). A rule judges the pending part of the changelog
 * and returns its findings at its default severity; it never decides whether the build fails. Implementations are
 * small final classes annotated with {@link RuleMeta} (code, name, summary, default severity, version impact) and
 * registered in {@code META-INF/services/io.dbdevops.lint.Rule}.
 */
public interface Rule {

  /** The rule's {@link RuleMeta} annotation: its code, name, summary, default severity and version impact. */
  default RuleMeta meta() {
    RuleMeta meta = getClass().getAnnotation(RuleMeta.class);
    if (meta == null) {
      throw new IllegalStateException("rule " + getClass().getName() + " has no @RuleMeta annotation: every rule "
          + "declares its code, name, summary, severity and bump there");
    }
    return meta;
  }

  /** Whether the rule applies to the target dialect; PostgreSQL lock rules return false for MariaDB, and so on. */
  default boolean appliesTo(Dialect dialect) {
    return true;
  }

  List<Finding> check(LintContext context);

  /** The documentation page, relative to the project root. */
  default String docs() {
    return "docs/rules/" + meta().code() + ".md";
  }
}
