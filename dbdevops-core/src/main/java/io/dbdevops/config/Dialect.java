package io.dbdevops.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database products dbdevops knows. */
public enum Dialect {
  H2, POSTGRESQL, MARIADB;

  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return fromProductName(product);
  }

  public static Dialect fromProductName(String product) {
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    if (p.contains("mariadb") || p.contains("mysql")) {
      return MARIADB;
    }
    throw new io.dbdevops.SetupException("unsupported database product '" + product
        + "': dbdevops supports H2, PostgreSQL and MariaDB/MySQL");
  }

  /**
   * A catalog name (lower case, as the model holds it) quoted for this database: MariaDB backticks; PostgreSQL double
   * quotes as is; H2 double quotes upper-cased, since H2 keeps the names of unquoted DDL in upper case.
   */
  public String quote(String name) {
    return switch (this) {
      case MARIADB -> "`" + name.replace("`", "``") + "`";
      case H2 -> "\"" + name.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
      case POSTGRESQL -> "\"" + name.replace("\"", "\"\"") + "\"";
    };
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
