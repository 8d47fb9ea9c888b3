package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Secret;
import io.dbdevops.config.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens JDBC connections and turns connection failures into one clear message naming the setting to change.
 * Never puts the password into a message.
 */
public final class Jdbc {

  private Jdbc() {
  }

  /**
   * @param setting the name of the setting that holds the URL, for the message (e.g. {@code -Ddbdevops.shadow.url})
   */
  public static Connection connect(String url, Optional<String> user, Secret password, String setting) {
    // user info in the URL (jdbc:mariadb://user:password@host/db) becomes connection properties: not every driver reads it
    JdbcUrls.UserInfo info = JdbcUrls.userInfo(url);
    Optional<String> login = user.or(info::user);
    Secret secret = password.isEmpty() ? info.password().map(Secret::of).orElse(Secret.NONE) : password;
    Properties props = new Properties();
    // a user or password the URL gives as a parameter wins: H2 refuses one given twice ("Duplicate property")
    if (!JdbcUrls.hasParameter(url, "user")) {
      login.ifPresent(u -> props.setProperty("user", u));
    }
    if (!secret.isEmpty() && !JdbcUrls.hasParameter(url, "password")) {
      props.setProperty("password", secret.reveal());
    }
    timeouts(url, props);
    try {
      return DriverManager.getConnection(info.url(), props);
    } catch (SQLException e) {
      Secrets secrets = secrets(url, password);
      throw new SetupException(secrets.mask(describe(e, JdbcUrls.redact(url), login, setting)), secrets.scrub(e));
    }
  }

  /** The password given and every password the URL carries, for masking. */
  public static Secrets secrets(String url, Secret password) {
    List<Secret> all = new ArrayList<>(JdbcUrls.passwords(url));
    all.add(password);
    return Secrets.of(all);
  }

  /**
   * A 10 s limit on reaching the server, in each driver's own unit: PostgreSQL counts seconds, MariaDB milliseconds
   * (its default is 30 s; "10" would be 10 ms), and H2 rejects settings it does not know.
   */
  static void timeouts(String url, Properties props) {
    String u = url.toLowerCase(java.util.Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      props.setProperty("connectTimeout", "10");
      props.setProperty("loginTimeout", "10");
    } else if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
      props.setProperty("connectTimeout", "10000");
    }
  }

  static String describe(SQLException e, String where, Optional<String> user, String setting) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String who = user.map(u -> " as user '" + u + "'").orElse("");
    if (state.startsWith("28") || message(e).contains("password authentication failed")
        || message(e).contains("Access denied")) {
      return "cannot log in to " + where + who + ": the database refused the credentials (check the user and the "
          + "password in settings.xml <server> / the environment variable; " + firstLine(message(e)) + ")";
    }
    if (state.startsWith("08") || message(e).contains("Connection refused") || message(e).contains("Could not connect")
        || message(e).contains("Socket fail")) {
      return "cannot reach the database at " + where + " (check " + setting + "; is the server running?): "
          + firstLine(message(e));
    }
    if (message(e).startsWith("No suitable driver")) {
      return "no JDBC driver for " + where + " (check " + setting + "; supported: jdbc:h2:, jdbc:postgresql:, "
          + "jdbc:mariadb:, jdbc:mysql:)";
    }
    return "cannot connect to " + where + who + " (check " + setting + "): " + firstLine(message(e));
  }

  private static String message(SQLException e) {
    return e.getMessage() == null ? "" : e.getMessage();
  }

  public static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
