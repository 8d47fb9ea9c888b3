package io.dbdevops.shadow;

import io.dbdevops.config.Dialect;
import io.dbdevops.config.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and rewrites the database part of server JDBC URLs ({@code jdbc:postgresql://host:port/db?x=y}). */
public final class JdbcUrls {

  private static final Pattern SERVER_URL =
      Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://[^/?]*)(?:/([^?;]*))?([?;].*)?", Pattern.CASE_INSENSITIVE);

  private JdbcUrls() {
  }

  /** The database a JDBC URL's driver prefix names ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}, …), if it does. */
  public static Optional<Dialect> dialect(String url) {
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

  public static boolean isServerUrl(String url) {
    return SERVER_URL.matcher(url).matches();
  }

  static Optional<String> database(String url) {
    Matcher m = SERVER_URL.matcher(url);
    return m.matches() && m.group(2) != null && !m.group(2).isEmpty() ? Optional.of(m.group(2)) : Optional.empty();
  }

  public static String withDatabase(String url, String database) {
    Matcher m = SERVER_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a server JDBC URL");
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** Keys whose value is a password: {@code password}, {@code sslpassword}, {@code trustStorePassword}, H2's {@code PASSWORD}. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("[?&;(]\\s*([A-Za-z_]*password)\\s*=([^&;)]*)", Pattern.CASE_INSENSITIVE);

  /**
   * A URL's user info ({@code jdbc:mariadb://user:password@host/db}), taken out: the URL without it, and the user and
   * password it gave (URL-decoded). Not every driver reads user info (MariaDB's takes {@code user:password} for a host and
   * port and puts the password into its error message), so {@link Jdbc} passes them as connection properties instead.
   */
  public record UserInfo(String url, Optional<String> user, Optional<String> password) {
  }

  /** The URL's user info, when a server URL ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:}) has one. */
  public static UserInfo userInfo(String url) {
    Matcher m = Pattern.compile("(?i)^(jdbc:(?:postgresql|mariadb|mysql)(?::[a-z]+)?://)(.*)$").matcher(url);
    if (!m.matches()) {
      return new UserInfo(url, Optional.empty(), Optional.empty());
    }
    String rest = m.group(2);
    int query = firstOf(rest, '?', ';');
    int at = rest.lastIndexOf('@', query - 1);
    if (at < 0) {
      return new UserInfo(url, Optional.empty(), Optional.empty());
    }
    String info = rest.substring(0, at);
    int colon = info.indexOf(':');
    Optional<String> user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon))).filter(u -> !u.isEmpty());
    Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
    return new UserInfo(m.group(1) + rest.substring(at + 1), user, password.filter(p -> !p.isEmpty()));
  }

  /**
   * Every password the URL carries: in its user info or as a parameter ({@code ?password=…}, {@code &sslpassword=…},
   * H2's {@code ;PASSWORD=…}), as written and URL-decoded.
   */
  public static List<Secret> passwords(String url) {
    if (url == null) {
      return List.of();
    }
    Set<Secret> found = new LinkedHashSet<>();
    UserInfo info = userInfo(url);
    info.password().ifPresent(p -> found.add(Secret.of(p)));
    Matcher m = PASSWORD_PARAMETER.matcher(url);
    while (m.find()) {
      String value = m.group(2).trim();
      if (!value.isEmpty()) {
        found.add(Secret.of(value));
        found.add(Secret.of(decode(value)));
      }
    }
    return List.copyOf(found);
  }

  /** Whether the URL sets {@code key} as a parameter ({@code ?key=}, {@code &key=}, H2's {@code ;KEY=}), in any case. */
  static boolean hasParameter(String url, String key) {
    return Pattern.compile("[?&;]\\s*" + Pattern.quote(key) + "\\s*=", Pattern.CASE_INSENSITIVE).matcher(url).find();
  }

  /** Whether the URL carries a password ({@link #passwords}). */
  public static boolean carriesPassword(String url) {
    return !passwords(url).isEmpty();
  }

  /** The URL without user info or query parameters, fit for a log line. */
  public static String redact(String url) {
    String noUser = userInfo(url).url();
    return noUser.replaceAll("[?;].*$", "").replaceAll("//[^/@]*@", "//");
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? (j < 0 ? s.length() : j) : (j < 0 ? i : Math.min(i, j));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
