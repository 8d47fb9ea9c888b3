package io.dbdevops.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.testdb.TestDatabases.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sampler's view from a second session: session A holds a lock, session B waits for it. Watching A, B is a
 * session blocked by it; watching B, A is the session it waits for, with its statement.
 */
class LockSamplerTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void seesWhoIsBlockedAndWhoBlocks(Engine engine) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ImpactFixture f = ImpactFixture.create(engine)) {
      Dialect dialect = f.postgres() ? Dialect.POSTGRESQL : Dialect.MARIADB;
      f.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))", "INSERT INTO orders VALUES (1, 'a')");
      try (Connection a = f.connect(); Connection b = f.connect()) {
        a.setAutoCommit(false);
        try (Statement st = a.createStatement()) {
          st.execute(f.postgres() ? "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"
              : "UPDATE orders SET note = 'held' WHERE id = 1");
        }
        long pidA = LockSampler.sessionId(a, dialect);
        long pidB = LockSampler.sessionId(b, dialect);
        Future<?> waiting = pool.submit(() -> {
          try (Statement st = b.createStatement()) {
            st.execute("UPDATE orders SET note = 'waits' WHERE id = 1");
          }
          return null;
        });
        awaitWaiting(f, dialect, pidB);
        try (LockSampler watchingA = LockSampler.start(pidA, () -> connect(f), dialect, () -> "cs-1 (imp)",
            Duration.ofHours(1)); LockSampler watchingB = LockSampler.start(pidB, () -> connect(f), dialect,
            () -> "cs-2 (imp)", Duration.ofHours(1))) {
          watchingA.sampleNow();
          watchingB.sampleNow();
          assertThat(watchingA.waits()).anySatisfy(w -> {
            assertThat(w.direction()).isEqualTo(LockWait.Direction.BLOCKED_BY_DEPLOY);
            assertThat(w.pid()).isEqualTo(pidB);
            assertThat(w.query()).contains("UPDATE orders SET note = 'waits'");
            assertThat(w.changeSet()).isEqualTo("cs-1 (imp)");
          });
          assertThat(watchingB.waits()).anySatisfy(w -> {
            assertThat(w.direction()).isEqualTo(LockWait.Direction.DEPLOY_WAITS);
            assertThat(w.pid()).isEqualTo(pidA);
            assertThat(w.certain()).isTrue();
            assertThat(w.session()).contains("session " + pidA);
          });
          assertThat(watchingB.lastBlocker()).hasValueSatisfying(w -> assertThat(w.pid()).isEqualTo(pidA));
        }
        a.rollback();
        waiting.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Connection connect(ImpactFixture f) {
    try {
      return f.connect();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Until the engine shows session {@code pid} waiting for a lock (the server decides; no clock in the assertion). */
  private static void awaitWaiting(ImpactFixture f, Dialect dialect, long pid) throws Exception {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid + " AND wait_event_type = 'Lock'"
        : "SELECT count(*) FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = " + pid
            + " AND trx_state = 'LOCK WAIT'";
    try (Connection c = f.connect(); Statement st = c.createStatement()) {
      for (int i = 0; i < 600; i++) {
        try (ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("session " + pid + " never waited for the lock");
  }
}
