package io.dbdevops.impact;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.DeployOptions;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetFailedException;
import io.dbdevops.liquibase.LiquibaseRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A deploy's Liquibase update with its impact measured: the touched tables' sizes read on a session of their own
 * before and after, the lock timeout set on the deploy's session for the update (PostgreSQL {@code lock_timeout};
 * MariaDB {@code lock_wait_timeout} and {@code innodb_lock_wait_timeout}, whole seconds rounded up) and put back after
 * it, a {@link LockSampler} watching from a second session, each changeset timed, and a changeset that gave up
 * waiting for a lock (PostgreSQL SQLSTATE 55P03, MariaDB error 1205) tried again up to {@code lockRetries} times after
 * a short growing pause (the update runs again: the failed changeset is not recorded, what ran before it is). Any
 * other failing changeset, or one that keeps timing out, ends the update: {@link Result#failure()}.
 */
public final class ImpactedUpdate {

  /** The changeset to run, as the deploy's pending list names it. */
  public record Pending(String key, String id, String author, String location) {
  }

  /**
   * @param session the deploy's own (writable) session
   * @param schemas the environment's schemas (MariaDB: its database)
   * @param pending the pending changesets, in order
   * @param statements what the pending changesets will execute (the drift check's shadow ran them): which tables
   *     they touch
   * @param warnings hears each lock retry as it happens, one line
   */
  public record Request(LiveTarget target, Connection session, Dialect dialect, List<String> schemas,
      DeployOptions options, List<Pending> pending, Collection<String> statements, Consumer<AppliedChangeSet> progress,
      Consumer<String> warnings, Duration interval) {
    public Request {
      pending = List.copyOf(pending);
      statements = List.copyOf(statements);
      schemas = List.copyOf(schemas);
    }
  }

  /** What the update did and what it cost; {@code failure} when a changeset failed (after its retries). */
  public record Result(List<AppliedChangeSet> applied, Map<String, List<String>> statements,
      Optional<ChangeSetFailedException> failure, Instant started, Instant finished, List<DeployImpact.ChangeSetRun> runs,
      List<LockWait> lockWaits, List<DeployImpact.TableImpact> tables, int lockRetries, int samples, List<String> notes,
      List<String> deploymentIds, Optional<LockWait> blocker) {

    /** The applied changesets as one update result. */
    public LiquibaseRunner.UpdateResult update() {
      return new LiquibaseRunner.UpdateResult(applied, Duration.between(started, finished), statements);
    }
  }

  private ImpactedUpdate() {
  }

  public static Result run(Request r, Function<Consumer<AppliedChangeSet>, LiquibaseRunner.UpdateResult> update) {
    Instant started = Instant.now();
    List<String> notes = new ArrayList<>();
    Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Map<String, Pending> byKey = new LinkedHashMap<>();
    r.pending().forEach(p -> byKey.put(p.key(), p));
    java.util.function.Supplier<String> running = () -> r.pending().stream().filter(p -> !done.contains(p.key()))
        .findFirst().map(p -> p.id() + " (" + p.author() + ")").orElse("");
    Map<String, TableSizes.Size> before = sizes(r, r.statements(), notes, "before");
    List<AppliedChangeSet> applied = new ArrayList<>();
    Map<String, List<String>> statements = new LinkedHashMap<>();
    Map<String, Integer> timeouts = new LinkedHashMap<>();
    Optional<ChangeSetFailedException> failure = Optional.empty();
    int retries = 0;
    LockWait blockerOfFailure = null;
    List<LockWait> waits;
    int samples;
    Optional<String> previous = setLockTimeout(r);
    try (LockSampler sampler = LockSampler.start(r.session(), () -> r.target().connect(true), r.dialect(), running,
        r.interval())) {
      if (!sampler.active()) {
        notes.add("lock waits are sampled on PostgreSQL and MariaDB only (" + r.dialect() + ")");
      }
      while (true) {
        try {
          LiquibaseRunner.UpdateResult result = update.apply(a -> {
            done.add(a.label());
            r.progress().accept(a);
          });
          applied.addAll(result.applied());
          statements.putAll(result.statements());
          break;
        } catch (ChangeSetFailedException f) {
          applied.addAll(f.applied());
          f.applied().forEach(a -> done.add(a.label()));
          sampler.sampleNow();
          String label = f.changeSet().id() + " (" + f.changeSet().author() + ")";
          Optional<LockWait> blocker = sampler.lastBlocker().filter(b -> b.changeSet().equals(label));
          if (!lockTimeout(f)) {
            failure = Optional.of(f);
            break;
          }
          blockerOfFailure = blocker.orElse(null);
          timeouts.merge(f.changeSet().label(), 1, Integer::sum);
          if (retries >= r.options().lockRetries()) {
            failure = Optional.of(f);
            break;
          }
          retries++;
          r.warnings().accept("changeset " + label + " in " + f.location() + " waited " + r.options().lockTimeoutText()
              + " for a lock held by " + blocker.map(LockWait::session).orElse("another session (not seen by the "
              + "sampler)") + "; retry " + retries + " of " + r.options().lockRetries());
          pause(retries);
        }
      }
      sampler.problem().ifPresent(notes::add);
      waits = sampler.waits();
      samples = sampler.samples();
    } catch (SQLException e) {
      throw new SetupException("cannot watch the deploy's session on " + r.target().description() + ": "
          + e.getMessage(), e);
    } finally {
      resetLockTimeout(r, previous);
    }
    Instant finished = Instant.now();
    Set<String> all = new LinkedHashSet<>(r.statements());
    statements.values().forEach(all::addAll);
    Map<String, TableSizes.Size> after = sizes(r, all, notes, "after");
    List<DeployImpact.TableImpact> tables = new ArrayList<>();
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    names.forEach(t -> tables.add(new DeployImpact.TableImpact(t, Optional.ofNullable(before.get(t)),
        Optional.ofNullable(after.get(t)))));
    List<DeployImpact.ChangeSetRun> runs = new ArrayList<>();
    for (AppliedChangeSet a : applied) {
      runs.add(new DeployImpact.ChangeSetRun(a.id(), a.author(), Optional.ofNullable(byKey.get(a.label()))
          .map(Pending::location).orElse(a.file()), a.took(), "EXECUTED", timeouts.getOrDefault(a.label(), 0)));
    }
    failure.ifPresent(f -> runs.add(new DeployImpact.ChangeSetRun(f.changeSet().id(), f.changeSet().author(),
        f.location(), f.changeSet().took(), "FAILED", timeouts.getOrDefault(f.changeSet().label(), 0))));
    return new Result(applied, statements, failure, started, finished, runs, waits, tables, retries, samples, notes,
        deploymentIds(r, applied), Optional.ofNullable(blockerOfFailure));
  }

  /** True for a changeset that gave up waiting for a lock. */
  public static boolean lockTimeout(ChangeSetFailedException f) {
    String message = f.databaseMessage();
    return "55P03".equals(f.sqlState().orElse("")) || f.errorCode() == 1205
        || message.contains("Lock wait timeout exceeded") || message.contains("canceling statement due to lock timeout");
  }

  private static void pause(int retry) {
    try {
      Thread.sleep(500L << Math.min(retry - 1, 4));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupException("deploy interrupted while waiting to retry", e);
    }
  }

  private static Map<String, TableSizes.Size> sizes(Request r, Collection<String> statements, List<String> notes,
      String when) {
    if (statements.isEmpty()) {
      return Map.of();
    }
    String text = String.join("\n", statements);
    try (Connection c = r.target().connect(true)) {
      return TableSizes.read(c, r.dialect(), r.schemas(), key -> !TableSizes.touched(List.of(key), List.of(text))
          .isEmpty());
    } catch (SQLException | RuntimeException e) {
      notes.add("table sizes " + when + " the deploy not read: " + r.target().secrets().mask(String.valueOf(
          e.getMessage())));
      return Map.of();
    }
  }

  /** Sets the lock timeout on the deploy's session; returns what to put back (MariaDB's previous values). */
  private static Optional<String> setLockTimeout(Request r) {
    long ms = r.options().lockTimeoutMillis();
    long seconds = Math.max(1, (ms + 999) / 1000);
    try (Statement st = r.session().createStatement()) {
      switch (r.dialect()) {
        case POSTGRESQL -> {
          st.execute("SET lock_timeout = '" + ms + "ms'");
          return Optional.of("RESET lock_timeout");
        }
        case MARIADB -> {
          String reset;
          try (ResultSet rs = st.executeQuery("SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout")) {
            rs.next();
            reset = "SET SESSION lock_wait_timeout = " + rs.getLong(1) + ", innodb_lock_wait_timeout = " + rs.getLong(2);
          }
          st.execute("SET SESSION lock_wait_timeout = " + seconds + ", innodb_lock_wait_timeout = " + seconds);
          return Optional.of(reset);
        }
        default -> {
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new SetupException("cannot set the lock timeout (<lockTimeout> " + r.options().lockTimeoutText() + ") on "
          + r.target().description() + ": " + e.getMessage(), e);
    }
  }

  private static void resetLockTimeout(Request r, Optional<String> reset) {
    if (reset.isEmpty()) {
      return;
    }
    try {
      if (!r.session().getAutoCommit()) {
        r.session().rollback();
      }
      try (Statement st = r.session().createStatement()) {
        st.execute(reset.get());
      }
    } catch (SQLException e) {
      // the session ends with the deploy; its settings go with it
    }
  }

  /** Liquibase's DEPLOYMENT_ID of the runs that applied the changesets, in order. */
  private static List<String> deploymentIds(Request r, List<AppliedChangeSet> applied) {
    Set<String> ids = new LinkedHashSet<>();
    try (PreparedStatement st = r.session().prepareStatement("SELECT DEPLOYMENT_ID FROM DATABASECHANGELOG WHERE "
        + "FILENAME = ? AND ID = ? AND AUTHOR = ?")) {
      for (AppliedChangeSet a : applied) {
        st.setString(1, a.file());
        st.setString(2, a.id());
        st.setString(3, a.author());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            Optional.ofNullable(rs.getString(1)).ifPresent(ids::add);
          }
        }
      }
    } catch (SQLException e) {
      return List.of();
    }
    return List.copyOf(ids);
  }
}
