package io.dbdevops.release;

import io.dbdevops.SetupException;

/**
 * A release artifact that cannot be trusted or read: a file changed since it was packed, a file the manifest does not
 * list, a damaged zip. The build cannot run (BUILD ERROR), and nothing has touched a database.
 */
public final class ReleaseArchiveException extends SetupException {
  public ReleaseArchiveException(String message) {
    super(message);
  }
}
