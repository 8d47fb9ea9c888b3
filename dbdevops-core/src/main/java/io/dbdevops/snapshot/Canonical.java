package io.dbdevops.snapshot;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.ColumnType;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what each database reports into the portable vocabulary of the state: lower-case names, portable type
 * names, canonical default expressions, and no names the database made up itself.
 */
public final class Canonical {

  private static final Pattern H2_GENERATED = Pattern.compile("(?i)(CONSTRAINT|PRIMARY_KEY|FK|UK|CONSTRAINT_INDEX)_[0-9A-F]+(_INDEX_[0-9A-F]+)?|.*_INDEX_[0-9A-F]+");
  private static final Pattern PG_GENERATED = Pattern.compile("(?i).+_(pkey|fkey\\d*|key\\d*|check\\d*)");
  private static final Pattern MARIADB_GENERATED = Pattern.compile("(?i)PRIMARY|.+_ibfk_\\d+|CONSTRAINT_\\d+");
  private static final Pattern TRAILING_FRACTION = Pattern.compile("('[^']*\\d{2}:\\d{2}:\\d{2}\\.\\d*?)0+'");
  private static final Pattern CAST = Pattern.compile("::[a-z ]+(\\[\\])?(\\(\\d+(,\\d+)?\\))?", Pattern.CASE_INSENSITIVE);
  // compiled once: String.matches and replaceAll compile their pattern on every call (once per column default)
  private static final Pattern NOW_WITH_PRECISION = Pattern.compile("^(current_timestamp|now|localtimestamp)\\(\\d+\\)$");
  private static final Pattern DECIMAL_LITERAL = Pattern.compile("-?\\d+\\.\\d*");
  private static final Pattern TRAILING_ZEROS = Pattern.compile("0+$");
  private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");
  private static final Pattern TYPE_ARGUMENTS = Pattern.compile("\\(.*\\)");

  private Canonical() {
  }

  public static String name(String raw) {
    return raw.toLowerCase(Locale.ROOT);
  }

  /** True when the database invented this constraint or index name rather than the changelog giving it. */
  public static boolean isGeneratedName(Dialect dialect, String name) {
    if (name == null || name.isBlank()) {
      return true;
    }
    return switch (dialect) {
      case H2 -> H2_GENERATED.matcher(name).matches();
      case POSTGRESQL -> PG_GENERATED.matcher(name).matches();
      case MARIADB -> MARIADB_GENERATED.matcher(name).matches();
    };
  }

