package io.dbdevops.liquibase;

import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;

/**
 * Makes every parse check XML changelogs against Liquibase's XSD as Liquibase's own configuration says
 * ({@code liquibase.validateXmlChangelogFiles}: true unless turned off, e.g. {@code
 * -Dliquibase.validateXmlChangelogFiles=false}), whichever parse comes first in the JVM. Liquibase's parser factory is
 * a JVM-wide singleton whose XML parser reads that setting once, when the factory is made: before this, a changelog
 * Liquibase's XSD refuses (one without {@code xsi:schemaLocation}, an unknown attribute) passed {@code mvn verify},
 * whose first parse turned the check off for the integrity file's sake, and failed {@code mvn dbdevops:snapshot}, whose
 * first parse was the update's — and the application's own Liquibase at start-up.
 */
final class XmlValidation {

  private XmlValidation() {
  }

  /** Liquibase's XML parser, made with the configuration of the scope it is registered in, ahead of the factory's. */
  private static final class Configured extends XMLChangeLogSAXParser {
    @Override
    public int getPriority() {
      return super.getPriority() + 1;
    }
  }

  /**
   * Registers {@link Configured} once with the factory (again after a {@link ChangeLogParserFactory#reset()}); under
   * the lock the factory's own methods take, and before this process's first parse reads the factory's parsers.
   */
  static void configure() {
    synchronized (ChangeLogParserFactory.class) {
      ChangeLogParserFactory factory = ChangeLogParserFactory.getInstance();
      if (factory.getParsers().stream().noneMatch(Configured.class::isInstance)) {
        factory.register(new Configured());
      }
    }
  }
}
