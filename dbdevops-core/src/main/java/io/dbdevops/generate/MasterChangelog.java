package io.dbdevops.generate;

import io.dbdevops.SetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Adds an include of a new changeset file to the master changelog (XML or YAML), unless an includeAll covers it. */
final class MasterChangelog {

  private MasterChangelog() {
  }

  /** @return whether the master was changed */
  static boolean include(Path master, String file, String folder) throws IOException {
    String text = Files.readString(master, StandardCharsets.UTF_8);
    String name = master.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (text.contains("includeAll") && text.contains(folder)) {
      return false;
    }
    if (name.endsWith(".xml")) {
      int end = text.lastIndexOf("</databaseChangeLog>");
      if (end < 0) {
        throw new SetupException("cannot add the include to " + master + ": no </databaseChangeLog> found");
      }
      String line = "  <include file=\"" + file + "\" relativeToChangelogFile=\"true\"/>\n";
      Files.writeString(master, text.substring(0, end) + line + text.substring(end), StandardCharsets.UTF_8);
      return true;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      String line = (text.endsWith("\n") ? "" : "\n") + "  - include:\n      file: " + file + "\n      relativeToChangelogFile: true\n";
      Files.writeString(master, text + line, StandardCharsets.UTF_8);
      return true;
    }
    throw new SetupException("the master changelog " + master + " cannot include other files (formatted SQL); "
        + "include " + file + " from an XML or YAML master changelog");
  }
}
