package io.dbdevops.maven;

import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.lint.LintReport;
import io.dbdevops.report.ReportContext;
import io.dbdevops.report.Reports;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lint alone: judges the pending changesets (of those the contexts and labels select for the target database, the ones
 * after the last released one in the integrity file) with the safety rules of docs/rules/, without comparing the committed state. The shadow database gives the state at the released
 * point and after the pending part. Writes report.json, report.md, report.html, lint.sarif and
 * TEST-dbdevops-lint.xml; BUILD FAILURE on a finding at or above {@code lintFailOn} that is not accepted.
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends AbstractLintingMojo {


  @Override
  protected void executeGoal() throws MojoFailureException {
    LintStep lint = lintStep();
    if (!lint.enabled()) {
      getLog().info("dbdevops lint: skipped (dbdevops.lint.skip=true)");
      return;
    }
    Reports.deleteAll(reportDirectory.toPath());
    lint.deleteFiles();
    GateSettings settings = gateSettings();
    // only the changesets the contexts and labels select for the target database are judged
    Dialect shadowDialect = shadowDialect(settings);
    Selection selection = selection(settings, shadowDialect);
    ParsedChangelogs parses = parses();
    IntegrityResult integrity = integrityStep().run(parses.get(settings.changelog(), selection));
    Gate.Staged staged = new Gate(ShadowProviders.load(), consoleListener(), parses)
        .build(settings, LintStep.releasedCount(integrity, parses, settings.changelog(), selection, shadowDialect));
    logParses(parses);
    LintReport report = lint.lint(staged, integrity.pending(), settings.changelog(), projectVersion(), lastRelease());
    List<Path> reports = Reports.writeLint(new ReportContext("lint", "").withLint(report), reportDirectory.toPath());
    lint.writeFiles(report, relative(settings.changelog().root()));
    lint.print(report, relative(reports.get(reports.size() - 1)));
    lint.failOnFindings(report);
  }
}
