package io.dbdevops.impact;

import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Watches a deploy's session from a second session of its own, every {@code interval} on a daemon thread: the
 * sessions the deploy blocks and the sessions the deploy waits for, each with the longest wait seen and the changeset
 * running then. PostgreSQL: {@code pg_stat_activity} and {@code pg_blocking_pids()}; MariaDB:
 * {@code information_schema.PROCESSLIST} thread states ("Waiting for table metadata lock"), InnoDB lock waits
 * ({@code INNODB_LOCK_WAITS}/{@code INNODB_TRX}) and, when installed, {@code METADATA_LOCK_INFO}. On H2 nothing is
 * sampled. {@link #close()} stops it and closes its session; a sampling query that fails stops the sampling (noted in
 * {@link #problem()}), never the deploy.
 */
public final class LockSampler implements AutoCloseable {

  /** The default pause between two samples. */
  public static final Duration INTERVAL = Duration.ofMillis(150);

  private final Connection session;
  private final Dialect dialect;
  private final long deployPid;
  private final Supplier<String> running;
  private final Duration interval;
  private final Map<String, LockWait> waits = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile String problem;
  private volatile LockWait lastBlocker;
  private int samples;
  private boolean metadataLockInfo;

  private LockSampler(Connection session, Dialect dialect, long deployPid, Supplier<String> running, Duration interval) {
    this.session = session;
    this.dialect = dialect;
    this.deployPid = deployPid;
    this.running = running;
    this.interval = interval;
    this.thread = new Thread(this::loop, "dbdevops-lock-sampler-" + deployPid);
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching {@code deploySession} from {@code ownSession} (a connection of its own, which the sampler closes);
   * {@code running} tells which changeset runs now. On H2 (or another engine) a sampler that samples nothing.
   */
  public static LockSampler start(Connection deploySession, Supplier<Connection> ownSession, Dialect dialect,
      Supplier<String> running, Duration interval) throws SQLException {
    if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MARIADB) {
      return new LockSampler(null, dialect, -1, running, interval);
    }
    return start(sessionId(deploySession, dialect), ownSession, dialect, running, interval);
  }

  /** Watching the session {@code pid} (as {@link #sessionId} gave it). */
  public static LockSampler start(long pid, Supplier<Connection> ownSession, Dialect dialect, Supplier<String> running,
      Duration interval) {
    if (dialect != Dialect.POSTGRESQL && dialect != Dialect.MARIADB) {
      return new LockSampler(null, dialect, -1, running, interval);
    }
    LockSampler sampler = new LockSampler(ownSession.get(), dialect, pid, running, interval);
    sampler.metadataLockInfo = dialect == Dialect.MARIADB && sampler.hasMetadataLockInfo();
    sampler.thread.start();
    return sampler;
  }

  /** The session id of a connection: PostgreSQL backend pid, MariaDB connection id. */
  public static long sessionId(Connection connection, Dialect dialect) throws SQLException {
    String sql = dialect == Dialect.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** True when lock waits are sampled on this engine. */
  public boolean active() {
    return session != null;
  }

  /** The deploy session's id (-1 on H2). */
  public long deployPid() {
    return deployPid;
  }

  /** Every wait seen so far, in the order first seen. */
  public synchronized List<LockWait> waits() {
    return List.copyOf(waits.values());
  }

  /** The last session seen blocking the deploy's session, if any was seen. */
  public Optional<LockWait> lastBlocker() {
    return Optional.ofNullable(lastBlocker);
  }

  /** How many samples were taken. */
  public synchronized int samples() {
    return samples;
  }

  /** Why sampling stopped early, if it did. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Takes one sample now, on the caller's thread (the sampler thread does this every interval). */
  public void sampleNow() {
    if (session == null) {
      return;
    }
    try {
      List<LockWait> seen = dialect == Dialect.POSTGRESQL ? samplePostgres() : sampleMariaDb();
      record(seen);
    } catch (SQLException e) {
      problem = "lock sampling stopped: " + e.getMessage();
      stop = true;
    }
  }

  private void loop() {
    while (!stop) {
      synchronized (session) {
        if (!stop) {
          sampleNow();
        }
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void record(List<LockWait> seen) {
    samples++;
    for (LockWait w : seen) {
      waits.merge(w.direction() + ":" + w.pid(), w, LockWait::longer);
      if (w.direction() == LockWait.Direction.DEPLOY_WAITS) {
        lastBlocker = w;
      }
    }
  }

  private static final String PG_WAIT_START = "COALESCE((SELECT min(l.waitstart) FROM pg_locks l WHERE l.pid = %s "
      + "AND NOT l.granted), %s)";

  private List<LockWait> samplePostgres() throws SQLException {
    List<LockWait> seen = new ArrayList<>();
    String changeSet = running.get();
    // sessions the deploy blocks: their wait started when their ungranted lock was asked for
    String blocked = "SELECT a.pid, a.usename, a.application_name, a.query, coalesce(a.wait_event_type || ':' || "
        + "a.wait_event, ''), EXTRACT(EPOCH FROM (clock_timestamp() - " + PG_WAIT_START.formatted("a.pid",
        "a.query_start") + ")) * 1000 FROM pg_stat_activity a WHERE ? = ANY(pg_blocking_pids(a.pid))";
    try (PreparedStatement st = session.prepareStatement(blocked)) {
      st.setInt(1, (int) deployPid);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          seen.add(new LockWait(LockWait.Direction.BLOCKED_BY_DEPLOY, rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), millis(rs.getDouble(6)), changeSet, true));
        }
      }
    }
    // sessions the deploy waits for: the wait is the deploy's own
    String blockers = "SELECT b.pid, b.usename, b.application_name, b.query, b.state, EXTRACT(EPOCH FROM "
        + "(clock_timestamp() - " + PG_WAIT_START.formatted("?", "clock_timestamp()") + ")) * 1000 "
        + "FROM pg_stat_activity b WHERE b.pid = ANY(pg_blocking_pids(?))";
    try (PreparedStatement st = session.prepareStatement(blockers)) {
      st.setInt(1, (int) deployPid);
      st.setInt(2, (int) deployPid);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          seen.add(new LockWait(LockWait.Direction.DEPLOY_WAITS, rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), millis(rs.getDouble(6)), changeSet, true));
        }
      }
    }
    return seen;
  }

  private record Process(long id, String user, String host, String db, String command, long timeMs, String state,
      String info) {
    boolean waitingForLock() {
      return state != null && state.startsWith("Waiting for") && state.contains("lock");
    }
  }

  private List<LockWait> sampleMariaDb() throws SQLException {
    String changeSet = running.get();
    long own = sessionId(session, dialect);
    Map<Long, Process> processes = new LinkedHashMap<>();
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, USER, HOST, DB, COMMAND, "
        + "TIME_MS, STATE, INFO FROM information_schema.PROCESSLIST")) {
      while (rs.next()) {
        Process p = new Process(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            (long) rs.getDouble(6), rs.getString(7), rs.getString(8));
        if (p.id() != own) {
          processes.put(p.id(), p);
        }
      }
    }
    Process deploy = processes.get(deployPid);
    if (deploy == null) {
      return List.of();
    }
    Map<Long, String> trxQuery = new LinkedHashMap<>();
    Map<Long, Long> trxAge = new LinkedHashMap<>();
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT trx_mysql_thread_id, "
        + "trx_query, TIMESTAMPDIFF(MICROSECOND, trx_started, NOW(6)) / 1000 FROM information_schema.INNODB_TRX")) {
      while (rs.next()) {
        trxQuery.put(rs.getLong(1), rs.getString(2));
        trxAge.put(rs.getLong(1), rs.getLong(3));
      }
    }
    // InnoDB row-lock waits: (waiting thread, blocking thread, how long)
    List<long[]> rowWaits = new ArrayList<>();
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT r.trx_mysql_thread_id, "
        + "b.trx_mysql_thread_id, TIMESTAMPDIFF(MICROSECOND, r.trx_wait_started, NOW(6)) / 1000 "
        + "FROM information_schema.INNODB_LOCK_WAITS w "
        + "JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id "
        + "JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id")) {
      while (rs.next()) {
        rowWaits.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
      }
    }
    List<LockWait> seen = new ArrayList<>();
    for (long[] w : rowWaits) {
      if (w[0] == deployPid && processes.containsKey(w[1])) {
        seen.add(wait(LockWait.Direction.DEPLOY_WAITS, processes.get(w[1]), "InnoDB row lock", w[2], changeSet, true,
            trxQuery));
      } else if (w[1] == deployPid && processes.containsKey(w[0])) {
        seen.add(wait(LockWait.Direction.BLOCKED_BY_DEPLOY, processes.get(w[0]), "InnoDB row lock", w[2], changeSet,
            true, trxQuery));
      }
    }
    List<Long> mdlHolders = metadataLockInfo ? metadataLockHolders() : List.of();
    if (deploy.waitingForLock() && rowWaits.stream().noneMatch(w -> w[0] == deployPid)) {
      // a metadata lock: its holder is a session with a lock on a table of this database
      List<Process> holders = processes.values().stream().filter(p -> p.id() != deployPid)
          .filter(p -> metadataLockInfo ? mdlHolders.contains(p.id())
              : deploy.db() != null && deploy.db().equals(p.db()) && !p.waitingForLock()
                  && !"Daemon".equals(p.command()) && (trxAge.containsKey(p.id()) || "Sleep".equals(p.command())))
          .toList();
      for (Process h : holders) {
        seen.add(wait(LockWait.Direction.DEPLOY_WAITS, h, deploy.state(), deploy.timeMs(), changeSet, metadataLockInfo,
            trxQuery));
      }
    }
    if (!deploy.waitingForLock() && "Query".equals(deploy.command())) {
      // sessions of the same database waiting for a metadata lock while the deploy runs a statement
      for (Process p : processes.values()) {
        if (p.id() != deployPid && p.waitingForLock() && p.state().contains("metadata") && deploy.db() != null
            && deploy.db().equals(p.db())) {
          seen.add(wait(LockWait.Direction.BLOCKED_BY_DEPLOY, p, p.state(), p.timeMs(), changeSet, metadataLockInfo
              ? mdlHolders.contains(deployPid) : false, trxQuery));
        }
      }
    }
    return seen;
  }

  private static LockWait wait(LockWait.Direction direction, Process other, String lock, long waitedMs,
      String changeSet, boolean certain, Map<Long, String> trxQuery) {
    String query = other.info() != null ? other.info() : trxQuery.get(other.id());
    if (query == null) {
      query = "Sleep".equals(other.command()) ? "idle" + (trxQuery.containsKey(other.id()) ? " in transaction" : "")
          : other.command();
    }
    return new LockWait(direction, other.id(), other.user(), other.host(), query, lock, Duration.ofMillis(waitedMs),
        changeSet, certain);
  }

  private boolean hasMetadataLockInfo() {
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
        + "information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'METADATA_LOCK_INFO'")) {
      return rs.next() && rs.getInt(1) > 0;
    } catch (SQLException e) {
      return false;
    }
  }

  private List<Long> metadataLockHolders() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT THREAD_ID FROM "
        + "information_schema.METADATA_LOCK_INFO WHERE TABLE_SCHEMA = DATABASE()")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static Duration millis(double ms) {
    return Duration.ofMillis(Math.max(0, Math.round(ms)));
  }

  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    if (session == null) {
      return;
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      session.close();
    } catch (SQLException e) {
      // the samples are kept; the session goes with the process at worst
    }
  }
}
