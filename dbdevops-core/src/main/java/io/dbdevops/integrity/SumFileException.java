package io.dbdevops.integrity;

import io.dbdevops.InvalidChangeException;

/** An integrity file that cannot be read (a malformed line, unresolved merge conflict markers): names file, line and fix. */
public final class SumFileException extends InvalidChangeException {

  public SumFileException(String message) {
    super(message, null);
  }
}
