package io.dbdevops.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables the statements a deploy or rollback executes can lose rows or values of: read from the SQL that ran on
 * the rehearsal shadow (Liquibase's own rendering of each change, the raw SQL, and for a rollback the inverse it made:
 * the {@code DROP TABLE} of a {@code createTable}, the {@code DROP COLUMN} of an {@code addColumn}), so a loss written
 * in raw SQL counts like a {@code dropColumn}. Lossy: {@code DROP TABLE}, {@code ALTER TABLE … DROP [COLUMN]} (not a
 * constraint, index, key or default), {@code TRUNCATE}, {@code DELETE}, and a column's type set anew
 * ({@code ALTER COLUMN … TYPE}, {@code MODIFY}, {@code CHANGE}: counted as narrowing, since the statement alone cannot
 * tell). Names lower case, without schema and quotes.
 */
public final class LossyStatements {

  private static final String NAME = "((?:[`\"\\[]?[\\w$]+[`\"\\]]?\\s*\\.\\s*)*[`\"\\[]?[\\w$]+[`\"\\]]?)";
  private static final Pattern DROP_TABLE = Pattern.compile("(?is)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME);
  private static final Pattern TRUNCATE = Pattern.compile("(?is)^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?" + NAME);
  private static final Pattern DELETE = Pattern.compile("(?is)^\\s*DELETE\\s+FROM\\s+(?:ONLY\\s+)?" + NAME);
  private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
      + NAME + "\\s+(.*)$");
  private static final Pattern DROP_COLUMN = Pattern.compile("(?is)(?:^|,)\\s*DROP\\s+(?!CONSTRAINT|INDEX|KEY|PRIMARY|"
      + "FOREIGN|CHECK|DEFAULT|NOT\\b|UNIQUE|PARTITION|SYSTEM|PERIOD)(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?[`\"]?[\\w$]+");
  private static final Pattern TYPE_CHANGE = Pattern.compile("(?is)(?:\\bALTER\\s+(?:COLUMN\\s+)?[`\"]?[\\w$]+[`\"]?\\s+"
      + "(?:SET\\s+DATA\\s+)?TYPE\\b|\\bMODIFY\\b|\\bCHANGE\\s+(?:COLUMN\\s+)?[`\"]?[\\w$]+)");
  private static final Pattern CREATE_OR_TOUCH = Pattern.compile("(?is)^\\s*(?:INSERT\\s+INTO|UPDATE|CREATE\\s+"
      + "(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?[\\w$`\"]+\\s+ON)\\s+(?:ONLY\\s+)?" + NAME);

  private LossyStatements() {
  }

  /** What one statement does that can lose data, and to which table; empty when it cannot. */
  public record Loss(String table, String what) {
  }

  /** The loss one statement can cause, if any. */
  public static Optional<Loss> of(String sql) {
    Matcher m = DROP_TABLE.matcher(sql);
    if (m.find()) {
      return Optional.of(new Loss(name(m.group(1)), "drop table"));
    }
    m = TRUNCATE.matcher(sql);
    if (m.find()) {
      return Optional.of(new Loss(name(m.group(1)), "truncate"));
    }
    m = DELETE.matcher(sql);
    if (m.find()) {
      return Optional.of(new Loss(name(m.group(1)), "delete"));
    }
    m = ALTER.matcher(sql);
    if (m.find()) {
      String rest = m.group(2);
      if (DROP_COLUMN.matcher(rest).find()) {
        return Optional.of(new Loss(name(m.group(1)), "drop column"));
      }
      if (TYPE_CHANGE.matcher(rest).find()) {
        return Optional.of(new Loss(name(m.group(1)), "type change"));
      }
    }
    return Optional.empty();
  }

  /** Every table a statement names as the one it acts on (for the ALWAYS policy): ALTER, DROP, INSERT, UPDATE, … */
  public static Optional<String> touched(String sql) {
    Optional<Loss> loss = of(sql);
    if (loss.isPresent()) {
      return Optional.of(loss.get().table());
    }
    Matcher m = ALTER.matcher(sql);
    if (m.find()) {
      return Optional.of(name(m.group(1)));
    }
    m = CREATE_OR_TOUCH.matcher(sql);
    if (m.find()) {
      return Optional.of(name(m.group(1)));
    }
    return Optional.empty();
  }

  /** The distinct lossy tables of the statements, in first-seen order. */
  public static List<Loss> all(List<String> statements) {
    List<Loss> out = new ArrayList<>();
    for (String s : statements) {
      of(s).filter(l -> out.stream().noneMatch(o -> o.equals(l))).ifPresent(out::add);
    }
    return out;
  }

  /** {@code "public"."Orders"} → {@code orders}: the last part, unquoted, lower case. */
  static String name(String qualified) {
    String[] parts = qualified.split("\\.");
    return parts[parts.length - 1].trim().replaceAll("[`\"\\[\\]]", "").toLowerCase(Locale.ROOT);
  }
}
