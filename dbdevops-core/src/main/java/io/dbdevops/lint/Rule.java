package io.dbdevops.lint;

import io.dbdevops.config.Dialect;
import java.util.List;

/**
 * One safety rule of the catalogue ({@code docs/rules/DBDxxx.md}). A rule judges the pending part of the changelog
 * and returns its findings at its default severity; it never decides whether the build fails. Implementations are
 * small final classes registered in {@code META-INF/services/io.dbdevops.lint.Rule}.
 */
public interface Rule {

  /** The stable code, {@code DBD103}. */
  String code();

  /** The short name, {@code drop-column}. */
  String name();

  /** One sentence: what the rule detects (SARIF shortDescription, the README's list). */
  String summary();

  Severity defaultSeverity();

  /** Whether the rule applies to the target dialect; PostgreSQL lock rules return false for MariaDB, and so on. */
  default boolean appliesTo(Dialect dialect) {
    return true;
  }

  List<Finding> check(LintContext context);

  /** The documentation page, relative to the project root. */
  default String docs() {
    return "docs/rules/" + code() + ".md";
  }
}
