package io.dbdevops.testdb;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Several fresh databases on one server, all dropped when closed. */
public final class TempDatabaseList implements AutoCloseable {

  private final List<TestDatabases.TempDatabase> databases;

  private TempDatabaseList(List<TestDatabases.TempDatabase> databases) {
    this.databases = databases;
  }

  public static TempDatabaseList create(TestDatabases.Server server, int count) throws SQLException {
    List<TestDatabases.TempDatabase> made = new ArrayList<>();
    TempDatabaseList list = new TempDatabaseList(made);
    try {
      for (int i = 0; i < count; i++) {
        made.add(server.createDatabase());
      }
      return list;
    } catch (SQLException | RuntimeException e) {
      list.close();
      throw e;
    }
  }

  public TestDatabases.TempDatabase get(int i) {
    return databases.get(i);
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (TestDatabases.TempDatabase db : databases) {
      try {
        db.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
