package io.dbdevops.lint;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How findings are judged: the level that fails the build ({@code failOn}; empty: never fail), per-rule severity
 * overrides and disabled rules, by code. Validated against the registry by {@link #validate(RuleRegistry)}.
 */
public record LintSettings(Optional<Severity> failOn, Map<String, Severity> severities, Set<String> disabled) {

  public static final LintSettings DEFAULT = new LintSettings(Optional.of(Severity.ERROR), Map.of(), Set.of());

  public LintSettings {
    failOn = Objects.requireNonNullElse(failOn, Optional.empty());
    severities = Map.copyOf(severities);
    disabled = Set.copyOf(disabled);
    for (String code : severities.keySet()) {
      if (disabled.contains(code)) {
        throw new IllegalArgumentException("rule " + code + " is both disabled and given a severity");
      }
    }
  }

  /**
   * Settings from the plugin's {@code <lintRules>} map ({@code DBD401 → ERROR}, {@code DBD701 → OFF}).
   *
   * @throws IllegalArgumentException naming the code whose value is not ERROR, WARN, INFO or OFF
   */
  public static LintSettings of(Optional<Severity> failOn, Map<String, String> rules) {
    Map<String, Severity> severities = new TreeMap<>();
    java.util.Set<String> disabled = new java.util.TreeSet<>();
    for (Map.Entry<String, String> e : rules.entrySet()) {
      String code = e.getKey().trim().toUpperCase(java.util.Locale.ROOT);
      Optional<Severity> severity;
      try {
        severity = Severity.parse(e.getValue());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("rule " + code + ": " + bad.getMessage(), bad);
      }
      severity.ifPresentOrElse(s -> severities.put(code, s), () -> disabled.add(code));
    }
    return new LintSettings(failOn, severities, disabled);
  }

  /** Throws when a code names no rule, listing the known codes. */
  public void validate(RuleRegistry registry) {
    java.util.List<String> unknown = new java.util.ArrayList<>();
    for (String code : new java.util.TreeSet<>(union())) {
      if (!registry.contains(code) && !code.equals(Linter.INVALID_ALLOW)) {
        unknown.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown rule code" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
          + " (known: " + String.join(", ", registry.all().stream().map(r -> r.meta().code()).toList()) + ")");
    }
  }

  private Set<String> union() {
    java.util.Set<String> all = new java.util.HashSet<>(severities.keySet());
    all.addAll(disabled);
    return all;
  }

  public boolean enabled(String code) {
    return !disabled.contains(code);
  }

  public Severity severityOf(String code, Severity defaultSeverity) {
    return severities.getOrDefault(code, defaultSeverity);
  }
}
