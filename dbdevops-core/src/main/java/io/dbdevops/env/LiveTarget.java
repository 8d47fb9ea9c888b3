package io.dbdevops.env;

import io.dbdevops.SetupException;
import io.dbdevops.config.Secret;
import io.dbdevops.config.Secrets;
import io.dbdevops.shadow.Jdbc;
import io.dbdevops.shadow.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/** An environment's database and the credentials to reach it; prints without the password (or the URL's). */
public record LiveTarget(Environment environment, Optional<String> username, Secret password) {

  public LiveTarget {
    Objects.requireNonNull(environment, "environment");
    username = Objects.requireNonNullElse(username, Optional.<String>empty());
    password = Objects.requireNonNullElse(password, Secret.NONE);
  }

  public String url() {
    return environment.url();
  }

  /** {@code environment 'prod' (jdbc:postgresql://db:5432/app)}, without credentials. */
  public String description() {
    return "environment '" + environment.name() + "' (" + JdbcUrls.redact(environment.url()) + ")";
  }

  /** The password and every password the environment's URL carries, for masking. */
  public Secrets secrets() {
    return Jdbc.secrets(url(), password);
  }

  /** A connection to the environment's database; read-only ones refuse writes where the driver supports it. */
  public Connection connect(boolean readOnly) {
    Connection c = Jdbc.connect(url(), username, password, "<url> of environment '" + environment.name() + "' in "
        + Environments.SETTING);
    try {
      if (readOnly) {
        c.setReadOnly(true);
        // the drivers only hint with setReadOnly in auto-commit mode; make the session itself refuse writes
        String u = url().toLowerCase(java.util.Locale.ROOT);
        String sql = u.startsWith("jdbc:postgresql:") ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
            : u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:") ? "SET SESSION TRANSACTION READ ONLY" : null;
        if (sql != null) {
          try (java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }
      }
      return c;
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing
      }
      Secrets secrets = secrets();
      throw new SetupException(secrets.mask("cannot make the connection to " + description() + " read-only: "
          + e.getMessage()), secrets.scrub(e));
    }
  }
}
