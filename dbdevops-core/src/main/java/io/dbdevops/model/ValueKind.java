package io.dbdevops.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a column's values are written in reference data ({@code data/<table>.csv}), one canonical text per value, the
 * same whichever database it was read from: integers and decimals as plain numbers (a decimal with a declared scale
 * carries exactly that many decimals, {@code 9.90} in {@code decimal(10,2)}; without one, no trailing zeros), floating
 * point as the shortest plain decimal, booleans {@code true}/{@code false} (MariaDB's {@code tinyint(1)} too), dates,
 * times and timestamps in ISO-8601 ({@code 2026-01-31}, {@code 10:15:00}, {@code 2026-01-31T10:15:00}; with a time
 * zone, in UTC: {@code 2026-01-31T09:15:00Z}), {@code char(n)} without its padding, binary as lower-case hex, everything
 * else as the database's text.
 */
public enum ValueKind {
  INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, CHAR, TEXT, BINARY,
  /** A PostgreSQL {@code oid} (large object): not readable as a value of a reference row. */
  UNSUPPORTED;

  private static final HexFormat HEX = HexFormat.of();

  public static ValueKind of(ColumnType type) {
    String name = type.name();
    if (name.endsWith(" unsigned")) {
      name = name.substring(0, name.length() - " unsigned".length());
    }
    return switch (name) {
      case "bigint", "integer", "int", "smallint", "tinyint", "mediumint" -> INTEGER;
      case "decimal", "numeric" -> DECIMAL;
      case "real", "double", "float", "double precision" -> FLOAT;
      case "boolean" -> BOOLEAN;
      case "date" -> DATE;
      case "time" -> TIME;
      case "timestamp" -> TIMESTAMP;
      case "timestamp with time zone" -> TIMESTAMP_TZ;
      case "char" -> CHAR;
      case "varbinary", "binary", "blob", "bytea", "tinyblob", "mediumblob", "longblob" -> BINARY;
      case "oid" -> UNSUPPORTED;
      default -> TEXT;
    };
  }

  /** Numbers are ordered and shown as numbers, not text. */
  public boolean numeric() {
    return this == INTEGER || this == DECIMAL || this == FLOAT;
  }

  /** Whether a value of this kind is shown in quotes in a diff line ({@code 'New'}, but {@code 3}, {@code true}). */
  public boolean quoted() {
    return !numeric() && this != BOOLEAN;
  }

  /** Orders two canonical values of this kind: numbers numerically, the rest by their text. */
  public int compare(String a, String b) {
    if (numeric()) {
      try {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
      } catch (NumberFormatException e) {
        // NaN or Infinity in a float column: by text
      }
    }
    return a.compareTo(b);
  }

  /**
   * The canonical text of {@code text} (as written in a CSV file) for a column of {@code type}.
   *
   * @throws IllegalArgumentException saying what a value of this kind must look like
   */
  public String canonical(String text, ColumnType type) {
    try {
      return switch (this) {
        case INTEGER -> new BigInteger(text.strip()).toString();
        case DECIMAL -> decimal(new BigDecimal(text.strip()), type, true);
        case FLOAT -> floating(text.strip());
        case BOOLEAN -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("must be true or false");
          }
          yield text;
        }
        case DATE -> LocalDate.parse(text.strip()).toString();
        case TIME -> time(LocalTime.parse(text.strip()));
        case TIMESTAMP -> timestamp(LocalDateTime.parse(isoT(text.strip())));
        case TIMESTAMP_TZ -> timestampTz(OffsetDateTime.parse(isoT(text.strip())));
        case CHAR -> stripTrailingSpaces(text);
        case TEXT -> text;
        case BINARY -> {
          String hex = text.strip();
          HEX.parseHex(hex);
          yield hex.toLowerCase(Locale.ROOT);
        }
        case UNSUPPORTED -> throw new IllegalArgumentException(type + " columns cannot be reference data");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + (this == INTEGER ? "a whole number" : "a number")
          + " (write it plainly, e.g. " + (this == INTEGER ? "42" : "9.90") + ")");
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 " + switch (this) {
        case DATE -> "date (e.g. 2026-01-31)";
        case TIME -> "time (e.g. 10:15:00)";
        case TIMESTAMP -> "timestamp (e.g. 2026-01-31T10:15:00)";
        default -> "timestamp with offset (e.g. 2026-01-31T10:15:00Z)";
      });
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' has more decimals than " + type + " holds");
    }
  }

  /** A decimal: exactly the declared scale when there is one, else without trailing zeros. */
  public static String decimal(BigDecimal value, ColumnType type, boolean exact) {
    if (type.scale() != null) {
      return value.setScale(type.scale(), exact ? RoundingMode.UNNECESSARY : RoundingMode.HALF_UP).toPlainString();
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** A float or double as its shortest plain decimal ({@code 1.5}, {@code 10000000000}); NaN and Infinity as Java spells them. */
  public static String floating(String text) {
    if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
      return text;
    }
    BigDecimal stripped = new BigDecimal(text).stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  public static String time(LocalTime t) {
    return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
  }

  public static String timestamp(LocalDateTime t) {
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
  }

  public static String timestampTz(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code 2026-01-31 10:15:00} (SQL's spelling) read as {@code 2026-01-31T10:15:00}. */
  private static String isoT(String s) {
    return s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
  }
}
