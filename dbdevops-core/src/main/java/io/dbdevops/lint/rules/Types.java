package io.dbdevops.lint.rules;

import io.dbdevops.model.ColumnType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types as the type rules compare them: Liquibase and SQL spellings mapped to the state's portable vocabulary,
 * and what a change from one type to another means (wider, narrower, incompatible; a PostgreSQL table rewrite; a
 * MariaDB table copy).
 */
final class Types {

  /** How a new type relates to the old one. */
  enum Change { SAME, WIDER, NARROWER, INCOMPATIBLE }

  private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?"
      + "(\\s+with(?:out)? time zone)?(\\s+unsigned)?");

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("mediumint", "integer"),
      Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("tinyint", "smallint"),
      Map.entry("numeric", "decimal"), Map.entry("number", "decimal"), Map.entry("dec", "decimal"),
      Map.entry("float4", "real"), Map.entry("float8", "double"), Map.entry("double precision", "double"),
      Map.entry("float", "double"), Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"),
      Map.entry("varchar2", "varchar"), Map.entry("character", "char"), Map.entry("nchar", "char"),
      Map.entry("bpchar", "char"), Map.entry("clob", "text"), Map.entry("longtext", "text"),
      Map.entry("mediumtext", "text"), Map.entry("nclob", "text"), Map.entry("bool", "boolean"),
      Map.entry("datetime", "timestamp"), Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timetz", "time with time zone"), Map.entry("bytea", "blob"), Map.entry("longblob", "blob"),
      Map.entry("binary varying", "varbinary"), Map.entry("serial", "integer"), Map.entry("bigserial", "bigint"),
      Map.entry("smallserial", "smallint"));

  private Types() {
  }

  /** {@code VARCHAR(20)}, {@code character varying (20)}, {@code int4} → portable type; empty when not understood. */
  static Optional<ColumnType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("java.sql.types.", "");
    Matcher m = TEXT.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    String base = m.group(1).trim();
    if (m.group(4) != null && m.group(4).contains("with time zone")) {
      base = base + " with time zone";
    }
    base = ALIASES.getOrDefault(base, base);
    Integer size = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    if (base.equals("integer") || base.equals("bigint") || base.equals("smallint") || base.equals("text")
        || base.equals("boolean") || base.startsWith("timestamp") || base.equals("date") || base.equals("real")
        || base.equals("double")) {
      size = null;
      scale = null;
    }
    return Optional.of(new ColumnType(base, size, scale));
  }

  private static int intRank(String name) {
    return switch (name) {
      case "smallint" -> 1;
      case "integer" -> 2;
      case "bigint" -> 3;
      default -> 0;
    };
  }

  private static int intDigits(int rank) {
    return rank == 1 ? 5 : rank == 2 ? 10 : 19;
  }

  private static boolean isString(String name) {
    return name.equals("varchar") || name.equals("char") || name.equals("text");
  }

  static Change compare(ColumnType from, ColumnType to) {
    if (from.equals(to)) {
      return Change.SAME;
    }
    String a = from.name();
    String b = to.name();
    int ra = intRank(a);
    int rb = intRank(b);
    if (ra > 0 && rb > 0) {
      return rb >= ra ? Change.WIDER : Change.NARROWER;
    }
    if (ra > 0 && b.equals("decimal")) {
      return to.size() == null || to.size() - (to.scale() == null ? 0 : to.scale()) >= intDigits(ra) ? Change.WIDER
          : Change.NARROWER;
    }
    if (a.equals("decimal") && rb > 0) {
      return Change.NARROWER;
    }
    if (a.equals("decimal") && b.equals("decimal")) {
      if (to.size() == null) {
        return Change.WIDER;
      }
      if (from.size() == null) {
        return Change.NARROWER;
      }
      int sa = from.scale() == null ? 0 : from.scale();
      int sb = to.scale() == null ? 0 : to.scale();
      return to.size() - sb >= from.size() - sa && sb >= sa ? Change.WIDER : Change.NARROWER;
    }
    if ((a.equals("real") || ra == 1 || ra == 2) && b.equals("double")) {
      return Change.WIDER;
    }
    if (a.equals("double") && b.equals("real")) {
      return Change.NARROWER;
    }
    if (isString(a) && isString(b)) {
      if (b.equals("text")) {
        return Change.WIDER;
      }
      if (a.equals("text")) {
        return Change.NARROWER;
      }
      int na = from.size() == null ? Integer.MAX_VALUE : from.size();
      int nb = to.size() == null ? Integer.MAX_VALUE : to.size();
      return nb >= na ? Change.WIDER : Change.NARROWER;
    }
    if ((a.equals("varbinary") || a.equals("blob")) && (b.equals("varbinary") || b.equals("blob"))) {
      if (b.equals("blob")) {
        return Change.WIDER;
      }
      if (a.equals("blob")) {
        return Change.NARROWER;
      }
      return to.size() == null || from.size() != null && to.size() >= from.size() ? Change.WIDER : Change.NARROWER;
    }
    if (a.equals("date") && b.equals("timestamp")) {
      return Change.WIDER;
    }
    if (a.equals("timestamp") && b.equals("date")) {
      return Change.NARROWER;
    }
    return Change.INCOMPATIBLE;
  }

  /** True when PostgreSQL rewrites the table (and its indexes) for this type change. */
  static boolean postgresRewrites(ColumnType from, ColumnType to) {
    if (from.equals(to)) {
      return false;
    }
    String a = from.name();
    String b = to.name();
    if (a.equals("varchar") && (b.equals("text") || b.equals("varchar") && (to.size() == null
        || from.size() != null && to.size() >= from.size()))) {
      return false;
    }
    if (a.equals("text") && b.equals("varchar") && to.size() == null) {
      return false;
    }
    if (a.equals("decimal") && b.equals("decimal")) {
      return !(to.size() == null || from.size() != null && to.size() >= from.size()
          && java.util.Objects.equals(from.scale(), to.scale()));
    }
    if (a.equals("varbinary") && b.equals("blob")) {
      return false;
    }
    return true;
  }

  /**
   * True when MariaDB/MySQL copies the table for this type change: everything but a VARCHAR that grows within the
   * same length-prefix size (up to 63 characters or above it, counting 4 bytes per utf8mb4 character).
   */
  static boolean mariaDbCopies(ColumnType from, ColumnType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.name().equals("varchar") && to.name().equals("varchar") && from.size() != null && to.size() != null
        && to.size() >= from.size()) {
      return (from.size() <= 63) != (to.size() <= 63);
    }
    return true;
  }
}
