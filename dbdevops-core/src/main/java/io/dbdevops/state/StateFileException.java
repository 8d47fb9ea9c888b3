package io.dbdevops.state;

import java.nio.file.Path;

/** A committed state file that cannot be read: names the file and the offending key. */
public final class StateFileException extends io.dbdevops.InvalidChangeException {

  private final Path file;
  private final String key;

  public StateFileException(Path file, String key, String message, Throwable cause) {
    super(file + (key == null ? "" : " at '" + key + "'") + ": " + message, cause);
    this.file = file;
    this.key = key;
  }

  public Path file() {
    return file;
  }

  public String key() {
    return key;
  }
}
