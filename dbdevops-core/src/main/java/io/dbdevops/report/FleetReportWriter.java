package io.dbdevops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbdevops.SetupException;
import io.dbdevops.fleet.Fleet;
import io.dbdevops.fleet.Shard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The run's facts, as the goal knows them. */
  public record Run(String goal, Optional<Shard> shard, Fleet.Result result) { }

  /** Writes the three files; returns the HTML's path. */
  public Path write(Run run, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("fleet.json"), mapper.writeValueAsString(json(run)) + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(directory.resolve("fleet.md"), markdown(run), StandardCharsets.UTF_8);
      Path html = directory.resolve("fleet.html");
      Files.writeString(html, html(run), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new SetupException("cannot write the fleet report to " + directory + ": " + e.getMessage(), e);
    }
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
    Fleet.Result r = run.result();
    long longest = Math.max(1, r.outcomes().stream().mapToLong(o -> o.took().toMillis()).max().orElse(1));
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>dbdevops ")
        .append(esc(run.goal())).append(" on a fleet</title>\n<style>\n").append(HtmlReportWriter.stylesheet())
        .append(".table-wrap{overflow-x:auto}\n")
        .append("table.list{width:100%;border-collapse:collapse}\n")
        .append("table.list th,table.list td{text-align:left;padding:8px 16px;border-top:1px solid var(--border);")
        .append("font-size:14px;vertical-align:top}\n")
        .append("table.list thead th{border-top:0;color:var(--muted);font-weight:600;white-space:nowrap}\n")
        .append("table.list td.took{white-space:nowrap;text-align:right}table.list td.summary{overflow-wrap:anywhere}\n")
        .append("td.status-FAILED{color:#c62828;font-weight:600}td.status-SKIPPED{color:var(--muted)}\n")
        .append("svg.chart{display:block;max-width:760px;margin:12px 16px}svg.chart text{font-size:12px;fill:var(--fg)}\n")
        .append(".bar-ok{fill:#2e7d32}.bar-failed{fill:#c62828}.bar-skipped{fill:#9e9e9e}\n")
        .append("</style>\n</head>\n<body>\n<main>\n<header class=\"top\"><div><h1><span class=\"tool\">dbdevops ")
        .append(esc(run.goal())).append("</span> fleet</h1><p>").append(esc(headline(run)))
        .append("</p></div></header>\n<section class=\"panel\">\n<h2>Environments</h2>\n<div class=\"table-wrap\">")
        .append("<table class=\"list\">\n<thead><tr><th>environment</th><th>canary</th><th>result</th><th>took</th>")
        .append("<th>summary</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Fleet.Outcome o : r.outcomes()) {
      h.append("<tr><td><code>").append(esc(o.member().name())).append("</code></td><td>")
          .append(o.member().canary() ? "canary" : "").append("</td><td class=\"status-").append(o.status()).append("\">")
          .append(o.status()).append("</td><td class=\"took\">").append(o.took().toMillis()).append(" ms</td><td class=\"summary\">")
          .append(esc(o.summary())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n</section>\n<section class=\"panel\">\n<h2>Durations</h2>\n");
    int row = 22;
    int height = row * r.outcomes().size() + 4;
    h.append("<svg class=\"chart\" role=\"img\" aria-label=\"duration per environment\" viewBox=\"0 0 640 ")
        .append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n");
    int y = 2;
    int label = Math.min(260, 12 + 7 * r.outcomes().stream().mapToInt(o -> o.member().name().length()).max().orElse(8));
    double span = 640 - label - 80;
    for (Fleet.Outcome o : r.outcomes()) {
      double w = span * o.took().toMillis() / longest;
      h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(o.member().name()))
          .append("</text><rect class=\"bar-").append(o.status().name().toLowerCase(java.util.Locale.ROOT))
          .append("\" x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append(String.format(java.util.Locale.ROOT,
              "%.1f", Math.max(1, w))).append("\" height=\"14\"/><text x=\"").append(String.format(java.util.Locale.ROOT,
              "%.1f", label + 6 + w)).append("\" y=\"").append(y + 15).append("\">")
          .append(o.took().toMillis()).append(" ms</text>\n");
      y += row;
    }
    return h.append("</svg>\n</section>\n</main>\n</body>\n</html>\n").toString();
  }

  private static String esc(String s) {
    return HtmlReportWriter.escape(s);
  }
}
