package io.dbdevops.liquibase;

import java.util.concurrent.Callable;
import liquibase.Scope;
import liquibase.ThreadLocalScopeManager;

/**
 * Liquibase on several threads of one build (a fleet's environments in parallel). Liquibase keeps its scope manager
 * in an inheritable thread-local, so threads started by the build share the calling thread's single-scope manager —
 * and its one current scope, which two commands at once corrupt. A task wrapped here gives its thread a manager of its
 * own that keeps the current scope per thread over the caller's root scope, so the root's singletons (factories, the
 * registered parsers) stay shared and each thread's commands nest their own scopes.
 */
public final class LiquibaseThreads {

  private LiquibaseThreads() {
  }

  /** {@code task}, to run on another thread with its own scope chain over the calling thread's current (root) scope. */
  public static <T> Callable<T> own(Callable<T> task) {
    Scope root = Scope.getCurrentScope();
    return () -> {
      Scope.setScopeManager(new ThreadLocalScopeManager(root));
      return task.call();
    };
  }
}
