package io.dbdevops.drift;

import io.dbdevops.snapshot.DeclaredNames;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.Environment;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reuses the expected state of a drift check while nothing it depends on changed: the changelog files, how many
 * changesets the environment has applied, its contexts, labels, parameters and owned schemas, and the engine. The
 * state is kept as state files (the same canonical format as the committed state) under a folder named by a hash of
 * those inputs; building it again on a shadow is what a drift check costs most.
 */
final class ExpectedStateCache {

  /** Bumped whenever the snapshot's canonical form changes, so old entries are never read. */
  private static final String FORMAT = "dbdevops-expected-state-2";
  private static final String COMPLETE = ".complete";
  private static final String DECLARED = "declared-names.txt";

  private final Path directory;

  ExpectedStateCache(Path directory) {
    this.directory = directory;
  }

  /** The changelog's key: its files, the environment's contexts, labels, parameters and schemas, the engine. */
  String changelogKey(ChangelogSource changelog, Environment env, Dialect dialect) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, FORMAT);
      update(sha, dialect.name());
      update(sha, changelog.path());
      update(sha, env.updateOptions().contexts().orElse(""));
      update(sha, env.updateOptions().labels().orElse(""));
      update(sha, new java.util.TreeMap<>(env.updateOptions().parameters()).toString());
      update(sha, String.join(",", env.schemas()));
      for (Path file : changelogFiles(changelog.root())) {
        update(sha, changelog.root().relativize(file).toString().replace('\\', '/'));
        sha.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the changelog under " + changelog.root(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The expected state's key: the changelog's and how many of its changesets the environment has applied. */
  static String stateKey(String changelogKey, int appliedCount) {
    return changelogKey + "-" + appliedCount;
  }

  /** The changesets an update would run, as selected from this changelog before (saves parsing it again). */
  Optional<List<ChangeSetRef>> readSelection(String changelogKey) {
    Path file = directory.resolve("selection-" + changelogKey + ".txt");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<ChangeSetRef> refs = new java.util.ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          return Optional.empty();
        }
        refs.add(new ChangeSetRef(f[0], f[1], f[2]));
      }
      return Optional.of(List.copyOf(refs));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void writeSelection(String changelogKey, List<ChangeSetRef> refs) {
    StringBuilder text = new StringBuilder();
    for (ChangeSetRef r : refs) {
      if ((r.file() + r.id() + r.author()).matches("(?s).*[\t\n\r].*")) {
        return; // not representable in this format: parse next time
      }
      text.append(r.file()).append('\t').append(r.id()).append('\t').append(r.author()).append('\n');
    }
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, "selection", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, directory.resolve("selection-" + changelogKey + ".txt"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // a cache that cannot be written only costs the next check its time
    }
  }

  /** An expected state and the names the statements that built it declared (the live snapshot reads with them). */
  record Entry(SchemaModel model, DeclaredNames declared, List<io.dbdevops.model.TableData> data) {
  }

  /** What the reference tables add to an expected state's key: their names (none: nothing). */
  static String dataKey(List<String> tables) {
    if (tables.isEmpty()) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      tables.forEach(t -> update(sha, t));
      return "-data-" + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Optional<Entry> read(String key) {
    Path entry = directory.resolve(key);
    if (!Files.exists(entry.resolve(COMPLETE))) {
      return Optional.empty();
    }
    try {
      SchemaModel model = new StateReader().read(entry);
      List<String> tables = new java.util.ArrayList<>();
      Path data = entry.resolve(io.dbdevops.state.StateLayout.DATA);
      if (Files.isDirectory(data)) {
        try (Stream<Path> files = Files.list(data)) {
          files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(io.dbdevops.state.StateLayout.CSV))
              .map(n -> n.substring(0, n.length() - io.dbdevops.state.StateLayout.CSV.length())).sorted()
              .forEach(tables::add);
        }
      }
      return Optional.of(new Entry(model, DeclaredNames.read(entry.resolve(DECLARED)),
          new StateReader().readData(entry, model, tables)));
    } catch (IOException | io.dbdevops.InvalidChangeException e) {
      return Optional.empty();
    }
  }

  void write(String key, SchemaModel model, DeclaredNames declared) {
    write(key, model, declared, List.of());
  }

  void write(String key, SchemaModel model, DeclaredNames declared, List<io.dbdevops.model.TableData> data) {
    Path entry = directory.resolve(key);
    try {
      new StateWriter().write(model, data, entry);
      declared.write(entry.resolve(DECLARED));
      Files.writeString(entry.resolve(COMPLETE), key, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      // a cache that cannot be written only costs the next check its time
    }
  }

  /** Every file a changelog can include (XML, YAML, JSON, SQL) under the changelog root, in a stable order. */
  private static List<Path> changelogFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).+\\.(xml|ya?ml|json|sql)"))
          .sorted().toList();
    }
  }

  private static void update(MessageDigest sha, String value) {
    sha.update(value.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }
}
