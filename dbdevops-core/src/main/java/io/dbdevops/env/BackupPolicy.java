package io.dbdevops.env;

import io.dbdevops.SetupException;
import java.util.Locale;

/**
 * {@code <backup>}: when a deploy or rollback copies the rows of the tables it touches first. {@code LOSSY} (the
 * default): only before a change that can lose data (a dropped table or column, a narrowed type, a rollback that drops
 * what the changesets made); {@code ALWAYS}: before every deploy or rollback that changes something; {@code NEVER}.
 */
public enum BackupPolicy {
  LOSSY, ALWAYS, NEVER;

  public static BackupPolicy parse(String value, String setting) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SetupException("unknown backup policy '" + value + "' in " + setting + " (use LOSSY, ALWAYS or NEVER)");
    }
  }
}
