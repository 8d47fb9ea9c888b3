package io.dbdevops.dbtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code TEST-dbdevops-db.xml}: the database unit tests as a JUnit test suite (one test case per test, class name the
 * file), beside surefire's reports, so CI systems list them with the other tests.
 */
public final class JUnitDbTestWriter {

  public static final String FILE_NAME = "TEST-dbdevops-db.xml";

  public String render(DbTests.Report report, String shadow) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"dbdevops-db\" tests=\"").append(report.results().size()).append("\" failures=\"")
        .append(report.failures().size()).append("\" errors=\"0\" skipped=\"0\" time=\"")
        .append(seconds(report.took().toNanos())).append("\">\n");
    x.append("  <properties>\n    <property name=\"shadow\" value=\"").append(attr(shadow)).append("\"/>\n")
        .append("  </properties>\n");
    for (DbTests.Result r : report.results()) {
      x.append("  <testcase classname=\"").append(attr(r.file())).append("\" name=\"").append(attr(r.test().name()))
          .append("\" time=\"").append(seconds(r.took().toNanos())).append("\"");
      if (r.passed()) {
        x.append("/>\n");
        continue;
      }
      StringBuilder body = new StringBuilder(r.failure().get());
      r.rows().forEach(row -> body.append('\n').append("  ").append(row));
      if (r.rowCount() > r.rows().size()) {
        body.append('\n').append("  … ").append(r.rowCount() - r.rows().size()).append(" more");
      }
      x.append(">\n    <failure message=\"").append(attr(r.failure().get())).append("\">").append(text(body.toString()))
          .append("</failure>\n  </testcase>\n");
    }
    return x.append("</testsuite>\n").toString();
  }

  public Path write(DbTests.Report report, String shadow, Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
      Files.writeString(file, render(report, shadow), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  private static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000) {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }
}
