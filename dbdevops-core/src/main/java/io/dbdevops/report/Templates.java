package io.dbdevops.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTML pages' templates ({@code src/main/resources/io/dbdevops/report/*.mustache}, Mustache: logic-less, every
 * {@code {{value}}} HTML-escaped, {@code {{{svg}}}} only for markup this code drew) and their one shared stylesheet
 * ({@code style.css}). A page extends {@code layout.mustache}: {@code {{<layout}}{{$title}}…{{/title}}{{$style}}…
 * {{/style}}{{$body}}…{{/body}}{{/layout}}}. Each page is self-contained: inline CSS, no script, no external resource.
 */
public final class Templates {

  private static final String ROOT = "io/dbdevops/report";
  /** Escapes as the pages always did ({@code & < > " '}), not Mustache's wider set ({@code =} and backquote too). */
  private static final MustacheFactory FACTORY = new DefaultMustacheFactory(ROOT) {
    @Override
    public void encode(String value, java.io.Writer writer) {
      try {
        writer.write(HtmlReportWriter.escape(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final String STYLESHEET = read(ROOT + "/style.css");

  private Templates() {
  }

  /** The shared stylesheet. */
  public static String stylesheet() {
    return STYLESHEET;
  }

  /**
   * The page {@code name} ({@code deploy} for {@code deploy.mustache}) rendered over {@code model} (a record, a map, a
   * bean: Mustache reads its accessors); {@code {{{stylesheet}}}} is the shared stylesheet.
   */
  public static String render(String name, Object model) {
    Mustache template = FACTORY.compile(name + ".mustache");
    StringWriter out = new StringWriter();
    template.execute(out, new Object[] {Map.of("stylesheet", STYLESHEET), model});
    return out.toString();
  }

  private static String read(String resource) {
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
