package io.dbdevops.report;

import io.dbdevops.fleet.Fleet;
import io.dbdevops.fleet.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fleet.{json,md,html}}: one fleet run of a goal — each environment (with a shard: that shard's only), whether
 * it was a canary, its outcome, summary line and duration; the HTML shares the reports' stylesheet and draws the
 * durations as inline SVG bars (no network needed).
 */
public final class FleetReportWriter {


  /** The run's facts, as the goal knows them. */
  public record Run(String goal, Optional<Shard> shard, Fleet.Result result) { }

  /** Writes the three files; returns the HTML's path. */
  public Path write(Run run, Path directory) {
    return ReportFiles.write(directory, "fleet", "fleet", json(run), markdown(run), html(run));
  }


  Map<String, Object> json(Run run) {
    Fleet.Result r = run.result();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("goal", run.goal());
    root.put("shard", run.shard().map(Shard::toString).orElse(null));
    root.put("parallel", r.parallel());
    root.put("onError", r.onError().name());
    root.put("tookMillis", r.took().toMillis());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Fleet.Status s : Fleet.Status.values()) {
      counts.put(s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
    }
    root.put("counts", counts);
    List<Map<String, Object>> envs = new ArrayList<>();
    for (Fleet.Outcome o : r.outcomes()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("environment", o.member().name());
      e.put("canary", o.member().canary());
      e.put("status", o.status().name());
      e.put("summary", o.summary());
      e.put("start", o.status() == Fleet.Status.SKIPPED ? null : o.start().toString());
      e.put("tookMillis", o.took().toMillis());
      envs.add(e);
    }
    root.put("environments", envs);
    return root;
  }

  /** One line: {@code 10 environments: 9 OK, 1 FAILED, 0 SKIPPED in 4,210 ms (parallel 4, onError STOP)}. */
  public static String headline(Run run) {
    Fleet.Result r = run.result();
    return r.outcomes().size() + " environment" + (r.outcomes().size() == 1 ? "" : "s")
        + run.shard().map(s -> " (shard " + s + ")").orElse("") + ": " + r.count(Fleet.Status.OK) + " OK, "
        + r.count(Fleet.Status.FAILED) + " FAILED, " + r.count(Fleet.Status.SKIPPED) + " SKIPPED in " + r.took().toMillis()
        + " ms (parallel " + r.parallel() + ", onError " + r.onError() + ")";
  }

  String markdown(Run run) {
    StringBuilder md = new StringBuilder("# dbdevops ").append(run.goal()).append(" on a fleet\n\n")
        .append(headline(run)).append("\n\n| environment | canary | result | took | summary |\n|---|---|---|---|---|\n");
    for (Fleet.Outcome o : run.result().outcomes()) {
      md.append("| ").append(o.member().name()).append(" | ").append(o.member().canary() ? "yes" : "").append(" | ")
          .append(o.status()).append(" | ").append(o.took().toMillis()).append(" ms | ")
          .append(o.summary().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return md.toString();
  }

  String html(Run run) {
    List<Fleet.Outcome> outcomes = run.result().outcomes();
    record Row(String name, boolean canary, String status, long millis, String summary) {
    }
    record Page(String goal, String headline, List<Row> outcomes, String chart) {
    }
    return Templates.render("fleet", new Page(run.goal(), headline(run), outcomes.stream().map(o -> new Row(
        o.member().name(), o.member().canary(), o.status().name(), o.took().toMillis(), o.summary())).toList(),
        BarChart.svg("duration per environment", outcomes.stream().map(o -> new BarChart.Bar(o.member().name(),
            o.took().toMillis(), o.took().toMillis() + " ms", o.status().name().toLowerCase(java.util.Locale.ROOT)))
            .toList())));
  }

}
