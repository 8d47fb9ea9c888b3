package io.dbdevops.env;

import io.dbdevops.SetupException;
import java.util.Locale;

/** What drift does to the build (and to a deploy): fail it, warn and go on, or not check at all. */
public enum DriftPolicy {
  FAIL, WARN, IGNORE;

  public static DriftPolicy parse(String value, String setting) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SetupException("unknown drift policy '" + value + "' in " + setting + " (use FAIL, WARN or IGNORE)");
    }
  }
}
