package io.dbdevops.report;

import io.dbdevops.impact.DeployHistory;
import io.dbdevops.impact.DeployHistoryTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code history-E.{json,md,html}}: the deploys an environment has had, newest first (DATABASECHANGELOG's deployments
 * joined with dbdevops's record); the HTML charts the duration of each recorded deploy per release.
 */
public final class HistoryReportWriter {


  /** Writes the three files; returns the HTML's path. */
  public Path write(DeployHistory.Result history, Path directory) {
    return ReportFiles.write(directory, "history-" + history.environment(), "history", json(history), markdown(history), html(history));
  }


  Map<String, Object> json(DeployHistory.Result h) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", h.environment());
    root.put("database", h.database());
    root.put("engine", h.dialect().name());
    List<Map<String, Object>> deploys = new ArrayList<>();
    for (DeployHistory.Deploy d : h.deploys()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("when", d.when().toString());
      m.put("deploymentIds", d.deploymentIds());
      m.put("changesetCount", d.changeSets().size());
      m.put("changesets", d.changeSets());
      m.put("recorded", d.record().isPresent());
      m.put("outcome", d.outcome());
      m.put("version", d.record().map(DeployHistoryTable.Entry::version).orElse(null));
      m.put("planId", d.record().flatMap(DeployHistoryTable.Entry::planId).orElse(null));
      m.put("tookMillis", d.took().map(java.time.Duration::toMillis).orElse(null));
      m.put("finished", d.record().map(e -> e.finished().toString()).orElse(null));
      m.put("lockRetries", d.record().map(DeployHistoryTable.Entry::lockRetries).orElse(null));
      m.put("failedChangeset", d.record().flatMap(DeployHistoryTable.Entry::failedChangeSet).orElse(null));
      m.put("message", d.record().flatMap(DeployHistoryTable.Entry::message).orElse(null));
      m.put("dbdevopsVersion", d.record().map(DeployHistoryTable.Entry::dbdevopsVersion).orElse(null));
      deploys.add(m);
    }
    root.put("deploys", deploys);
    return root;
  }

  /** {@code 3 deploys (2 recorded by dbdevops, 1 by plain Liquibase), 7 changesets}. */
  public static String headline(DeployHistory.Result h) {
    long recorded = h.deploys().stream().filter(d -> d.record().isPresent()).count();
    int changeSets = h.deploys().stream().mapToInt(d -> d.changeSets().size()).sum();
    return h.deploys().size() + " deploy" + (h.deploys().size() == 1 ? "" : "s") + " (" + recorded + " recorded by "
        + "dbdevops, " + (h.deploys().size() - recorded) + " by plain Liquibase), " + changeSets + " changeset"
        + (changeSets == 1 ? "" : "s");
  }

  /** The console table's rows (also the Markdown's): when, version, outcome, changesets, took, deployment. */
  public static List<String[]> rows(DeployHistory.Result h) {
    List<String[]> rows = new ArrayList<>();
    for (DeployHistory.Deploy d : h.deploys()) {
      rows.add(new String[] {d.when().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
          d.version().isEmpty() ? "-" : d.version(), d.outcome(), String.valueOf(d.changeSets().size()),
          d.took().map(t -> t.toMillis() + " ms").orElse("-"), String.join(",", d.deploymentIds()),
          String.join(", ", d.changeSets()) + d.record().flatMap(DeployHistoryTable.Entry::failedChangeSet)
              .map(f -> (d.changeSets().isEmpty() ? "" : "; ") + "failed: " + f).orElse("")});
    }
    return rows;
  }

  String markdown(DeployHistory.Result h) {
    StringBuilder md = new StringBuilder("# dbdevops history: ").append(h.environment()).append("\n\n")
        .append(h.database()).append(" (").append(h.dialect()).append("): ").append(headline(h)).append("\n\n")
        .append("| when (UTC) | version | outcome | changesets | took | Liquibase deployment | which |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (String[] r : rows(h)) {
      md.append("|");
      for (String cell : r) {
        md.append(" ").append(cell.replace("|", "\\|")).append(" |");
      }
      md.append("\n");
    }
    return md.toString();
  }

  String html(DeployHistory.Result h) {
    record Row(String when, String version, String outcome, String count, String took, String deployment,
        String which, String message) {
    }
    record Page(String environment, String headline, String database, List<Row> deploys, String chart) {
      public boolean hasDeploys() {
        return !deploys.isEmpty();
      }
    }
    List<Row> rows = new ArrayList<>();
    List<String[]> cells = rows(h);
    for (int i = 0; i < cells.size(); i++) {
      String[] c = cells.get(i);
      rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], h.deploys().get(i).record()
          .flatMap(DeployHistoryTable.Entry::message).orElse("")));
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    List<DeployHistory.Deploy> oldestFirst = new ArrayList<>(h.deploys());
    java.util.Collections.reverse(oldestFirst);
    for (DeployHistory.Deploy d : oldestFirst) {
      if (d.took().isPresent()) {
        String label = (d.version().isEmpty() ? "?" : d.version()) + " " + d.when().toString().substring(0, 19)
            .replace('T', ' ') + (d.outcome().equals("SUCCEEDED") ? "" : " " + d.outcome().toLowerCase(Locale.ROOT));
        bars.add(new BarChart.Bar(label, d.took().get().toMillis(), d.took().get().toMillis() + " ms",
            d.outcome().equals("SUCCEEDED") ? "ok" : "failed"));
      }
    }
    return Templates.render("history", new Page(h.environment(), headline(h), h.database() + " (" + h.dialect() + ")",
        rows, bars.isEmpty() ? "" : BarChart.svg("duration per deploy, oldest first", bars)));
  }
}
