package io.dbdevops.liquibase;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Liquibase's and SchemaCrawler's java.util.logging chatter out of the build log. Their errors reach the user
 * through dbdevops' own messages (file, line, changeset), so nothing of theirs is printed. The loggers are held here
 * so the JDK cannot collect them and forget the level.
 */
public final class Quiet {

  private static final List<Logger> LOGGERS = List.of(Logger.getLogger("liquibase"), Logger.getLogger("schemacrawler"),
      Logger.getLogger("us.fatehi"));

  private Quiet() {
  }

  public static void apply() {
    for (Logger logger : LOGGERS) {
      logger.setLevel(Level.OFF);
    }
  }
}
