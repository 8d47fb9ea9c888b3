package io.dbdevops.maven;

import io.dbdevops.env.LiveTarget;
import io.dbdevops.impact.DeployHistory;
import io.dbdevops.report.HistoryReportWriter;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The deploys an environment ({@code -Ddbdevops.environment=NAME}) has had, newest first, on a read-only session:
 * DATABASECHANGELOG's deployments joined with dbdevops's own record (version, outcome, duration, plan); a console
 * table and {@code target/dbdevops/history-NAME.{json,md,html}} with a chart of durations per release.
 */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractFleetMojo {

  private static final String[] HEADER = {"when (UTC)", "version", "outcome", "changesets", "took", "deployment",
      "which"};

  @Override
  protected String executeOn(LiveTarget target) {
    DeployHistory.Result history = DeployHistory.read(target);
    getLog().info("dbdevops: history of " + target.description());
    if (!history.deployed()) {
      getLog().info("dbdevops: never deployed by Liquibase (no DATABASECHANGELOG)");
    }
    List<String[]> rows = HistoryReportWriter.rows(history);
    int[] width = new int[HEADER.length - 1];
    for (int i = 0; i < width.length; i++) {
      width[i] = HEADER[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], Math.min(40, r[i].length()));
      }
    }
    getLog().info("dbdevops history: " + line(HEADER, width));
    rows.forEach(r -> getLog().info("dbdevops history: " + line(r, width)));
    String html = relative(new HistoryReportWriter().write(history, environmentReportDirectory(target)));
    String headline = HistoryReportWriter.headline(history);
    getLog().info("dbdevops history: " + headline + " in environment '" + target.environment().name() + "'; report "
        + html);
    return headline;
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String c = cells[i].length() > 40 ? cells[i].substring(0, 37) + "..." : cells[i];
      b.append(String.format("%-" + width[i] + "s", c)).append("  ");
    }
    return b.append(cells[cells.length - 1]).toString();
  }
}
