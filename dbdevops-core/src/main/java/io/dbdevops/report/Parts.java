package io.dbdevops.report;

import java.util.List;

/**
 * The pieces the HTML pages share, as their templates' partials read them: the row of cards
 * ({@code partials-cards.mustache}), a details list, a panel of lines ({@code partials-lines.mustache}).
 */
public final class Parts {

  private Parts() {
  }

  /** One card of the page's top row. */
  public record Card(String label, String value, String note, boolean alert) {
  }

  /** A term of the details list; {@code code}: shown as code. */
  public record Detail(String term, String value, boolean code) {
  }

  /** A panel of lines ({@code partials-lines}): {@code kind} is add/del/chg or null. */
  public record Lines(String title, List<Line> lines, String none) {
    public boolean hasLines() {
      return !lines.isEmpty();
    }

    public static Lines of(String title, List<String> lines, String none) {
      return new Lines(title, lines.stream().map(l -> new Line(l, null)).toList(), none);
    }

    /** Lines coloured as a diff: {@code +} added, {@code -} removed, {@code ~}/{@code !} changed. */
    public static Lines diff(String title, List<String> lines, String none) {
      return new Lines(title, lines.stream().map(l -> new Line(l, kindOf(l))).toList(), none);
    }
  }

  /** One line of a {@link Lines} panel. */
  public record Line(String text, String kind) {
  }

  /** The diff-style kind of a line: {@code +} add, {@code -} del, {@code ~} or {@code !} chg, else none. */
  public static String kindOf(String line) {
    String t = line.trim();
    return t.startsWith("+") ? "add" : t.startsWith("-") ? "del" : t.startsWith("~") || t.startsWith("!") ? "chg" : null;
  }
}
