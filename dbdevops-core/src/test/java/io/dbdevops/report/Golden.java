package io.dbdevops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a file under {@code src/test/resources/golden/}. To accept a deliberate change of
 * output, run the tests with {@code -Ddbdevops.updateGolden=true}, then review the diff of the golden files.
 */
final class Golden {

  private static final Path SOURCE = Path.of("src/test/resources/golden");

  private Golden() {
  }

  static void assertMatches(String actual, String goldenFile) throws IOException {
    if (Boolean.getBoolean("dbdevops.updateGolden")) {
      Files.createDirectories(SOURCE);
      Files.writeString(SOURCE.resolve(goldenFile), actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + goldenFile)) {
      assertThat(in).as("golden file %s (create it with -Ddbdevops.updateGolden=true)", goldenFile).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).as("output differs from golden/%s", goldenFile).isEqualTo(expected);
  }
}
