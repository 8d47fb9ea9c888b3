package io.dbdevops;

/**
 * The build cannot run: a missing changelog, an unreachable database, wrong credentials, an unknown setting.
 * The message names the setting to change.
 */
public class SetupException extends RuntimeException {

  public SetupException(String message, Throwable cause) {
    super(message, cause);
  }

  public SetupException(String message) {
    super(message);
  }
}
