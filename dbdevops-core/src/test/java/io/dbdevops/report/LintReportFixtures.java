package io.dbdevops.report;

import io.dbdevops.config.Dialect;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A fixed lint report for the writer tests: one blocking error, one warning, one info, one accepted finding. */
final class LintReportFixtures {

  private LintReportFixtures() {
  }

  static LintReport failing() {
    return new LintReport(Dialect.POSTGRESQL, Optional.of(Severity.ERROR), 3, List.of(
        rule("DBD103", "drop-column", Severity.ERROR), rule("DBD401", "index-not-concurrent", Severity.WARN),
        rule("DBD408", "no-lock-timeout", Severity.INFO), rule("DBD101", "drop-table", Severity.ERROR)),
        List.of(rule("DBD409", "mysql-table-copy", Severity.WARN)), List.of(
        finding("DBD103", "drop-column", Severity.ERROR, "orders.note", "100-drop-note", 8, "orders.note is dropped",
            Optional.empty()),
        finding("DBD401", "index-not-concurrent", Severity.WARN, "orders.ix_status", "101-index", 9,
            "index orders.ix_status is created without CONCURRENTLY", Optional.empty()),
        finding("DBD408", "no-lock-timeout", Severity.INFO, "orders", "101-index", 9,
            "orders is altered (createIndex) with no lock_timeout", Optional.empty()),
        finding("DBD101", "drop-table", Severity.ERROR, "legacy_<import>", "102-drop-legacy", 7,
            "legacy_<import> is dropped", Optional.of("emptied & archived in 2.3, see \"JIRA-12\""))),
        Duration.ofMillis(42));
  }

  static LintReport clean() {
    return new LintReport(Dialect.H2, Optional.of(Severity.ERROR), 1,
        List.of(rule("DBD103", "drop-column", Severity.ERROR)), List.of(), List.of(), Duration.ofMillis(1));
  }

  private static LintReport.RuleInfo rule(String code, String name, Severity severity) {
    return new LintReport.RuleInfo(code, name, "Summary of " + name + ".", severity, severity);
  }

  private static Finding finding(String code, String name, Severity severity, String object, String changeSet, int line,
      String message, Optional<String> accepted) {
    return new Finding(code, name, severity, object, new Finding.Site(Optional.of(changeSet), Optional.of("dev"),
        "db/changelog/changes/" + changeSet + ".xml", line, Finding.Origin.CHANGE), message, "why it matters",
        "the safe way", accepted);
  }
}
