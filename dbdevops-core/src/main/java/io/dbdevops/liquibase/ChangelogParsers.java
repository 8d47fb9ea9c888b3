package io.dbdevops.liquibase;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.parser.core.json.JsonChangeLogParser;
import liquibase.parser.core.sql.SqlChangeLogParser;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.parser.core.yaml.YamlChangeLogParser;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's own changelog parsers, one priority above each, so every parse dbdevops makes goes through them (a parse
 * with another {@link ResourceAccessor} than {@link ChangelogFiles} is Liquibase's, unchanged):
 * <ul>
 *   <li>each file is parsed as part of its parse's include chain ({@link ChangelogFiles#parse}): an include cycle is
 *       refused, and a failure names the file that failed, not the master that includes it;</li>
 *   <li>YAML (and JSON) is checked first ({@link YamlChecks}): UTF-8, an alias expansion bound (Liquibase turns
 *       SnakeYAML's alias limit off, so an anchors bomb would run for ever), keys Liquibase ignores (warnings);</li>
 *   <li>XML is checked against Liquibase's XSD as Liquibase's own configuration says ({@code
 *       liquibase.validateXmlChangelogFiles}: true unless turned off, e.g. {@code
 *       -Dliquibase.validateXmlChangelogFiles=false}), whichever parse comes first in the JVM. Liquibase's parser
 *       factory is a JVM-wide singleton whose XML parser reads that setting once, when the factory is made: before
 *       this, a changelog Liquibase's XSD refuses (one without {@code xsi:schemaLocation}, an unknown attribute) passed
 *       {@code mvn verify}, whose first parse turned the check off for the integrity file's sake, and failed {@code mvn
 *       dbdevops:snapshot}, whose first parse was the update's — and the application's own Liquibase at start-up.</li>
 * </ul>
 */
final class ChangelogParsers {

  private ChangelogParsers() {
  }

  /** The parse of {@code file} by {@code parser}: guarded when the accessor is this parse's {@link ChangelogFiles}. */
  private static DatabaseChangeLog guarded(String file, ResourceAccessor accessor, ChangelogFiles.Parse parser,
      Check check) throws ChangeLogParseException {
    if (!(accessor instanceof ChangelogFiles files)) {
      return parser.parse(file);
    }
    return files.parse(file, path -> {
      switch (check) {
        case YAML -> YamlChecks.check(path, files);
        case TEXT -> files.requireText(path);
        case NONE -> { }
      }
      return parser.parse(file);
    });
  }

  /** What a file is checked for before its parser reads it (XML: its parser checks its encoding itself). */
  private enum Check { NONE, YAML, TEXT }

  /** Liquibase's XML parser, made with the configuration of the scope it is registered in, ahead of the factory's. */
  private static final class Xml extends XMLChangeLogSAXParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String file, ChangeLogParameters parameters, ResourceAccessor accessor)
        throws ChangeLogParseException {
      return guarded(file, accessor, f -> super.parse(file, parameters, accessor), Check.NONE);
    }
  }

  private static final class Yaml extends YamlChangeLogParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String file, ChangeLogParameters parameters, ResourceAccessor accessor)
        throws ChangeLogParseException {
      return guarded(file, accessor, f -> super.parse(file, parameters, accessor), Check.YAML);
    }
  }

  private static final class Json extends JsonChangeLogParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String file, ChangeLogParameters parameters, ResourceAccessor accessor)
        throws ChangeLogParseException {
      return guarded(file, accessor, f -> super.parse(file, parameters, accessor), Check.YAML);
    }
  }

  private static final class FormattedSql extends FormattedSqlChangeLogParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String file, ChangeLogParameters parameters, ResourceAccessor accessor)
        throws ChangeLogParseException {
      return guarded(file, accessor, f -> super.parse(file, parameters, accessor), Check.TEXT);
    }
  }

  private static final class Sql extends SqlChangeLogParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }

    @Override
    public DatabaseChangeLog parse(String file, ChangeLogParameters parameters, ResourceAccessor accessor)
        throws ChangeLogParseException {
      return guarded(file, accessor, f -> super.parse(file, parameters, accessor), Check.TEXT);
    }
  }

  /**
   * Registers the parsers once with the factory (again after a {@link ChangeLogParserFactory#reset()}); under the lock
   * the factory's own methods take, and before this process's first parse reads the factory's parsers.
   */
  static void configure() {
    synchronized (ChangeLogParserFactory.class) {
      ChangeLogParserFactory factory = ChangeLogParserFactory.getInstance();
      if (factory.getParsers().stream().noneMatch(Xml.class::isInstance)) {
        for (ChangeLogParser parser : new ChangeLogParser[] {new Xml(), new Yaml(), new Json(), new FormattedSql(),
            new Sql()}) {
          factory.register(parser);
        }
      }
    }
  }
}
