package io.dbdevops.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules found through {@link ServiceLoader} ({@code META-INF/services/io.dbdevops.lint.Rule}), by code. An
 * instance, not a static registry. Refuses two rules with the same code and codes that are not {@code DBDnnn}.
 */
public final class RuleRegistry {

  private static final Pattern CODE = Pattern.compile("DBD\\d{3}");

  private final Map<String, Rule> byCode;

  public RuleRegistry(List<? extends Rule> rules) {
    Map<String, Rule> map = new TreeMap<>();
    for (Rule rule : rules) {
      if (!CODE.matcher(rule.meta().code()).matches()) {
        throw new IllegalStateException("rule " + rule.getClass().getName() + " has the code '" + rule.meta().code()
            + "': codes are DBD followed by three digits");
      }
      Rule other = map.putIfAbsent(rule.meta().code(), rule);
      if (other != null) {
        throw new IllegalStateException("two rules have the code " + rule.meta().code() + ": " + other.getClass().getName()
            + " and " + rule.getClass().getName());
      }
    }
    this.byCode = Collections.unmodifiableMap(map);
  }

  /** The rules on the class path of this library. */
  public static RuleRegistry load() {
    List<Rule> rules = new ArrayList<>();
    ServiceLoader.load(Rule.class, RuleRegistry.class.getClassLoader()).forEach(rules::add);
    return new RuleRegistry(rules);
  }

  /** Every rule, sorted by code. */
  public List<Rule> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Rule> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }
}
