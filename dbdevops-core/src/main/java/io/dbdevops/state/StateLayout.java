package io.dbdevops.state;

import java.nio.file.Path;
import java.util.List;

/** Where each kind of object lives under the state directory: one YAML file per object; reference rows as CSV under {@code data/}. */
public final class StateLayout {

  public static final String TABLES = "tables";
  public static final String VIEWS = "views";
  public static final String SEQUENCES = "sequences";
  public static final List<String> FOLDERS = List.of(TABLES, VIEWS, SEQUENCES);
  public static final String EXTENSION = ".yaml";
  /** Reference data: one RFC 4180 file per table listed in {@code <referenceData>}, {@code data/<table>.csv}. */
  public static final String DATA = "data";
  public static final String CSV = ".csv";

  private StateLayout() {
  }

  public static Path dataFile(Path root, String table) {
    return root.resolve(DATA).resolve(table + CSV);
  }

  public static Path file(Path root, String folder, String objectName) {
    return root.resolve(folder).resolve(objectName + EXTENSION);
  }
}
