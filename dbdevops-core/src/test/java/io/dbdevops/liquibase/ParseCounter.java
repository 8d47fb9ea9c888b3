package io.dbdevops.liquibase;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.resource.ResourceAccessor;

/**
 * Counts Liquibase's parses of XML changelogs while it is open, whoever makes them (dbdevops or a Liquibase command
 * parsing its changelog file): an XML parser ahead of Liquibase's own that delegates to it. An include is parsed
 * inside its master's parse and not counted again.
 */
public final class ParseCounter extends XMLChangeLogSAXParser implements AutoCloseable {

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private int parses;

  private ParseCounter() {
  }

  public static ParseCounter start() {
    ParseCounter counter = new ParseCounter();
    ChangeLogParserFactory.getInstance().register(counter);
    return counter;
  }

  @Override
  public int getPriority() {
    return super.getPriority() + 10;
  }

  @Override
  public DatabaseChangeLog parse(String physicalChangeLogLocation, ChangeLogParameters changeLogParameters,
      ResourceAccessor resourceAccessor) throws ChangeLogParseException {
    int[] d = depth.get();
    if (d[0]++ == 0) {
      synchronized (this) {
        parses++;
      }
    }
    try {
      return super.parse(physicalChangeLogLocation, changeLogParameters, resourceAccessor);
    } finally {
      d[0]--;
    }
  }

  /** The master changelogs parsed since it started. */
  public synchronized int parses() {
    return parses;
  }

  @Override
  public void close() {
    ChangeLogParserFactory.getInstance().unregister(this);
  }
}
