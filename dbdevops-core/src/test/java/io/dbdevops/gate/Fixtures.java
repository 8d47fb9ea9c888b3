package io.dbdevops.gate;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.shadow.ShadowSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example project's changelog and committed state, copied into a temporary folder a test may change. */
public final class Fixtures {

  public static final Path EXAMPLE = Path.of("../example-project");
  public static final String MASTER = "db/changelog/db.changelog-master.xml";

  private Fixtures() {
  }

  /** Copies the example project's changelog and state into {@code dir}; returns the settings for the H2 gate. */
  public static GateSettings example(Path dir) {
    copy(EXAMPLE.resolve("src/main/resources"), dir.resolve("resources"));
    copy(EXAMPLE.resolve("src/main/db/schema"), dir.resolve("schema"));
    return settings(dir, ShadowSettings.H2);
  }

  public static GateSettings settings(Path dir, ShadowSettings shadow) {
    return new GateSettings(new ChangelogSource(dir.resolve("resources"), MASTER), dir.resolve("schema"), shadow, List.of(), null);
  }

  /** Adds a changeset file to the copied changelog and includes it from the master. */
  public static void addChangeset(Path dir, String fileName, String content) {
    try {
      Path changes = dir.resolve("resources/db/changelog/changes");
      Files.writeString(changes.resolve(fileName), content);
      Path master = dir.resolve("resources").resolve(MASTER);
      String text = Files.readString(master);
      Files.writeString(master, text.replace("</databaseChangeLog>",
          "  <include file=\"changes/" + fileName + "\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String xmlChangeset(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
          <changeSet id="%s" author="test">
        %s
          </changeSet>
        </databaseChangeLog>
        """.formatted(id, body);
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
