package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateWriter;
import io.dbdevops.testdb.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The portability promise: the example project's changelog gives the committed state byte for byte on H2,
 * PostgreSQL and MariaDB (the last two through the {@code url} shadow, which creates and drops its own database).
 */
class ExampleStatePortabilityTest {

  private static final Path STATE = Fixtures.EXAMPLE.resolve("src/main/db/schema");

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void exampleChangelogGivesTheCommittedStateByteForByte(Engine engine) throws IOException {
    GateSettings settings = new GateSettings(new ChangelogSource(Fixtures.EXAMPLE.resolve("src/main/resources"), Fixtures.MASTER),
        STATE, engine.shadow(), List.of(), null);

    Gate.Built built = new Gate(ShadowProviders.load(), GateListener.SILENT).build(settings);

    assertThat(built.dialect()).isEqualTo(engine.dialect());
    Map<String, String> rendered = new TreeMap<>();
    new StateWriter().render(built.model(), STATE).forEach((file, text) -> rendered.put(STATE.relativize(file).toString(), text));
    Map<String, String> committed = committedFiles();
    assertThat(rendered.keySet()).as("state files on %s", engine).containsExactlyElementsOf(committed.keySet());
    rendered.forEach((file, text) -> assertThat(text).as("%s on %s", file, engine).isEqualTo(committed.get(file)));
  }

  private static Map<String, String> committedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(STATE)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).collect(Collectors.toMap(p -> STATE.relativize(p).toString(), p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, (a, b) -> a, TreeMap::new));
    }
  }
}