  /**
   * The portable type of a column from the JDBC type code, the database's type name, and its size and scale (for
   * timestamps and times: the fractional-second precision). The vocabulary is portable, but it does not merge what a
   * reviewer needs to see change on one engine: MariaDB's {@code tinyint} (unless {@code tinyint(1)}, its boolean),
   * {@code tinytext} / {@code mediumtext} / {@code longtext} and the blob sizes, PostgreSQL's {@code oid}, and a
   * fractional-second precision other than the engine's default ({@code timestamp(3)}) keep their own names.
   */
  public static ColumnType type(Dialect dialect, int jdbcType, String typeName, int size, int scale) {
    String native_ = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT).replace("\"", "").trim();
    if (native_.equals("uuid") || native_.equals("oid")) {
      return ColumnType.of(native_);
    }
    if (native_.equals("json") || native_.equals("jsonb")) {
      return ColumnType.of(native_);
    }
    if (native_.startsWith("tinyint") && size == 1 || native_.equals("bit") && size <= 1 || native_.equals("bool")
        || native_.equals("boolean")) {
      return ColumnType.of("boolean");
    }
    if (native_.equals("tinyint")) {
      return ColumnType.of("tinyint");
    }
    if (native_.equals("tinytext") || native_.equals("mediumtext") || native_.equals("longtext")
        || native_.equals("tinyblob") || native_.equals("mediumblob") || native_.equals("longblob")) {
      return ColumnType.of(native_); // MariaDB's sizes of text and blob: a change between them changes capacity
    }
    if (native_.contains("text") || native_.contains("clob") || native_.equals("character large object")) {
      return ColumnType.of("text");
    }
    if (native_.equals("enum") || native_.equals("set")) {
      return ColumnType.of(native_); // MariaDB's inline enum('a','b') / set(...): the values are not kept
    }
    if (native_.endsWith(" unsigned")) {
      ColumnType signed = type(dialect, jdbcType, native_.substring(0, native_.length() - " unsigned".length()), size, scale);
      return new ColumnType(signed.name() + " unsigned", signed.size(), signed.scale());
    }
    return switch (jdbcType) {
      case Types.BIGINT -> ColumnType.of("bigint");
      case Types.INTEGER -> ColumnType.of("integer");
      case Types.SMALLINT -> ColumnType.of("smallint");
      case Types.TINYINT -> ColumnType.of("tinyint");
      case Types.BOOLEAN, Types.BIT -> ColumnType.of("boolean");
      case Types.DECIMAL, Types.NUMERIC -> size > 0 ? new ColumnType("decimal", size, scale) : ColumnType.of("decimal");
      case Types.REAL -> ColumnType.of("real");
      case Types.FLOAT, Types.DOUBLE -> native_.equals("real") || native_.equals("float4") || native_.equals("float") && size <= 24
          ? ColumnType.of("real") : ColumnType.of("double");
      case Types.VARCHAR, Types.NVARCHAR -> size > 0 && size < 1_000_000_000 ? ColumnType.of("varchar", size) : ColumnType.of("text");
      case Types.CHAR, Types.NCHAR -> ColumnType.of("char", Math.max(size, 1));
      case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> ColumnType.of("text");
      case Types.DATE -> ColumnType.of("date");
      case Types.TIME -> withPrecision(dialect, "time", scale);
      case Types.TIME_WITH_TIMEZONE -> withPrecision(dialect, "time with time zone", scale);
      case Types.TIMESTAMP -> withPrecision(dialect, native_.contains("with time zone") || native_.equals("timestamptz")
          ? "timestamp with time zone" : "timestamp", scale);
      case Types.TIMESTAMP_WITH_TIMEZONE -> withPrecision(dialect, "timestamp with time zone", scale);
      case Types.BINARY, Types.VARBINARY -> size > 0 && size < 1_000_000_000 ? ColumnType.of("varbinary", size) : ColumnType.of("blob");
      case Types.LONGVARBINARY, Types.BLOB -> ColumnType.of("blob");
      default -> ColumnType.of(native_.isEmpty() ? "unknown" : TYPE_ARGUMENTS.matcher(native_).replaceAll("").trim());
    };
  }

  /**
   * A time or timestamp type, with its fractional-second precision when it is not the engine's default (MariaDB 0;
   * PostgreSQL 6; H2 6 for timestamps, 0 for times): {@code datetime(6)} on MariaDB is {@code timestamp(6)},
   * {@code datetime} is {@code timestamp}.
   */
  private static ColumnType withPrecision(Dialect dialect, String base, int precision) {
    int engineDefault = switch (dialect) {
      case MARIADB -> 0;
      case POSTGRESQL -> 6;
      case H2 -> base.startsWith("timestamp") ? 6 : 0;
    };
    return precision < 0 || precision == engineDefault ? ColumnType.of(base) : ColumnType.of(base, precision);
  }

  /**
   * A canonical default: no casts ({@code 'NEW'::character varying} → {@code 'NEW'}), keywords and functions in
   * lower case outside string literals, {@code now()} and its spellings as {@code current_timestamp}, booleans as
   * {@code true}/{@code false}. Sequence-backed defaults of identity columns are dropped by the caller.
   */
  public static Optional<String> defaultValue(String raw, ColumnType type) {
    if (raw == null) {
      return Optional.empty();
    }
    String v = raw.trim();
    if (v.isEmpty() || v.equalsIgnoreCase("null") || v.toUpperCase(Locale.ROOT).startsWith("NULL::")) {
      return Optional.empty();
    }
    v = stripOuterParens(lowerOutsideLiterals(CAST.matcher(v).replaceAll("")));
    v = NOW_WITH_PRECISION.matcher(v).replaceAll("current_timestamp");
    v = switch (v) {
      case "now()", "current_timestamp()", "current_timestamp", "localtimestamp", "localtimestamp()" -> "current_timestamp";
      case "current_date()", "curdate()" -> "current_date";
      default -> v;
    };
    if (type.name().equals("boolean")) {
      if (v.equals("1") || v.equals("b'1'") || v.equals("'1'")) {
        v = "true";
      } else if (v.equals("0") || v.equals("b'0'") || v.equals("'0'")) {
        v = "false";
      }
    }
    if (type.name().startsWith("timestamp") || type.name().startsWith("time")) {
      // '1970-01-01 00:00:00.000000' and '1970-01-01 00:00:00' are the same instant, rendered with the column's precision
      v = TRAILING_FRACTION.matcher(v).replaceAll(m -> Matcher.quoteReplacement(TRAILING_DOT.matcher(m.group(1)).replaceAll("") + "'"));
    }
    if (isNumeric(type) && v.length() > 2 && v.startsWith("'") && v.endsWith("'")) {
      v = v.substring(1, v.length() - 1);
    }
    if (isNumeric(type) && DECIMAL_LITERAL.matcher(v).matches()) {
      v = TRAILING_DOT.matcher(TRAILING_ZEROS.matcher(v).replaceAll("")).replaceAll("");
    }
    return Optional.of(v);
  }

  private static boolean isNumeric(ColumnType type) {
    return switch (type.name()) {
      case "bigint", "integer", "smallint", "tinyint", "decimal", "real", "double" -> true;
      default -> false;
    };
  }

  /** A check or predicate expression in one canonical spelling (see {@link SqlText}). */
  public static String expression(String raw) {
    return SqlText.expression(raw, java.util.Set.of());
  }

  static String lowerOutsideLiterals(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inLiteral = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        inLiteral = !inLiteral;
      }
      out.append(inLiteral || c == '\'' ? c : Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** {@code (a > 0)} → {@code a > 0}, but {@code (a) or (b)} stays. */
  static String stripOuterParens(String s) {
    if (!s.startsWith("(") || !s.endsWith(")")) {
      return s;
    }
    int depth = 0;
    boolean inLiteral = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        inLiteral = !inLiteral;
      } else if (!inLiteral && c == '(') {
        depth++;
      } else if (!inLiteral && c == ')') {
        depth--;
        if (depth == 0 && i < s.length() - 1) {
          return s;
        }
      }
    }
    return s.substring(1, s.length() - 1).trim();
  }
}
