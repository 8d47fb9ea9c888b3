package io.dbdevops.fleet;

import io.dbdevops.SetupException;
import java.util.Locale;

/** {@code -Ddbdevops.onError}: what a fleet run does when an environment fails. */
public enum OnError {
  /** start no further environment (those running finish); the default */
  STOP,
  /** go on with every environment; the build still fails, naming each failed one */
  CONTINUE;

  public static OnError parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SetupException("-Ddbdevops.onError: '" + value + "' is not STOP or CONTINUE");
    }
  }
}
