package io.dbdevops.shadow;

import io.dbdevops.config.Dialect;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and rewrites the database part of server JDBC URLs ({@code jdbc:postgresql://host:port/db?x=y}). */
public final class JdbcUrls {

  private static final Pattern SERVER_URL =
      Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://[^/?]*)(?:/([^?;]*))?([?;].*)?", Pattern.CASE_INSENSITIVE);

  private JdbcUrls() {
  }

  /** The database a JDBC URL's driver prefix names ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}, …), if it does. */
  static Optional<Dialect> dialect(String url) {
    String u = url.trim().toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return Optional.of(Dialect.POSTGRESQL);
    }
    if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
      return Optional.of(Dialect.MARIADB);
    }
    if (u.startsWith("jdbc:h2:")) {
      return Optional.of(Dialect.H2);
    }
    return Optional.empty();
  }

  static boolean isServerUrl(String url) {
    return SERVER_URL.matcher(url).matches();
  }

  static Optional<String> database(String url) {
    Matcher m = SERVER_URL.matcher(url);
    return m.matches() && m.group(2) != null && !m.group(2).isEmpty() ? Optional.of(m.group(2)) : Optional.empty();
  }

  static String withDatabase(String url, String database) {
    Matcher m = SERVER_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a server JDBC URL");
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** The URL without user info or query parameters, fit for a log line. */
  public static String redact(String url) {
    String noQuery = url.replaceAll("[?;].*$", "");
    return noQuery.replaceAll("//[^/@]*@", "//");
  }
}
