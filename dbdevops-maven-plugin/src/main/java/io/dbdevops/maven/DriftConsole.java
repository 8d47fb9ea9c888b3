package io.dbdevops.maven;

import io.dbdevops.drift.DriftReport;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import org.apache.maven.plugin.logging.Log;

/** The drift lines on the console, shared by drift and deploy: +/-/~ per object as in verify, one summary line. */
final class DriftConsole {

  private DriftConsole() {
  }

  static void print(Log log, DriftReport r) {
    r.lastDeployment().ifPresent(last -> log.info("dbdevops: " + Plural.of(r.applied(), "changeset") + " applied; last "
        + "deployment " + last.dateExecuted() + ": " + last.id() + " by " + last.author()));
    for (String line : r.lines()) {
      if (r.fails()) {
        log.error(line);
      } else {
        log.warn(line);
      }
    }
    for (ChangeSetRef c : r.pending()) {
      log.info("dbdevops: pending (not drift): " + c.id() + " by " + c.author() + " (" + c.file() + ")");
    }
  }

  /** {@code table customers: ~ column email: …; grants: …} for the failure message. */
  static String brief(java.util.List<String> lines) {
    StringBuilder b = new StringBuilder();
    String title = "";
    int shown = 0;
    for (String l : lines) {
      if (!l.startsWith(" ")) {
        title = l;
        continue;
      }
      if (shown++ == 5) {
        b.append("; …");
        break;
      }
      b.append(b.length() == 0 ? "" : "; ").append(title).append(": ").append(l.trim());
    }
    return b.toString();
  }
}
