package io.dbdevops.report;

import io.dbdevops.impact.DeployImpact;
import io.dbdevops.impact.LockWait;
import io.dbdevops.impact.RollForward;
import io.dbdevops.impact.TableSizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deploy-E.{json,md,html}}: a deploy's impact record — each changeset's duration and outcome, the lock waits a
 * second session saw, the touched tables' size and rows before and after, and for a failed deploy the roll-forward
 * report. The HTML draws durations and sizes as inline SVG bars (no network needed to view it).
 */
public final class DeployReportWriter {


  /** Writes the three files into {@code directory}; returns the HTML's path. */
  public Path write(DeployImpact impact, Path directory) {
    return write(impact, java.util.Optional.empty(), directory);
  }

  /** With the backup taken before the update (its panel: folder, tables, anchor, the restore command). */
  public Path write(DeployImpact impact, java.util.Optional<io.dbdevops.recovery.Backup> backup, Path directory) {
    return ReportFiles.write(directory, "deploy-" + impact.environment(), "deploy", json(impact, backup),
        markdown(impact, backup), html(impact, backup));
  }


  Map<String, Object> json(DeployImpact d, java.util.Optional<io.dbdevops.recovery.Backup> backup) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", d.environment());
    root.put("database", d.database());
    root.put("engine", d.dialect().name());
    root.put("outcome", d.outcome().name());
    root.put("version", d.version());
    root.put("planId", d.planId().orElse(null));
    root.put("started", d.started().toString());
    root.put("finished", d.finished().toString());
    root.put("tookMillis", d.took().toMillis());
    root.put("deploymentIds", d.deploymentIds());
    root.put("lockTimeoutMillis", d.lockTimeout().toMillis());
    root.put("lockRetriesAllowed", d.lockRetriesAllowed());
    root.put("lockRetries", d.lockRetries());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("changesets", d.changeSets().size());
    summary.put("sessionsBlocked", d.sessionsBlocked());
    summary.put("sessionsWaitedFor", d.sessionsWaitedFor());
    summary.put("longestWaitMillis", d.longestWait().map(w -> w.longest().toMillis()).orElse(0L));
    summary.put("longestWaitSession", d.longestWait().map(LockWait::session).orElse(null));
    summary.put("samples", d.samples());
    root.put("summary", summary);
    List<Map<String, Object>> changeSets = new ArrayList<>();
    for (DeployImpact.ChangeSetRun c : d.changeSets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("author", c.author());
      m.put("location", c.location());
      m.put("tookMillis", c.took().toMillis());
      m.put("outcome", c.outcome());
      m.put("lockTimeouts", c.lockTimeouts());
      changeSets.add(m);
    }
    root.put("changesets", changeSets);
    List<Map<String, Object>> waits = new ArrayList<>();
    for (LockWait w : d.lockWaits()) {
      waits.add(wait(w));
    }
    root.put("lockWaits", waits);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (DeployImpact.TableImpact t : d.tables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", t.table());
      m.put("bytesBefore", t.before().flatMap(TableSizes.Size::bytes).orElse(null));
      m.put("bytesAfter", t.after().flatMap(TableSizes.Size::bytes).orElse(null));
      m.put("rowsBefore", t.before().flatMap(TableSizes.Size::rows).orElse(null));
      m.put("rowsAfter", t.after().flatMap(TableSizes.Size::rows).orElse(null));
      m.put("createdByDeploy", t.before().isEmpty());
      tables.add(m);
    }
    root.put("tables", tables);
    root.put("backup", backup.map(BackupParts::json).orElse(null));
    root.put("notes", d.notes());
    root.put("rollForward", d.rollForward().map(this::rollForward).orElse(null));
    return root;
  }

  private static Map<String, Object> wait(LockWait w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("direction", w.direction().name());
    m.put("pid", w.pid());
    m.put("user", w.user());
    m.put("application", w.application());
    m.put("query", w.query());
    m.put("lock", w.lock());
    m.put("longestMillis", w.longest().toMillis());
    m.put("changeset", w.changeSet());
    m.put("certain", w.certain());
    return m;
  }

  private Map<String, Object> rollForward(RollForward r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applied", r.applied());
    m.put("failed", r.failed());
    m.put("location", r.location());
    m.put("databaseMessage", r.databaseMessage());
    m.put("lockTimeout", r.lockTimeout());
    m.put("blocker", r.blocker().map(DeployReportWriter::wait).orElse(null));
    m.put("leftBehind", r.leftBehind());
    m.put("liveDiff", r.liveDiff());
    m.put("advice", r.advice());
    return m;
  }

  /** {@code 1.2 MB}, {@code 16 kB}, {@code 812 B}; {@code –} unknown. */
  static String bytes(Optional<Long> b) {
    if (b.isEmpty()) {
      return "–";
    }
    long v = b.get();
    if (v < 1024) {
      return v + " B";
    }
    if (v < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f kB", v / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", v / (1024.0 * 1024));
  }

  static String rows(Optional<Long> r) {
    return r.map(v -> String.format(Locale.ROOT, "%,d", v)).orElse("–");
  }

  /** {@code SUCCEEDED: 3 changesets in 412 ms on environment 'prod' …}. */
  public static String headline(DeployImpact d) {
    return d.outcome() + ": " + d.summary();
  }

  String markdown(DeployImpact d, java.util.Optional<io.dbdevops.recovery.Backup> backup) {
    StringBuilder md = new StringBuilder("# dbdevops deploy: ").append(d.environment()).append("\n\n")
        .append(headline(d)).append("\n\n")
        .append("- database: ").append(d.database()).append(" (").append(d.dialect()).append(")\n")
        .append("- version: ").append(d.version().isEmpty() ? "–" : d.version()).append("\n")
        .append("- plan: ").append(d.planId().orElse("–")).append("\n")
        .append("- started: ").append(d.started()).append(", finished: ").append(d.finished()).append("\n")
        .append("- Liquibase deployment id: ").append(d.deploymentIds().isEmpty() ? "–"
            : String.join(", ", d.deploymentIds())).append("\n\n");
    md.append("## Changesets\n\n| changeset | location | took | outcome | lock timeouts |\n|---|---|---|---|---|\n");
    for (DeployImpact.ChangeSetRun c : d.changeSets()) {
      md.append("| ").append(cell(c.label())).append(" | ").append(cell(c.location())).append(" | ")
          .append(c.took().toMillis()).append(" ms | ").append(c.outcome()).append(" | ").append(c.lockTimeouts())
          .append(" |\n");
    }
    md.append("\n## Lock waits\n\n");
    if (d.lockWaits().isEmpty()) {
      md.append("None seen (").append(d.samples()).append(" samples).\n");
    } else {
      md.append("| who waited | session | lock | longest | during |\n|---|---|---|---|---|\n");
      for (LockWait w : d.lockWaits()) {
        md.append("| ").append(w.direction() == LockWait.Direction.DEPLOY_WAITS ? "the deploy" : "session " + w.pid())
            .append(" | ").append(cell(w.session())).append(" | ").append(cell(w.lock())).append(" | ")
            .append(w.longest().toMillis()).append(" ms | ").append(cell(w.changeSet())).append(" |\n");
      }
    }
    md.append("\n## Tables touched\n\n");
    if (d.tables().isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("| table | size before | size after | rows before | rows after |\n|---|---|---|---|---|\n");
      for (DeployImpact.TableImpact t : d.tables()) {
        md.append("| ").append(cell(t.table())).append(" | ")
            .append(t.before().isEmpty() ? "new" : bytes(t.before().get().bytes())).append(" | ")
            .append(t.after().map(s -> bytes(s.bytes())).orElse("dropped")).append(" | ")
            .append(t.before().map(s -> rows(s.rows())).orElse("new")).append(" | ")
            .append(t.after().map(s -> rows(s.rows())).orElse("dropped")).append(" |\n");
      }
    }
    d.rollForward().ifPresent(r -> {
      md.append("\n## Roll-forward\n\n").append("Failed: **").append(r.failed()).append("** in ").append(r.location())
          .append(": ").append(r.databaseMessage()).append("\n\n");
      r.blocker().ifPresent(b -> md.append("Lock held by ").append(b.session()).append("\n\n"));
      md.append("Applied in this deploy (recorded, they stay): ").append(r.applied().isEmpty() ? "none"
          : String.join(", ", r.applied())).append("\n\n");
      md.append("Left behind by the failed changeset:\n\n");
      lines(md, r.leftBehind(), "nothing");
      md.append("\nLive schema against the expected state after the changelog:\n\n");
      lines(md, r.liveDiff(), "no difference");
      md.append("\nAdvice:\n\n");
      r.advice().forEach(a -> md.append("- ").append(a).append("\n"));
    });
    backup.ifPresent(b -> {
      md.append("## Backup before the update\n\n").append(b.directory()).append(" — ").append(b.reason()).append("; ")
          .append(b.anchorLine()).append("\n\n| table | rows | file | SHA-256 |\n|---|---|---|---|\n");
      b.tables().forEach(t -> md.append("| ").append(cell(t.schema() + "." + t.table())).append(" | ").append(t.rows())
          .append(" | ").append(cell(t.file())).append(" | ").append(t.sha256()).append(" |\n"));
      md.append("\nTo put its rows back: `").append(BackupParts.restoreCommand(b, d.environment())).append("`\n\n");
    });
    if (!d.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      d.notes().forEach(n -> md.append("- ").append(n).append("\n"));
    }
    return md.toString();
  }

  private static void lines(StringBuilder md, List<String> lines, String none) {
    if (lines.isEmpty()) {
      md.append(none).append("\n");
    } else {
      md.append("```\n");
      lines.forEach(l -> md.append(l).append("\n"));
      md.append("```\n");
    }
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  /** The roll-forward report as the page shows it. */
  record RollView(RollForward r) {
    public List<String> applied() {
      return r.applied();
    }

    public boolean hasApplied() {
      return !r.applied().isEmpty();
    }

    public String failed() {
      return r.failed();
    }

    public String location() {
      return r.location();
    }

    public String databaseMessage() {
      return r.databaseMessage();
    }

    public LockWait blocker() {
      return r.blocker().orElse(null);
    }

    public List<String> advice() {
      return r.advice();
    }

    public List<String> leftBehind() {
      return r.leftBehind();
    }

    public String leftBehindText() {
      return String.join("\n", r.leftBehind());
    }

    public String liveDiffText() {
      return String.join("\n", r.liveDiff());
    }

    public boolean hasLeftBehind() {
      return !r.leftBehind().isEmpty();
    }

    public List<String> liveDiff() {
      return r.liveDiff();
    }

    public boolean hasLiveDiff() {
      return !r.liveDiff().isEmpty();
    }
  }

  String html(DeployImpact d, java.util.Optional<io.dbdevops.recovery.Backup> backup) {
    record Run(String label, String location, long millis, String outcome, int lockTimeouts) {
    }
    record Wait(String who, String session, String lock, long millis, String changeSet) {
    }
    record Table(String table, String sizeBefore, String sizeAfter, String rowsBefore, String rowsAfter) {
    }
    record Page(String environment, String headline, boolean passed, String outcome, String database, String version,
        String plan, String started, String deploymentIds, int changeSetCount, long took, long blocked, long waited,
        String longest, String longestSession, int retries, String lockSettings, List<Run> changeSets,
        String durationChart, List<Wait> waits, int samples, List<Table> tables, String sizeChart,
        RollView rollForward, BackupParts.View backup, List<String> notes) {
      public boolean hasWaits() {
        return !waits.isEmpty();
      }

      public boolean hasTables() {
        return !tables.isEmpty();
      }

      public boolean hasNotes() {
        return !notes.isEmpty();
      }
    }
    List<BarChart.Bar> durations = d.changeSets().stream().map(c -> new BarChart.Bar(c.label(), c.took().toMillis(),
        c.took().toMillis() + " ms", c.outcome().equals("FAILED") ? "failed" : "1")).toList();
    List<BarChart.Bar> sizes = new ArrayList<>();
    for (DeployImpact.TableImpact t : d.tables()) {
      t.before().flatMap(TableSizes.Size::bytes).ifPresent(b -> sizes.add(new BarChart.Bar(t.table() + " before", b,
          bytes(Optional.of(b)), "skipped")));
      t.after().flatMap(TableSizes.Size::bytes).ifPresent(b -> sizes.add(new BarChart.Bar(t.table() + " after", b,
          bytes(Optional.of(b)), "2")));
    }
    Optional<LockWait> longest = d.longestWait();
    return Templates.render("deploy", new Page(d.environment(), headline(d),
        d.outcome() == DeployImpact.Outcome.SUCCEEDED, d.outcome().name(), d.database() + " (" + d.dialect() + ")",
        d.version().isEmpty() ? "–" : d.version(), d.planId().orElse("–"), d.started().toString(),
        d.deploymentIds().isEmpty() ? "–" : String.join(", ", d.deploymentIds()), d.changeSets().size(),
        d.took().toMillis(), d.sessionsBlocked(), d.sessionsWaitedFor(),
        longest.map(w -> w.longest().toMillis() + " ms").orElse("none"),
        longest.map(w -> w.session() + " during " + w.changeSet()).orElse(d.samples() + " samples"), d.lockRetries(),
        "lockTimeout " + d.lockTimeout().toMillis() + " ms, lockRetries " + d.lockRetriesAllowed(),
        d.changeSets().stream().map(c -> new Run(c.label(), c.location(), c.took().toMillis(), c.outcome(),
            c.lockTimeouts())).toList(),
        durations.isEmpty() ? "" : BarChart.svg("duration per changeset", durations),
        d.lockWaits().stream().map(w -> new Wait(w.direction() == LockWait.Direction.DEPLOY_WAITS
            ? "the deploy waited for" : "blocked by the deploy", w.session(), w.lock(), w.longest().toMillis(),
            w.changeSet())).toList(), d.samples(),
        d.tables().stream().map(t -> new Table(t.table(), t.before().isEmpty() ? "new" : bytes(t.before().get().bytes()),
            t.after().map(s -> bytes(s.bytes())).orElse("dropped"), t.before().map(s -> rows(s.rows())).orElse("new"),
            t.after().map(s -> rows(s.rows())).orElse("dropped"))).toList(),
        sizes.isEmpty() ? "" : BarChart.svg("table size before and after", sizes), d.rollForward().map(RollView::new).orElse(null),
        backup.map(b -> BackupParts.view(b, d.environment())).orElse(null), d.notes()));
  }
}
