package io.dbdevops;

/**
 * The user's change is wrong: a malformed changelog, a changeset that fails on the shadow database, an invalid
 * state file. The build reports it as a failure (the change must be fixed), not as an error of the build itself.
 */
public class InvalidChangeException extends RuntimeException {

  public InvalidChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
