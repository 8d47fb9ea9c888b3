package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeInfo;
import io.dbdevops.liquibase.ChangeSetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dbdevops:allow DBD103 "reason"} directives of one changeset, from its Liquibase comment, the comments in
 * its text and its SQL. Several codes may share one reason: {@code dbdevops:allow DBD103, DBD601 "reason"}. A
 * directive without a reason, or naming no known rule, is a problem reported as {@value Linter#INVALID_ALLOW}.
 */
final class Acceptances {

  static final String SYNTAX = "dbdevops:allow DBD103 \"why this is safe here\"";

  private static final Pattern DIRECTIVE = Pattern.compile("dbdevops:allow\\b([^\\n\\r]*)");
  private static final Pattern WELL_FORMED =
      Pattern.compile("\\s*((?:DBD\\d{3})(?:\\s*,\\s*DBD\\d{3})*)\\s*(?:\"([^\"]*)\"|“([^”]*)”)?.*", Pattern.DOTALL);

  /** Accepted codes with their reasons, and the text of each malformed directive with what is wrong. */
  record Parsed(Map<String, String> reasons, Map<String, String> problems) {
  }

  private Acceptances() {
  }

  /** The raw text of an XML changelog as Liquibase reads it: {@code &quot;} is a quote. */
  private static String xmlText(String raw) {
    return raw.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static Parsed of(ChangeSetInfo cs, String sourceText, Set<String> knownCodes) {
    Set<String> texts = new LinkedHashSet<>();
    cs.comment().ifPresent(texts::add);
    if (sourceText != null) {
      texts.add(xmlText(sourceText));
    }
    for (ChangeInfo c : cs.changes()) {
      c.sql().ifPresent(texts::add);
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (String text : texts) {
      Matcher m = DIRECTIVE.matcher(text);
      while (m.find()) {
        String rest = m.group(1).replaceAll("\\s*(-->|\\*/)\\s*$", "");
        String directive = ("dbdevops:allow" + rest).trim();
        Matcher w = WELL_FORMED.matcher(rest);
        if (!w.matches()) {
          problems.putIfAbsent(directive, "without a rule code");
          continue;
        }
        String reason = w.group(2) != null ? w.group(2) : w.group(3);
        List<String> codes = new ArrayList<>();
        for (String code : w.group(1).split("\\s*,\\s*")) {
          codes.add(code.trim());
        }
        List<String> unknown = codes.stream().filter(c -> !knownCodes.contains(c)).toList();
        if (!unknown.isEmpty()) {
          problems.putIfAbsent(directive, "naming no known rule (" + String.join(", ", unknown) + ")");
        } else if (reason == null || reason.isBlank()) {
          problems.putIfAbsent(directive, "without a reason");
        } else {
          codes.forEach(code -> reasons.putIfAbsent(code, reason.strip()));
        }
      }
    }
    return new Parsed(reasons, problems);
  }
}
