package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules over a {@link LintContext} and judges the findings: one finding per code and object (a drop seen
 * both in the changeset and in the state diff is reported once, at the changeset), configured severities, disabled
 * rules, and acceptances ({@code dbdevops:allow DBD103 "reason"} on the changeset). Sorted by file, line and code.
 */
public final class Linter {

  /** The code of a malformed {@code dbdevops:allow}: no reason, or no known rule. Reported as an error. */
  public static final String INVALID_ALLOW = "DBD000";
  static final String INVALID_ALLOW_NAME = "invalid-allow";

  private static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.site().file())
      .thenComparingInt(f -> f.site().line())
      .thenComparing(Finding::code)
      .thenComparing(Finding::object);

  private final RuleRegistry registry;

  public Linter(RuleRegistry registry) {
    this.registry = registry;
  }

  public LintReport lint(LintContext context, LintSettings settings) {
    long t0 = System.nanoTime();
    settings.validate(registry);
    List<LintReport.RuleInfo> ran = new ArrayList<>();
    List<LintReport.RuleInfo> skipped = new ArrayList<>();
    List<Finding> raw = new ArrayList<>();
    for (Rule rule : registry.all()) {
      RuleMeta meta = rule.meta();
      if (!settings.enabled(meta.code())) {
        continue;
      }
      LintReport.RuleInfo info = new LintReport.RuleInfo(meta.code(), meta.name(), meta.summary(), meta.severity(),
          settings.severityOf(meta.code(), meta.severity()));
      if (!rule.appliesTo(context.dialect())) {
        skipped.add(info);
        continue;
      }
      ran.add(info);
      raw.addAll(rule.check(context));
    }
    Map<String, Map<String, String>> accepted = new HashMap<>();
    Set<String> known = registry.all().stream().map(r -> r.meta().code()).collect(Collectors.toSet());
    for (ChangeSetInfo cs : context.pending()) {
      Acceptances.Parsed parsed = Acceptances.of(cs, context.source(cs).orElse(null), known);
      accepted.put(cs.key(), parsed.reasons());
      if (settings.enabled(INVALID_ALLOW)) {
        parsed.problems().forEach((directive, problem) -> raw.add(invalidAllow(cs, directive, problem, settings)));
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : deduplicate(raw)) {
      Finding judged = f.withSeverity(settings.severityOf(f.code(), f.severity()));
      Optional<String> reason = judged.site().changeSetKey()
          .map(key -> accepted.getOrDefault(key, Map.of()).get(judged.code()));
      findings.add(reason.map(judged::accept).orElse(judged));
    }
    findings.sort(ORDER);
    return new LintReport(context.dialect(), settings.failOn(), context.pending().size(), ran, skipped, findings,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * One finding per code and object: where the changeset's own changes gave one, the same finding from the state
   * diff is dropped; otherwise the first is kept.
   */
  static List<Finding> deduplicate(List<Finding> findings) {
    Set<String> fromChanges = new HashSet<>();
    for (Finding f : findings) {
      if (f.site().origin() == Finding.Origin.CHANGE) {
        fromChanges.add(key(f));
      }
    }
    Set<String> seen = new HashSet<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      String key = key(f);
      if (f.site().origin() == Finding.Origin.STATE && fromChanges.contains(key)) {
        continue;
      }
      String exact = key + "|" + f.site().changeSetKey().orElse("") + "|" + f.message();
      if (f.site().origin() == Finding.Origin.STATE ? seen.add(key) : seen.add(exact)) {
        out.add(f);
      }
    }
    return out;
  }

  private static String key(Finding f) {
    return f.code() + "|" + f.object().toLowerCase(Locale.ROOT);
  }

  private static Finding invalidAllow(ChangeSetInfo cs, String directive, String problem, LintSettings settings) {
    return new Finding(INVALID_ALLOW, INVALID_ALLOW_NAME, settings.severityOf(INVALID_ALLOW, Severity.ERROR), cs.id(),
        LintContext.site(cs, Finding.Origin.CHANGE), "`" + directive + "` is written " + problem,
        "an acceptance must name the rule and say why the risk is acceptable, so reviewers and the report see it",
        "write it as " + Acceptances.SYNTAX, Optional.empty());
  }
}
