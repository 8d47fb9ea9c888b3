package io.dbdevops.seed;

import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Generates one column's values from its type, length, precision and the simple check constraints on it
 * ({@code col > n}, {@code >=}, {@code <}, {@code <=}, {@code BETWEEN}, {@code IN (…)}), with Datafaker for text the
 * column's name suggests (email, names, city, phone, url, …). Checks it cannot read are left to the database: a
 * violating row is generated again.
 */
final class Values {

  private static final LocalDateTime EPOCH = LocalDateTime.of(2021, 1, 1, 0, 0);

  private final Faker faker;
  private final Random random;

  Values(Faker faker, Random random) {
    this.faker = faker;
    this.random = random;
  }

  /** The bounds and choices the table's checks put on a column. */
  record Bounds(Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> choices) {
    static final Bounds NONE = new Bounds(Optional.empty(), Optional.empty(), List.of());
  }

  static Bounds bounds(String column, List<CheckConstraint> checks) {
    Optional<BigDecimal> min = Optional.empty();
    Optional<BigDecimal> max = Optional.empty();
    List<String> choices = new ArrayList<>();
    String c = "\"?`?" + Pattern.quote(column) + "`?\"?";
    for (CheckConstraint check : checks) {
      String e = check.expression().toLowerCase(Locale.ROOT).replaceAll("::\\w+(\\s+\\w+)?", "");
      Matcher m = Pattern.compile("\\(*\\s*" + c + "\\s*\\)*\\s*(>=|>|<=|<)\\s*\\(*\\s*(-?\\d+(?:\\.\\d+)?)").matcher(e);
      while (m.find()) {
        BigDecimal n = new BigDecimal(m.group(2));
        switch (m.group(1)) {
          case ">" -> min = Optional.of(n.add(BigDecimal.ONE));
          case ">=" -> min = Optional.of(n);
          case "<" -> max = Optional.of(n.subtract(BigDecimal.ONE));
          default -> max = Optional.of(n);
        }
      }
      Matcher between = Pattern.compile(c + "\\s+between\\s+(-?\\d+(?:\\.\\d+)?)\\s+and\\s+(-?\\d+(?:\\.\\d+)?)")
          .matcher(e);
      if (between.find()) {
        min = Optional.of(new BigDecimal(between.group(1)));
        max = Optional.of(new BigDecimal(between.group(2)));
      }
      Matcher in = Pattern.compile(c + "\\s+in\\s*\\(([^)]*)\\)").matcher(check.expression().replaceAll("::\\w+", ""));
      if (in.find() || (in = Pattern.compile("(?i)" + c + "\\s*=\\s*any\\s*\\(\\s*\\(?array\\s*\\[([^\\]]*)\\]")
          .matcher(check.expression().replaceAll("::[\\w ]+?(?=[,\\])])", ""))).find()) {
        for (String part : in.group(1).split(",")) {
          String v = part.strip().replaceAll("::.*$", "").strip();
          choices.add(v.startsWith("'") && v.endsWith("'") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v);
        }
      }
    }
    return new Bounds(min, max, choices);
  }

