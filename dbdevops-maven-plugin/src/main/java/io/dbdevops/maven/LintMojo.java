package io.dbdevops.maven;

import io.dbdevops.gate.Gate;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.lint.LintReport;
import io.dbdevops.report.ReportContext;
import io.dbdevops.report.Reports;
import io.dbdevops.shadow.ShadowProviders;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lint alone: judges the pending changesets (those after the last released one in the integrity file) with the safety
 * rules of docs/rules/, without comparing the committed state. The shadow database gives the state at the released
 * point and after the pending part. Writes report.json, report.md, report.html, lint.sarif and
 * TEST-dbdevops-lint.xml; BUILD FAILURE on a finding at or above {@code lintFailOn} that is not accepted.
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends AbstractDbDevOpsMojo {

  /** The integrity file: which changesets are released; the others are pending and judged. */
  @Parameter(property = "dbdevops.sumFile", defaultValue = "${project.basedir}/src/main/db/dbdevops.sum")
  private File sumFile;

  @Override
  protected void executeGoal() throws MojoFailureException {
    LintStep lint = lintStep();
    if (!lint.enabled()) {
      getLog().info("dbdevops lint: skipped (dbdevops.lint.skip=true)");
      return;
    }
    Reports.deleteAll(reportDirectory.toPath());
    lint.deleteFiles();
    IntegrityResult integrity = new IntegrityStep(getLog(), sumFile.toPath(), relative(sumFile.toPath()))
        .run(changelogSource(), gateSettings().updateOptions().parameters());
    Gate.Staged staged = new Gate(ShadowProviders.load(), new ConsoleListener(getLog()))
        .build(gateSettings(), LintStep.releasedCount(integrity));
    LintReport report = lint.lint(staged, integrity.pending(), changelogSource());
    List<Path> reports = Reports.writeLint(new ReportContext("lint", "").withLint(report), reportDirectory.toPath());
    lint.writeFiles(report, relative(changelogSource().root()));
    lint.print(report, relative(reports.get(reports.size() - 1)));
    lint.failOnFindings(report);
  }
}
