package io.dbdevops.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn as inline SVG (no script, no network): one bar per item, its label on the left and
 * its value's text at the bar's end, scaled to the largest value. Styled by the shared stylesheet ({@code svg.chart},
 * {@code .bar-ok}, {@code .bar-failed}, {@code .bar-skipped}, {@code .bar-1} … {@code .bar-3}).
 */
public final class BarChart {

  /** One bar: {@code value} scales it, {@code text} is printed at its end, {@code kind} picks its colour class. */
  public record Bar(String label, double value, String text, String kind) {
  }

  private static final int ROW = 22;
  private static final int WIDTH = 640;

  private BarChart() {
  }

  /** The chart as an {@code <svg>} element; {@code description} is its accessible name. */
  public static String svg(String description, List<Bar> bars) {
    double largest = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    largest = largest > 0 ? largest : 1;
    int label = Math.min(260, 12 + 7 * bars.stream().mapToInt(b -> b.label().length()).max().orElse(8));
    double span = WIDTH - label - 90;
    int height = ROW * bars.size() + 4;
    StringBuilder h = new StringBuilder("<svg class=\"chart\" role=\"img\" aria-label=\"")
        .append(HtmlReportWriter.escape(description)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n");
    int y = 2;
    for (Bar b : bars) {
      double w = span * Math.max(0, b.value()) / largest;
      h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(HtmlReportWriter.escape(b.label()))
          .append("</text><rect class=\"bar-").append(HtmlReportWriter.escape(b.kind())).append("\" x=\"").append(label)
          .append("\" y=\"").append(y + 3).append("\" width=\"").append(num(Math.max(1, w)))
          .append("\" height=\"14\"/><text x=\"").append(num(label + 6 + w)).append("\" y=\"").append(y + 15)
          .append("\">").append(HtmlReportWriter.escape(b.text())).append("</text>\n");
      y += ROW;
    }
    return h.append("</svg>").toString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
