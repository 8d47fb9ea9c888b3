package io.dbdevops.dbtest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs database unit tests on a connection (the gate's shadow, after the changelog): each test in a transaction that is
 * rolled back at its end, so tests neither see each other's rows nor change the shadow. A test passes when every
 * statement runs — a statement marked {@code -- expect error} must fail, inside a savepoint that is rolled back, so the
 * test goes on (PostgreSQL aborts a transaction at its first error) — and its last statement, when it is a query,
 * returns no rows. A failing test keeps its first rows (up to {@link #SHOWN_ROWS}) or the database's message.
 *
 * <p>On MariaDB a DDL statement commits by itself: a test that creates or alters objects changes the shadow for the
 * tests after it. Keep DDL out of the tests (the changelog makes the schema).
 */
public final class DbTests {

  /** How many of a failing query's rows a result shows. */
  public static final int SHOWN_ROWS = 5;

  /** What one test did. */
  public record Result(String file, DbTestFile.Test test, Optional<String> failure, List<String> rows, long rowCount,
      Duration took) {
    public Result {
      rows = List.copyOf(rows);
    }

    public boolean passed() {
      return failure.isEmpty();
    }

    /** {@code file:line}, the test's header line. */
    public String location() {
      return file + ":" + test.line();
    }
  }

  /** Every test's result, in file and test order. */
  public record Report(List<Result> results, Duration took) {
    public Report {
      results = List.copyOf(results);
    }

    public static final Report NONE = new Report(List.of(), Duration.ZERO);

    public long passed() {
      return results.stream().filter(Result::passed).count();
    }

    public List<Result> failures() {
      return results.stream().filter(r -> !r.passed()).toList();
    }

    public boolean isEmpty() {
      return results.isEmpty();
    }
  }

  public Report run(Connection connection, List<DbTestFile> files) throws SQLException {
    long t0 = System.nanoTime();
    List<Result> results = new ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    try {
      connection.setAutoCommit(false);
      for (DbTestFile file : files) {
        for (DbTestFile.Test test : file.tests()) {
          results.add(runOne(connection, file.path(), test));
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return new Report(results, Duration.ofNanos(System.nanoTime() - t0));
  }

  private static Result runOne(Connection connection, String file, DbTestFile.Test test) throws SQLException {
    long t0 = System.nanoTime();
    try {
      List<DbTestFile.Statement> statements = test.statements();
      for (int i = 0; i < statements.size(); i++) {
        DbTestFile.Statement s = statements.get(i);
        String where = file + ":" + s.line();
        if (s.expectedError().isPresent()) {
          Optional<String> problem = expectFailure(connection, s, where);
          if (problem.isPresent()) {
            return failed(file, test, problem.get(), List.of(), 0, t0);
          }
          continue;
        }
        try (Statement jdbc = connection.createStatement()) {
          boolean query = jdbc.execute(s.sql());
          if (i == statements.size() - 1 && query) {
            try (ResultSet rs = jdbc.getResultSet()) {
              List<String> shown = new ArrayList<>();
              long count = 0;
              while (rs.next()) {
                if (count < SHOWN_ROWS) {
                  shown.add(row(rs));
                }
                count++;
              }
              if (count > 0) {
                return failed(file, test, where + ": the last query returned " + count + (count == 1 ? " row" : " rows")
                    + " (a test passes when it returns none)", shown, count, t0);
              }
            }
          }
        } catch (SQLException e) {
          return failed(file, test, where + ": " + message(e), List.of(), 0, t0);
        }
      }
      return new Result(file, test, Optional.empty(), List.of(), 0, Duration.ofNanos(System.nanoTime() - t0));
    } finally {
      connection.rollback();
    }
  }

  /** Runs a statement that must fail, in a savepoint; empty when it failed as expected, else what went wrong. */
  private static Optional<String> expectFailure(Connection connection, DbTestFile.Statement s, String where)
      throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (Statement jdbc = connection.createStatement()) {
      jdbc.execute(s.sql());
    } catch (SQLException e) {
      connection.rollback(savepoint);
      String expected = s.expectedError().orElse("");
      if (!expected.isEmpty() && !message(e).toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))) {
        return Optional.of(where + ": failed as expected, but not with '" + expected + "': " + message(e));
      }
      return Optional.empty();
    }
    connection.rollback(savepoint);
    return Optional.of(where + ": expected an error" + s.expectedError().filter(t -> !t.isEmpty())
        .map(t -> " with '" + t + "'").orElse("") + ", but the statement ran");
  }

  private static Result failed(String file, DbTestFile.Test test, String failure, List<String> rows, long count,
      long t0) {
    return new Result(file, test, Optional.of(failure), rows, count, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** {@code (name=value, …)}: a row as a failure shows it. */
  private static String row(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    StringBuilder s = new StringBuilder("(");
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      if (c > 1) {
        s.append(", ");
      }
      Object value = rs.getObject(c);
      s.append(meta.getColumnLabel(c).toLowerCase(Locale.ROOT)).append('=')
          .append(value == null ? "NULL" : value instanceof String ? "'" + value + "'" : String.valueOf(value));
    }
    return s.append(')').toString();
  }

  /** The database's message, on one line. */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
