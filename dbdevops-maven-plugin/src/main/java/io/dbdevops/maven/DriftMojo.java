package io.dbdevops.maven;

import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.report.DriftReportWriter;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Drift of one environment ({@code -Ddbdevops.environment=NAME}): its live schema and grants against the state
 * expected at the changesets it has applied. Read-only on the live database. Fails or warns by the environment's
 * {@code <driftPolicy>}; writes target/dbdevops/drift.{json,md,html}.
 */
@Mojo(name = "drift", threadSafe = true)
public class DriftMojo extends AbstractFleetMojo {

  @Override
  protected String executeOn(LiveTarget target) throws MojoFailureException {
    getLog().info("dbdevops: drift of " + target.description() + " (read-only)");
    // expected states are reused from target/dbdevops/expected-state while the changelog and history are unchanged
    DriftReport report = new DriftDetector(ShadowProviders.load()).check(target, new DriftDetector.Settings(
        changelogSource(), explicitShadow(), message -> getLog().info("dbdevops: " + message),
        Optional.of(environmentReportDirectory(target).resolve("expected-state"))).withReferenceData(referenceData()));
    DriftConsole.print(getLog(), report);
    Path html = new DriftReportWriter().write(report, environmentReportDirectory(target));
    String summary = "dbdevops drift: " + DriftReportWriter.summary(report) + " Took " + report.timings().total().toMillis()
        + " ms; report " + relative(html);
    if (report.fails()) {
      getLog().error(summary);
      throw new MojoFailureException("drift in environment '" + target.environment().name() + "': "
          + DriftConsole.brief(report.lines()) + " (objects changed out of band: apply the change through a changeset, "
          + "or undo it; <driftPolicy>WARN</driftPolicy> only warns)");
    }
    if (report.hasDrift()) {
      getLog().warn(summary);
    } else {
      getLog().info(summary);
    }
    return DriftReportWriter.summary(report);
  }
}
