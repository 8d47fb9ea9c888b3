package io.dbdevops.report;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code TEST-dbdevops-lint.xml}: the lint run as a JUnit test suite, so CI systems list it with the tests. One test
 * case per finding — a failure when it fails the build, skipped (with the reason) when accepted, passing with its
 * text as output otherwise — and one passing test case per rule that found nothing.
 */
public final class JUnitLintWriter {

  public static final String FILE_NAME = "TEST-dbdevops-lint.xml";

  public String render(LintReport lint) {
    Set<String> withFindings = new HashSet<>();
    lint.findings().forEach(f -> withFindings.add(f.code()));
    long clean = lint.rules().stream().filter(r -> !withFindings.contains(r.code())).count();
    long failures = lint.blocking().size();
    long skipped = lint.accepted();
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuite name=\"dbdevops-lint\" tests=\"").append(lint.findings().size() + clean)
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
        .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", lint.took().toNanos() / 1e9)).append("\">\n");
    x.append("  <properties>\n");
    property(x, "dialect", lint.dialect().word());
    property(x, "failOn", lint.failOn().map(s -> s.word()).orElse("off"));
    property(x, "pendingChangesets", String.valueOf(lint.pendingChangesets()));
    x.append("  </properties>\n");
    for (Finding f : lint.findings()) {
      x.append("  <testcase classname=\"dbdevops.lint.").append(attr(f.code() + "-" + f.name())).append("\" name=\"")
          .append(attr(f.code() + " " + f.object() + " (" + f.site().location() + ")")).append("\" time=\"0\"");
      if (lint.blocks(f)) {
        x.append(">\n    <failure type=\"").append(attr(f.code())).append("\" message=\"").append(attr(f.message()))
            .append("\">").append(text(f.describe())).append("</failure>\n  </testcase>\n");
      } else if (f.accepted()) {
        x.append(">\n    <skipped message=\"").append(attr("accepted: " + f.acceptedReason().orElse("")))
            .append("\"/>\n  </testcase>\n");
      } else {
        x.append(">\n    <system-out>").append(text("[" + f.severity() + "] " + f.describe()))
            .append("</system-out>\n  </testcase>\n");
      }
    }
    for (LintReport.RuleInfo r : lint.rules()) {
      if (!withFindings.contains(r.code())) {
        x.append("  <testcase classname=\"dbdevops.lint.").append(attr(r.code() + "-" + r.name())).append("\" name=\"")
            .append(attr(r.code() + " " + r.name() + ": no findings")).append("\" time=\"0\"/>\n");
      }
    }
    return x.append("</testsuite>\n").toString();
  }

  public Path write(LintReport lint, Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
      Files.writeString(file, render(lint), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void property(StringBuilder x, String name, String value) {
    x.append("    <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  /** XML text: escaped, and without characters XML 1.0 cannot hold. */
  private static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
