package io.dbdevops.shadow;

import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the {@code url} provider's temporary shadow databases, and the sweep of those a killed build left.
 *
 * <p>A name is {@code dbdevops_shadow_<UTC creation time>_<8 random hex digits>}, e.g.
 * {@code dbdevops_shadow_20261202t013500z_1a2b3c4d}: lower case, so PostgreSQL and MariaDB spell it alike unquoted. A
 * build that is killed ({@code kill -9}, a cancelled CI job) cannot drop its shadow; a later build on the same server
 * drops every database whose name matches this exact pattern and whose time is older than the orphan age (6 hours by
 * default: no shadow lives that long). Nothing else is touched: a name that only looks similar (another prefix, a
 * suffix, the older names without a time) does not match, a database with a session on it is left alone (PostgreSQL
 * refuses to drop it without {@code FORCE}, which the sweep never uses; on MariaDB the sweep skips a database with a
 * connection), and one the user may not drop is skipped.
 */
final class ShadowOrphans {

  /** How old a temporary shadow database must be before a later build drops it. */
  static final Duration DEFAULT_AGE = Duration.ofHours(6);

  static final String PREFIX = "dbdevops_shadow_";
  private static final Pattern NAME = Pattern.compile("dbdevops_shadow_(\\d{8}t\\d{6}z)_[0-9a-f]{8}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private ShadowOrphans() {
  }

  /** A new temporary database name, made at {@code now}. */
  static String newName(Instant now) {
    String time = TIME.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)).toLowerCase(Locale.ROOT);
    return PREFIX + time + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** When a database of this name was made; empty when the name is not exactly a temporary shadow's. */
  static Optional<Instant> createdAt(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(m.group(1).toUpperCase(Locale.ROOT), TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // 20261399t…: digits, but no time
    }
  }

  /**
   * Drops the temporary shadow databases on the admin connection's server made before {@code now - age}; returns the
   * names dropped. Never fails the build: what cannot be listed or dropped is left.
   */
  static List<String> sweep(Connection admin, Dialect dialect, Instant now, Duration age) {
    List<String> dropped = new ArrayList<>();
    Instant before = now.minus(age);
    for (String name : candidates(admin, dialect)) {
      Optional<Instant> created = createdAt(name);
      if (created.isEmpty() || !created.get().isBefore(before) || dialect == Dialect.MARIADB && inUse(admin, name)) {
        continue;
      }
      try (Statement st = admin.createStatement()) {
        // the name matched the pattern above: letters, digits and underscores only
        st.execute("DROP DATABASE IF EXISTS " + name);
        dropped.add(name);
      } catch (SQLException e) {
        // in use (PostgreSQL refuses without FORCE), or not ours to drop: left alone
      }
    }
    return dropped;
  }

  private static List<String> candidates(Connection admin, Dialect dialect) {
    String sql = dialect == Dialect.POSTGRESQL
        ? "SELECT datname FROM pg_database WHERE datname LIKE 'dbdevops\\_shadow\\_%'"
        : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dbdevops\\_shadow\\_%'";
    List<String> names = new ArrayList<>();
    try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return List.of(); // may not list databases: nothing to sweep
    }
    return names;
  }

  private static boolean inUse(Connection admin, String name) {
    try (PreparedStatement st = admin.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getInt(1) > 0;
      }
    } catch (SQLException e) {
      return true; // cannot tell: leave it
    }
  }
}