  /** A value for the column; {@code unique} appends {@code n} to text and numbers from {@code n}. */
  Object value(Column column, Bounds bounds, boolean unique, long n) {
    ColumnType type = column.type();
    String t = type.name().toLowerCase(Locale.ROOT);
    if (!bounds.choices().isEmpty()) {
      String choice = bounds.choices().get(unique ? (int) (n % bounds.choices().size())
          : random.nextInt(bounds.choices().size()));
      return convert(choice, t);
    }
    return switch (t) {
      case "smallint", "tinyint", "integer", "int", "bigint", "mediumint" -> integer(t, bounds, unique, n);
      case "decimal", "numeric" -> decimal(type, bounds, unique, n);
      case "real", "float", "double", "double precision" -> bounded(bounds, 0, 10_000).doubleValue()
          + (unique ? n : random.nextDouble());
      case "boolean", "bit" -> random.nextBoolean();
      case "date" -> LocalDate.from(EPOCH.plusDays(random.nextInt(5 * 365)));
      case "time" -> LocalTime.ofSecondOfDay(random.nextInt(86_400));
      case "timestamp", "datetime", "timestamp with time zone", "timestamptz" ->
          EPOCH.plusSeconds(random.nextInt(5 * 365 * 86_400)).withNano(0);
      case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong());
      case "varchar", "char", "character", "character varying", "nvarchar", "nchar", "text", "clob", "longtext",
          "mediumtext", "tinytext", "varchar_ignorecase" -> text(column, type.size(), unique, n);
      case "json", "jsonb" -> "{\"n\": " + n + "}";
      case "blob", "bytea", "binary", "varbinary", "longblob", "mediumblob", "tinyblob" -> bytes(type.size());
      default -> throw new IllegalArgumentException("no generator for type " + type + " of column "
          + column.name());
    };
  }

  private Object convert(String value, String type) {
    return switch (type) {
      case "smallint", "tinyint", "integer", "int", "bigint", "mediumint", "decimal", "numeric" -> new BigDecimal(value);
      default -> value;
    };
  }

  private Object integer(String type, Bounds bounds, boolean unique, long n) {
    long limit = switch (type) {
      case "tinyint" -> 127;
      case "smallint" -> 32_767;
      case "integer", "int", "mediumint" -> 2_000_000_000L;
      default -> Long.MAX_VALUE / 2;
    };
    long min = bounds.min().map(BigDecimal::longValue).orElse(1L);
    long max = bounds.max().map(BigDecimal::longValue).orElse(Math.min(limit, unique ? limit : 1_000_000L));
    long value = unique ? min + n : min + (long) (random.nextDouble() * Math.max(1, max - min + 1));
    return Math.min(value, max);
  }

  private BigDecimal decimal(ColumnType type, Bounds bounds, boolean unique, long n) {
    int precision = type.size() == null ? 10 : type.size();
    int scale = type.scale() == null ? 0 : type.scale();
    BigDecimal ceiling = BigDecimal.TEN.pow(Math.max(0, Math.min(precision - scale, 9))).subtract(BigDecimal.ONE);
    BigDecimal min = bounds.min().orElse(BigDecimal.ZERO);
    BigDecimal max = bounds.max().map(m -> m.min(ceiling)).orElse(ceiling.min(BigDecimal.valueOf(100_000)));
    BigDecimal value = unique ? min.add(BigDecimal.valueOf(n))
        : min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())));
    return value.min(ceiling).setScale(scale, RoundingMode.DOWN);
  }

  private BigDecimal bounded(Bounds bounds, long min, long max) {
    BigDecimal lo = bounds.min().orElse(BigDecimal.valueOf(min));
    BigDecimal hi = bounds.max().orElse(BigDecimal.valueOf(max));
    return lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(random.nextDouble())));
  }

  private String text(Column column, Integer size, boolean unique, long n) {
    String name = column.name().toLowerCase(Locale.ROOT);
    String value;
    if (name.contains("email")) {
      value = faker.internet().emailAddress();
    } else if (name.equals("first_name") || name.equals("firstname")) {
      value = faker.name().firstName();
    } else if (name.equals("last_name") || name.equals("lastname") || name.equals("surname")) {
      value = faker.name().lastName();
    } else if (name.contains("name")) {
      value = name.equals("name") || name.contains("product") ? faker.commerce().productName() : faker.name().fullName();
    } else if (name.contains("city")) {
      value = faker.address().city();
    } else if (name.contains("country")) {
      value = faker.address().country();
    } else if (name.contains("street") || name.contains("address")) {
      value = faker.address().streetAddress();
    } else if (name.contains("phone")) {
      value = faker.phoneNumber().phoneNumber();
    } else if (name.contains("url") || name.contains("website")) {
      value = faker.internet().url();
    } else if (name.contains("sku") || name.contains("code")) {
      value = faker.bothify("??-####").toUpperCase(Locale.ROOT);
    } else if (name.contains("description") || name.contains("note") || name.contains("comment")) {
      value = faker.lorem().sentence();
    } else {
      value = faker.lorem().word();
    }
    if (unique) {
      value = value + "-" + n;
    }
    return fit(value, size, unique ? "-" + n : "");
  }

  /** {@code value} within {@code size} characters, keeping {@code suffix} (what makes it unique). */
  static String fit(String value, Integer size, String suffix) {
    if (size == null || value.length() <= size) {
      return value;
    }
    if (suffix.length() >= size) {
      return suffix.substring(suffix.length() - size);
    }
    return value.substring(0, size - suffix.length()) + suffix;
  }

  private byte[] bytes(Integer size) {
    byte[] b = new byte[Math.min(size == null ? 16 : size, 16)];
    random.nextBytes(b);
    return b;
  }

  /** A Datafaker expression ({@code #{…}}), {@code null}, or the literal itself. */
  Object configured(String spec) {
    if (spec.equalsIgnoreCase("null")) {
      return null;
    }
    return spec.contains("#{") ? faker.expression(spec) : spec;
  }
}
