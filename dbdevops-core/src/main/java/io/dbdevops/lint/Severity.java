package io.dbdevops.lint;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters: ERROR fails the build (by default), WARN is reported, INFO only shows in reports. */
public enum Severity {
  ERROR, WARN, INFO;

  /** True when this is at least as severe as {@code other} (ERROR is at least WARN). */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** {@code error}, {@code warn}, {@code info}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code ERROR}, {@code WARN} / {@code WARNING}, {@code INFO} (any case); {@code OFF} gives empty, which
   * callers read as "disabled" or "never fail".
   *
   * @throws IllegalArgumentException for anything else, naming the allowed values
   */
  public static Optional<Severity> parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    return switch (t) {
      case "ERROR" -> Optional.of(ERROR);
      case "WARN", "WARNING" -> Optional.of(WARN);
      case "INFO" -> Optional.of(INFO);
      case "OFF", "NONE" -> Optional.empty();
      default -> throw new IllegalArgumentException("'" + text + "' is not a severity (use ERROR, WARN, INFO or OFF)");
    };
  }
}
