package io.dbdevops.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.generate.ChangesetGenerator;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import io.dbdevops.testdb.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based: random valid changelogs (tables of the portable types, primary keys, unique constraints, foreign keys
 * between the generated tables, indexes, views; see {@link FuzzSchema}) must
 * <ol>
 *   <li>round-trip: the shadow's snapshot written as state files and read back is the same model, and writing it again
 *       gives byte-identical files;</li>
 *   <li>close under generate: from an empty changelog to that state, and from that changelog to a randomly edited state
 *       ({@link FuzzEdits}), {@code generate}'s changeset makes {@code verify} pass.</li>
 * </ol>
 * Each try is a list of choices that {@link Choices} reads; jqwik shrinks a failing list to a shorter one with smaller
 * numbers, so the schema of a reported failure is a small one. jqwik prints the seed of every property (and keeps
 * failures in target/jqwik-database to run them first next time); {@code @Property(seed = "…")} replays one.
 */
class SchemaFuzzTest {

  private static final String MASTER = "db/changelog/db.changelog-master.xml";
  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
  @Label("H2: snapshot → state files → model round trip, and generate → verify closure")
  void onH2(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 999) Integer> choices) throws IOException {
    check(choices, ShadowSettings.H2);
  }

  @Property(tries = 10, shrinking = ShrinkingMode.BOUNDED)
  @Label("PostgreSQL: snapshot → state files → model round trip, and generate → verify closure")
  void onPostgres(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 999) Integer> choices) throws IOException {
    check(choices, TestDatabases.postgres().shadowSettings());
  }

  private void check(List<Integer> choices, ShadowSettings shadow) throws IOException {
    Path dir = Files.createTempDirectory("dbdevops-fuzz");
    try {
      Choices c = new Choices(choices);
      FuzzSchema schema = FuzzSchema.generate(c);

      // a: the changelog's snapshot, written and read back
      GateSettings random = project(dir.resolve("random"), shadow, schema.changelog());
      SchemaModel built = gate.build(random).model();
      Path state = random.stateDirectory();
      new StateWriter().write(built, state);
      SchemaModel read = new StateReader().read(state);
      assertThat(read).as("the state read back equals the snapshot; changelog:%n%s", schema.changelog()).isEqualTo(built);
      Map<String, String> first = files(state);
      StateWriter.WriteSummary again = new StateWriter().write(read, state);
      assertThat(again.written()).as("writing the state read back changes no file").isZero();
      assertThat(files(state)).as("the state written twice is byte-identical").isEqualTo(first);

      // b1: from an empty changelog, generate takes it to that state, and verify passes
      GateSettings empty = project(dir.resolve("empty"), shadow, null);
      new StateWriter().write(read, empty.stateDirectory());
      closes(empty, SchemaModel.EMPTY, new StateReader().read(empty.stateDirectory()), "from an empty changelog", schema);

      // b2: from the random changelog, to a randomly edited state
      SchemaModel edited = FuzzEdits.edit(read, c);
      new StateWriter().write(edited, state);
      closes(random, built, new StateReader().read(state), "after the edits " + FuzzEdits.describe(read, edited), schema);
    } finally {
      delete(dir);
    }
  }

  private void closes(GateSettings settings, SchemaModel current, SchemaModel desired, String what, FuzzSchema schema)
      throws IOException {
    ChangesetGenerator.Generated generated = new ChangesetGenerator().generate(settings.changelog(), current, desired,
        new ChangesetGenerator.Request("900-fuzz", "fuzz", "changes"));
    String xml = generated.file().map(f -> read(settings.changelog().root().resolve(f))).orElse("(nothing generated)");
    VerifyResult result = gate.verify(settings);
    assertThat(DiffRendering.lines(result.differences()))
        .as("verify after generate %s on %s%nrandom changelog:%n%s%ngenerated:%n%s%nstate:%n%s", what, result.shadow(),
            schema.changelog(), xml, String.join("\n", files(settings.stateDirectory()).values()))
        .isEmpty();
  }

  private static GateSettings project(Path dir, ShadowSettings shadow, String changelog) throws IOException {
    Path resources = dir.resolve("resources");
    Path master = resources.resolve(MASTER);
    Files.createDirectories(master.getParent().resolve("changes"));
    Files.writeString(master, FuzzSchema.document(changelog == null ? "" : "  <include file=\"changes/001-fuzz.xml\" "
        + "relativeToChangelogFile=\"true\"/>\n"));
    if (changelog != null) {
      Files.writeString(master.getParent().resolve("changes/001-fuzz.xml"), changelog);
    }
    Files.createDirectories(dir.resolve("schema"));
    return new GateSettings(new ChangelogSource(resources, MASTER), dir.resolve("schema"), shadow, List.of(), null);
  }

  private static Map<String, String> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted()
          .collect(Collectors.toMap(p -> root.relativize(p).toString(), SchemaFuzzTest::read, (a, b) -> a,
              java.util.TreeMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
