package io.dbdevops.fleet;

import io.dbdevops.liquibase.LiquibaseThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one goal's work on each environment of a fleet: the canaries first (a canary that fails stops the rest), then
 * the others, at most {@code parallel} at a time; with {@link OnError#STOP} an environment that fails keeps those not
 * yet started from starting (those running finish). Each environment's work runs on a thread of its own with its own
 * Liquibase scope ({@link LiquibaseThreads}). The outcomes come back in the fleet's order.
 */
public final class Fleet {

  /** One environment of the fleet. */
  public record Member(String name, boolean canary) {
    public Member {
      Objects.requireNonNull(name, "name");
    }
  }

  /** What a member's work returns: a one-line summary, or it throws (the failure's message is its summary). */
  public interface Work {
    String run(Member member) throws Exception;
  }

  public enum Status { OK, FAILED, SKIPPED }

  public record Outcome(Member member, Status status, String summary, Instant start, Duration took) { }

  public record Result(List<Outcome> outcomes, int parallel, OnError onError, Duration took) {
    public List<Outcome> failed() {
      return outcomes.stream().filter(o -> o.status() == Status.FAILED).toList();
    }

    public long count(Status status) {
      return outcomes.stream().filter(o -> o.status() == status).count();
    }
  }

  private Fleet() {
  }

  /**
   * @param describe the one-line message of a failure (the caller's own mapping, with secrets masked)
   */
  public static Result run(List<Member> members, int parallel, OnError onError, Work work,
      Function<Throwable, String> describe) {
    if (parallel < 1) {
      throw new io.dbdevops.SetupException("-Ddbdevops.parallel must be 1 or more, not " + parallel);
    }
    long t0 = System.nanoTime();
    Map<String, Outcome> done = new ConcurrentHashMap<>();
    AtomicReference<String> stopped = new AtomicReference<>();
    List<Member> canaries = members.stream().filter(Member::canary).toList();
    List<Member> rest = members.stream().filter(m -> !m.canary()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, members.size())), r -> {
      Thread t = new Thread(r, "dbdevops-fleet");
      t.setDaemon(true);
      return t;
    });
    try {
      wave(pool, canaries, work, describe, done, stopped, true);
      if (stopped.get() != null) {
        String why = "not started: canary " + stopped.get() + " failed";
        rest.forEach(m -> done.put(m.name(), new Outcome(m, Status.SKIPPED, why, Instant.now(), Duration.ZERO)));
      } else {
        wave(pool, rest, work, describe, done, stopped, onError == OnError.STOP);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Outcome> ordered = new ArrayList<>();
    members.forEach(m -> ordered.add(done.get(m.name())));
    return new Result(ordered, parallel, onError, Duration.ofNanos(System.nanoTime() - t0));
  }

  private static void wave(ExecutorService pool, List<Member> members, Work work, Function<Throwable, String> describe,
      Map<String, Outcome> done, AtomicReference<String> stopped, boolean stopOnFailure) {
    List<Future<?>> futures = new ArrayList<>();
    for (Member m : members) {
      futures.add(pool.submit(LiquibaseThreads.own(() -> {
        String stop = stopped.get();
        if (stop != null) {
          done.put(m.name(), new Outcome(m, Status.SKIPPED, "not started: " + stop + " failed (-Ddbdevops.onError=STOP)",
              Instant.now(), Duration.ZERO));
          return null;
        }
        Instant start = Instant.now();
        long t = System.nanoTime();
        try {
          String summary = work.run(m);
          done.put(m.name(), new Outcome(m, Status.OK, summary, start, Duration.ofNanos(System.nanoTime() - t)));
        } catch (Exception | Error e) {
          done.put(m.name(), new Outcome(m, Status.FAILED, describe.apply(e), start,
              Duration.ofNanos(System.nanoTime() - t)));
          if (stopOnFailure) {
            stopped.compareAndSet(null, m.name());
          }
        }
        return null;
      })));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.dbdevops.SetupException("the fleet run was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a fleet task failed outside its work", e.getCause());
      }
    }
  }
}
