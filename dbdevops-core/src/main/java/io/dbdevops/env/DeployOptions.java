package io.dbdevops.env;

import io.dbdevops.SetupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a deploy or rollback treats the live database, per environment (each also a plugin-level default):
 *
 * @param lockTimeout {@code <lockTimeout>}: how long one statement of the deploy session waits for a lock another
 *     session holds before it gives up (PostgreSQL {@code lock_timeout}, MariaDB {@code lock_wait_timeout} and
 *     {@code innodb_lock_wait_timeout}); default 5 s
 * @param lockRetries {@code <lockRetries>}: how often a changeset that gave up on a lock is tried again after the first
 *     attempt (default 3)
 * @param backup {@code <backup>}: when the affected tables' rows are copied first
 * @param backupDirectory {@code <backupDirectory>}: where backups go (absolute); empty: {@code target/dbdevops/backups}
 */
public record DeployOptions(Duration lockTimeout, int lockRetries, BackupPolicy backup, Optional<Path> backupDirectory) {

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_LOCK_RETRIES = 3;
  public static final DeployOptions DEFAULTS = new DeployOptions(DEFAULT_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES,
      BackupPolicy.LOSSY, Optional.empty());

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  public DeployOptions {
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(backup, "backup");
    backupDirectory = Objects.requireNonNullElse(backupDirectory, Optional.<Path>empty());
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new SetupException("<lockTimeout> must be longer than 0 (" + lockTimeout + ")");
    }
    if (lockRetries < 0) {
      throw new SetupException("<lockRetries> must be 0 or more (" + lockRetries + ")");
    }
  }

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} (or an ISO-8601 duration such as {@code PT5S}). */
  public static Duration parseDuration(String value, String setting) {
    String text = value == null ? "" : value.trim();
    Matcher m = DURATION.matcher(text);
    try {
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      } else {
        d = Duration.parse(text);
      }
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (RuntimeException e) {
      // the message below
    }
    throw new SetupException("'" + value + "' in " + setting + " is not a duration longer than 0: write it as 500ms, "
        + "5s, 2m or 1h");
  }

  public static int parseRetries(String value, String setting) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (RuntimeException e) {
      // the message below
    }
    throw new SetupException("'" + value + "' in " + setting + " is not a number of retries (0 or more)");
  }

  /** The lock timeout as a database wants it: whole milliseconds, at least 1. */
  public long lockTimeoutMillis() {
    return Math.max(1, lockTimeout.toMillis());
  }

  /** {@code 5s}, {@code 500ms}: for messages. */
  public String lockTimeoutText() {
    long ms = lockTimeout.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
