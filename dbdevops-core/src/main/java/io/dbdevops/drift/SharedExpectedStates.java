package io.dbdevops.drift;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One build's expected states, shared by the environments it works on (a fleet of tenant databases at the same
 * version): environments of the same engine and version, the same contexts, labels, parameters, schemas and applied
 * changesets expect the same state, so its shadow is built once. The first to ask builds it; one asking meanwhile
 * waits for that build; a failed build is not kept (each asker then builds its own and sees its own failure). Kept in
 * memory for one goal's run only, so a changed changelog can never meet an old entry. The run's parses of the
 * changelog are lent out from here too ({@link #parses()}).
 */
public final class SharedExpectedStates {

  private final ConcurrentHashMap<String, CompletableFuture<Object>> built = new ConcurrentHashMap<>();
  private final io.dbdevops.liquibase.SharedParses parses = new io.dbdevops.liquibase.SharedParses();

  /** The run's parses, lent to one environment at a time ({@link io.dbdevops.liquibase.SharedParses}). */
  public io.dbdevops.liquibase.SharedParses parses() {
    return parses;
  }

  /** The value for {@code key}: built by {@code build} once, shared by every caller with the same key. */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> build) {
    Objects.requireNonNull(key, "key");
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = built.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        T value = build.get();
        mine.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        built.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return (T) existing.get();
    } catch (ExecutionException e) {
      // the first builder failed: build this one's own (it reports its own failure)
      return build.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the expected state", e);
    }
  }

  /** How many expected states were built (for tests and the log). */
  public int size() {
    return built.size();
  }
}
