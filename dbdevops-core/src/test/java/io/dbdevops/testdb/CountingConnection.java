package io.dbdevops.testdb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDBC connection that counts the round trips made through it: every statement execution and every
 * {@link DatabaseMetaData} call that returns a result set (each is at least one query on the server). Used to prove
 * the snapshot reads in bulk, one query per object type, however many tables there are.
 */
public final class CountingConnection {

  private final Connection proxy;
  private final AtomicInteger queries = new AtomicInteger();
  private final Map<String, Integer> byKind = new TreeMap<>();
  private final java.util.List<String> log = new java.util.ArrayList<>();

  private CountingConnection(Connection target) {
    this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler(target));
  }

  public static CountingConnection wrap(Connection target) {
    return new CountingConnection(target);
  }

  public Connection connection() {
    return proxy;
  }

  public int queries() {
    return queries.get();
  }

  /** Round trips by kind ({@code getIndexInfo}, {@code executeQuery}, …), for messages. */
  public synchronized Map<String, Integer> byKind() {
    return new TreeMap<>(byKind);
  }

  /** Each round trip with its duration and the start of its SQL, in order. */
  public synchronized java.util.List<String> log() {
    return java.util.List.copyOf(log);
  }

  public synchronized void reset() {
    queries.set(0);
    byKind.clear();
    log.clear();
  }

  private synchronized void count(String kind, String what, long nanos) {
    queries.incrementAndGet();
    byKind.merge(kind, 1, Integer::sum);
    log.add(String.format("%6d ms  %s %s", nanos / 1_000_000, kind, what.replaceAll("\\s+", " ").trim()));
  }

  private InvocationHandler handler(Connection target) {
    return (p, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof DatabaseMetaData md) {
        return wrapMetaData(md);
      }
      if (result instanceof Statement st) {
        return wrapStatement(st, method.getReturnType());
      }
      return result;
    };
  }

  private Object wrapMetaData(DatabaseMetaData md) {
    return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
        (p, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return proxy;
          }
          long t0 = System.nanoTime();
          Object result = invoke(md, method, args);
          if (result instanceof ResultSet) {
            count("metadata." + method.getName(), args == null ? "" : java.util.Arrays.toString(args), System.nanoTime() - t0);
          }
          return result;
        });
  }

  private Object wrapStatement(Statement st, Class<?> type) {
    Class<?> iface = Statement.class.isAssignableFrom(type) && type.isInterface() ? type : Statement.class;
    return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {iface}, (p, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return proxy;
      }
      if (!method.getName().startsWith("execute")) {
        return invoke(st, method, args);
      }
      long t0 = System.nanoTime();
      try {
        return invoke(st, method, args);
      } finally {
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
        count("statement." + method.getName(), sql.length() > 160 ? sql.substring(0, 160) + "…" : sql, System.nanoTime() - t0);
      }
    });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
