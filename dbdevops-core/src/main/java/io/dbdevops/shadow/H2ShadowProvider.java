package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/** The default: a private in-memory H2 database, gone when closed. Nothing to install. */
public final class H2ShadowProvider implements ShadowProvider {

  @Override
  public String id() {
    return "h2";
  }

  @Override
  public Optional<Dialect> dialect(ShadowSettings settings) {
    return Optional.of(Dialect.H2);
  }

  @Override
  public ShadowDatabase open(ShadowSettings settings) {
    String name = "dbdevops_" + UUID.randomUUID().toString().replace("-", "");
    try {
      Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=0", "sa", "");
      return new H2Shadow(connection);
    } catch (SQLException e) {
      throw new SetupException("cannot start the embedded H2 shadow database: " + e.getMessage(), e);
    }
  }

  private record H2Shadow(Connection connection) implements ShadowDatabase {
    @Override
    public Dialect dialect() {
      return Dialect.H2;
    }

    @Override
    public String defaultSchema() {
      return "PUBLIC";
    }

    @Override
    public String description() {
      return "embedded H2 (in memory)";
    }

    /** H2's own SQL script of the database ({@code SCRIPT TO}, without passwords or settings). */
    @Override
    public boolean imageable() {
      return true;
    }

    @Override
    public void saveImage(Path image) {
      run("SCRIPT NOPASSWORDS NOSETTINGS TO ", image);
    }

    @Override
    public void restoreImage(Path image) {
      run("RUNSCRIPT FROM ", image);
    }

    private void run(String command, Path file) {
      try (Statement st = connection.createStatement()) {
        st.execute(command + "'" + file.toAbsolutePath().toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new SetupException("the embedded H2 shadow could not " + (command.startsWith("SCRIPT") ? "write" : "read")
            + " the image " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // an in-memory database that fails to close is gone with the JVM; nothing left behind
      }
    }
  }
}
