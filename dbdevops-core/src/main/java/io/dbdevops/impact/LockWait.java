package io.dbdevops.impact;

import java.time.Duration;
import java.util.Objects;

/**
 * A lock wait a second session saw while a deploy ran: another session waiting for the deploy's session
 * ({@link Direction#BLOCKED_BY_DEPLOY}) or the deploy's session waiting for another one
 * ({@link Direction#DEPLOY_WAITS}). The session named is the other one (the blocked, or the blocker).
 *
 * @param pid the other session's id (PostgreSQL backend pid, MariaDB connection id)
 * @param user its login
 * @param application its application name (PostgreSQL) or client host (MariaDB)
 * @param query its current or last statement, shortened (never a password: the drivers do not send one in a query)
 * @param lock what was waited for (PostgreSQL wait event, MariaDB thread state)
 * @param longest the longest wait seen
 * @param changeSet the deploy's changeset running when the longest wait was seen
 * @param certain false when the engine cannot name the blocker of a wait (MariaDB metadata locks without the
 *     metadata_lock_info plugin): the session is the likely one (connected to the same database, in a transaction)
 */
public record LockWait(Direction direction, long pid, String user, String application, String query, String lock,
    Duration longest, String changeSet, boolean certain) {

  /** Who waited for whom. */
  public enum Direction { BLOCKED_BY_DEPLOY, DEPLOY_WAITS }

  public LockWait {
    Objects.requireNonNull(direction, "direction");
    user = Objects.requireNonNullElse(user, "");
    application = Objects.requireNonNullElse(application, "");
    query = shorten(Objects.requireNonNullElse(query, ""));
    lock = Objects.requireNonNullElse(lock, "");
    changeSet = Objects.requireNonNullElse(changeSet, "");
    Objects.requireNonNull(longest, "longest");
  }

  /** {@code session 1234 (app_user, billing-api, UPDATE orders SET …)}. */
  public String session() {
    return "session " + pid + " (" + (user.isEmpty() ? "?" : user) + ", " + (application.isEmpty() ? "?" : application)
        + ", " + (query.isEmpty() ? "no statement" : query) + ")" + (certain ? "" : " [probable]");
  }

  /** The same wait, seen again: the longer of the two, with its changeset. */
  LockWait longer(LockWait other) {
    return other.longest.compareTo(longest) > 0 ? other : this;
  }

  /** A password another session's statement carries ({@code PASSWORD '…'}, {@code IDENTIFIED BY '…'}). */
  private static final java.util.regex.Pattern PASSWORD = java.util.regex.Pattern.compile(
      "(?i)(password(?:\\s+for\\s+\\S+)?\\s*(?:=\\s*)?|identified\\s+(?:by|with\\s+\\S+\\s+(?:by|as))\\s*(?:password\\s*)?)('(?:[^']|'')*'|\"[^\"]*\")");

  static String shorten(String query) {
    String one = PASSWORD.matcher(query.replaceAll("\\s+", " ").trim()).replaceAll("$1'****'");
    return one.length() > 160 ? one.substring(0, 157) + "..." : one;
  }
}
