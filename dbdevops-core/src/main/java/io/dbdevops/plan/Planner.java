package io.dbdevops.plan;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.drift.DriftDetector;
import io.dbdevops.drift.DriftReport;
import io.dbdevops.env.Environment;
import io.dbdevops.env.Grant;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.release.Classifier;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.SchemaCrawlerSnapshotter;
import io.dbdevops.state.StateWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the {@link Plan} of a deploy to one environment without writing to it: its history and live state are read
 * on a read-only session; a shadow of the same engine gets the environment's applied changesets, then the pending ones
 * while every statement Liquibase executes is recorded per changeset (the SQL that runs, not an update-sql rendering).
 * The same work as the drift check before a deploy ({@link DriftDetector#checkForDeploy}), so a deploy recomputes the
 * plan exactly the way it was computed for review.
 */
public final class Planner {

  /** The lint rules whose findings mean a changeset loses data. */
  static final Set<String> LOSSY_RULES = Set.of("DBD101", "DBD102", "DBD103", "DBD104", "DBD105", "DBD203");

  /**
   * One plan: the environment with its credentials, the changelog and shadow settings of the drift check, and how lint
   * judges findings (the project's {@code <lintRules>}; {@link LintSettings#DEFAULT} for the defaults).
   */
  public record Request(LiveTarget target, DriftDetector.Settings settings, LintSettings lint) {
    public Request {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(settings, "settings");
      lint = Objects.requireNonNullElse(lint, LintSettings.DEFAULT);
    }
  }

  private final DriftDetector drift;

  public Planner(ShadowProviders shadows) {
    this.drift = new DriftDetector(shadows, new LiquibaseRunner(), new SchemaCrawlerSnapshotter());
  }

  public Plan plan(Request request) {
    try (io.dbdevops.liquibase.SharedParses.Lease lease = request.settings().parses()) {
      return plan(request, lease.parses());
    }
  }

  private Plan plan(Request request, ParsedChangelogs parses) {
    Environment env = request.target().environment();
    DriftDetector.Checked checked = drift.checkForDeploy(request.target(), request.settings(), parses);
    DriftReport report = checked.report();
    Dialect dialect = report.dialect();
    Map<String, ChangeSetInfo> byKey = new LinkedHashMap<>();
    parses.get(request.settings().changelog(), env.updateOptions(), dialect).changeSets()
        .forEach(c -> byKey.putIfAbsent(c.key(), c));
    List<ChangeSetInfo> pending = new ArrayList<>();
    for (ChangeSetRef ref : report.pending()) {
      ChangeSetInfo info = byKey.get(ref.key());
      if (info != null) {
        pending.add(info);
      }
    }

    LintContext context = LintContext.builder().dialect(dialect).pending(pending).released(checked.expected())
        .result(checked.expectedAfterPending())
        .pendingChanges(SchemaDiff.between(checked.expected(), checked.expectedAfterPending()))
        .changelog(request.settings().changelog().path())
        .sources(ChangeSetSources.read(request.settings().changelog().root(), pending)).build();
    RuleRegistry registry = RuleRegistry.load();
    LintReport judged = new Linter(registry).lint(context, request.lint());
    // loss is what the data-loss rules find, whatever the project turned off or accepted: only those rules run again
    List<Finding> loss = new ArrayList<>();
    registry.all().stream().filter(r -> LOSSY_RULES.contains(r.meta().code()) && r.appliesTo(dialect))
        .forEach(r -> loss.addAll(r.check(context)));

    Map<String, List<String>> sqlByKey = statements(checked);
    List<Plan.PlannedChangeSet> planned = new ArrayList<>();
    for (ChangeSetInfo c : pending) {
      List<String> reasons = loss.stream().filter(f -> f.site().changeSetKey().filter(c.key()::equals).isPresent())
          .map(f -> f.code() + " " + f.name() + ": " + f.message()).distinct().sorted().toList();
      planned.add(new Plan.PlannedChangeSet(c.id(), c.author(), c.file(), c.location(), c.checksum(),
          sqlByKey.getOrDefault(c.key(), List.of()), Reversibility.of(c), !reasons.isEmpty(), reasons));
    }
    List<Plan.PlannedFinding> findings = judged.findings().stream().map(Planner::finding).toList();
    SchemaModel live = checked.live();
    Plan plan = new Plan(null, env.name(), dialect.word(), fingerprint(live, checked.liveGrants()),
        Plan.Settings.of(env.updateOptions().contexts(), env.updateOptions().labels(), env.updateOptions().parameters()),
        report.lines(), planned, DiffRendering.lines(SchemaDiff.between(live, checked.expectedAfterPending())), findings,
        Optional.of(new Classifier(registry).classify(context).level().name()));
    return plan.identified();
  }

  /**
   * The shadow's statements per changeset key, with the shadow's own database name (MariaDB: Liquibase qualifies
   * names with it) replaced by the environment's: the statements as they run there, the same on every run
   * ({@link CanonicalStatement}: a table's constraints in text order, which Liquibase gives in no fixed order).
   */
  private static Map<String, List<String>> statements(DriftDetector.Checked checked) {
    LiquibaseRunner.UpdateResult update = checked.pendingUpdate();
    Map<String, List<String>> out = new TreeMap<>();
    String shadow = checked.shadowSchema();
    String live = checked.liveSchema();
    Pattern name = shadow == null || shadow.equals(live) ? null
        : Pattern.compile("(?<![\\w$])" + Pattern.quote(shadow) + "(?![\\w$])");
    for (AppliedChangeSet applied : update.applied()) {
      List<String> sql = new ArrayList<>();
      for (String s : update.statementsOf(applied)) {
        sql.add(CanonicalStatement.of(name == null ? s : name.matcher(s).replaceAll(Matcher.quoteReplacement(live))));
      }
      out.put(applied.label(), sql);
    }
    return out;
  }

  private static Plan.PlannedFinding finding(Finding f) {
    return new Plan.PlannedFinding(f.code(), f.name(), f.severity().name(), f.object(), f.site().changeSetId(),
        f.site().location(), f.message(), f.acceptedReason());
  }

  /** {@code sha256:…} of the state files the live schema is (and its grants, when they are checked). */
  static String fingerprint(SchemaModel live, Set<Grant> grants) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Map<Path, String> files = new StateWriter().render(live, Path.of(""));
      new TreeMap<String, String>(files.entrySet().stream().collect(java.util.stream.Collectors.toMap(
          e -> e.getKey().toString().replace('\\', '/'), Map.Entry::getValue))).forEach((path, text) -> {
            sha.update((path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update((text + "\n").getBytes(StandardCharsets.UTF_8));
          });
      for (Grant g : grants) {
        sha.update(("grant " + g + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
