package io.dbdevops.drift;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.Grant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The table privileges granted on the owned schemas, with one query: PostgreSQL's
 * {@code information_schema.role_table_grants} without the owner's own privileges, MariaDB's
 * {@code information_schema.table_privileges} (table-level grants; database-wide grants are not per object).
 * Liquibase's tables are left out. Object names follow the snapshot's: bare with one schema, qualified with several.
 */
public final class GrantReader {

  private static final String POSTGRES = """
      SELECT g.privilege_type, g.table_schema, g.table_name, g.grantee
      FROM information_schema.role_table_grants g
      JOIN pg_catalog.pg_namespace n ON n.nspname = g.table_schema
      JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = g.table_name
      WHERE g.table_schema = ANY (?) AND g.grantee <> pg_catalog.pg_get_userbyid(c.relowner)
        AND lower(g.table_name) NOT IN ('databasechangelog', 'databasechangeloglock', 'dbdevops_deploy_history')""";

  private static final String MARIADB = """
      SELECT privilege_type, table_schema, table_name, grantee
      FROM information_schema.table_privileges
      WHERE table_schema IN (%s)
        AND upper(table_name) NOT IN ('DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'DBDEVOPS_DEPLOY_HISTORY')""";

  public SortedSet<Grant> read(Connection connection, Dialect dialect, List<String> schemas) {
    boolean qualify = schemas.size() > 1;
    SortedSet<Grant> grants = new TreeSet<>();
    String sql = switch (dialect) {
      case POSTGRESQL -> POSTGRES;
      case MARIADB -> MARIADB.formatted(String.join(", ", schemas.stream().map(s -> "?").toList()));
      case H2 -> throw new SetupException("grants are checked on PostgreSQL and MariaDB only (remove <grants> from the "
          + "environment, or point it at one of those)");
    };
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (dialect == Dialect.POSTGRESQL) {
        ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      } else {
        for (int i = 0; i < schemas.size(); i++) {
          ps.setString(i + 1, schemas.get(i));
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String object = (qualify ? rs.getString(2) + "." : "") + rs.getString(3);
          grants.add(new Grant(rs.getString(1), object, grantee(rs.getString(4))));
        }
      }
    } catch (SQLException e) {
      throw new SetupException("cannot read the grants: " + e.getMessage(), e);
    }
    return grants;
  }

  /** MariaDB's {@code 'reporting'@'%'} is {@code reporting}; a user bound to one host keeps it: {@code app@10.0.0.5}. */
  static String grantee(String raw) {
    String g = raw.replace("'", "").replace("`", "");
    int at = g.lastIndexOf('@');
    if (at >= 0) {
      String host = g.substring(at + 1);
      g = host.isEmpty() || host.equals("%") ? g.substring(0, at) : g;
    }
    return g.toLowerCase(Locale.ROOT);
  }
}
