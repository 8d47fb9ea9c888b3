package io.dbdevops.maven;

import io.dbdevops.impact.DeployImpact;
import io.dbdevops.impact.LockWait;
import io.dbdevops.impact.RollForward;
import io.dbdevops.impact.TableSizes;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** The deploy's impact record and roll-forward report on the console. */
final class ImpactConsole {

  private ImpactConsole() {
  }

  static void print(Log log, DeployImpact impact, String report) {
    log.info("dbdevops impact: " + impact.summary());
    for (LockWait w : impact.lockWaits()) {
      String line = "dbdevops impact: " + (w.direction() == LockWait.Direction.DEPLOY_WAITS
          ? "the deploy waited " + w.longest().toMillis() + " ms for " + w.session()
          : w.session() + " waited " + w.longest().toMillis() + " ms for the deploy") + " (" + w.lock() + ") during "
          + w.changeSet();
      log.warn(line);
    }
    for (DeployImpact.TableImpact t : impact.tables()) {
      log.info("dbdevops impact: table " + t.table() + ": " + size(t.before(), "new") + " -> " + size(t.after(),
          "dropped"));
    }
    impact.notes().forEach(n -> log.info("dbdevops impact: " + n));
    impact.rollForward().ifPresent(r -> rollForward(log, r));
    log.info("dbdevops impact: report " + report);
  }

  private static String size(java.util.Optional<TableSizes.Size> s, String none) {
    return s.map(v -> v.bytes().map(b -> b + " bytes").orElse("? bytes") + ", " + v.rows().map(n -> n + " rows")
        .orElse("? rows")).orElse(none);
  }

  private static void rollForward(Log log, RollForward r) {
    log.error("dbdevops roll-forward: changeset " + r.failed() + " in " + r.location() + " failed: "
        + r.databaseMessage());
    r.blocker().ifPresent(b -> log.error("dbdevops roll-forward: the lock is held by " + b.session()));
    log.error("dbdevops roll-forward: applied in this deploy (recorded, they stay): " + (r.applied().isEmpty() ? "none"
        : String.join(", ", r.applied())));
    if (r.leftBehind().isEmpty()) {
      log.error("dbdevops roll-forward: left behind by the failed changeset: nothing");
    } else {
      log.error("dbdevops roll-forward: left behind by the failed changeset:");
      r.leftBehind().forEach(l -> log.error("dbdevops roll-forward: " + l));
    }
    log.error("dbdevops roll-forward: live schema against the expected state after the changelog:"
        + (r.liveDiff().isEmpty() ? " no difference" : ""));
    r.liveDiff().forEach(l -> log.error("dbdevops roll-forward: " + l));
    r.advice().forEach(a -> log.error("dbdevops roll-forward: advice: " + a));
  }

  static MojoFailureException failure(String env, RollForward r, String report) {
    return new MojoFailureException("deploy to " + env + " failed at changeset " + r.failed() + " in " + r.location()
        + ": " + r.databaseMessage() + (r.blocker().map(b -> " (lock held by " + b.session() + ")").orElse(""))
        + "; " + r.applied().size() + " changeset" + (r.applied().size() == 1 ? "" : "s") + " applied before it stay"
        + (r.leftBehind().isEmpty() ? "" : "; left behind: " + String.join(", ", r.leftBehind().stream()
            .filter(l -> !l.startsWith(" ")).toList()))
        + ". Roll-forward report: " + report);
  }
}
