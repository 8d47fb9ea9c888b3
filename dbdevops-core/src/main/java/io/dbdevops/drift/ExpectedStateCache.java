package io.dbdevops.drift;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.Environment;
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
  private static final String FORMAT = "dbdevops-expected-state-1";
  private static final String COMPLETE = ".complete";

  private final Path directory;

  ExpectedStateCache(Path directory) {
    this.directory = directory;
  }

  String key(ChangelogSource changelog, Environment env, Dialect dialect, int appliedCount) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, FORMAT);
      update(sha, dialect.name());
      update(sha, changelog.path());
      update(sha, Integer.toString(appliedCount));
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

  Optional<SchemaModel> read(String key) {
    Path entry = directory.resolve(key);
    if (!Files.exists(entry.resolve(COMPLETE))) {
      return Optional.empty();
    }
    return Optional.of(new StateReader().read(entry));
  }

  void write(String key, SchemaModel model) {
    Path entry = directory.resolve(key);
    try {
      new StateWriter().write(model, entry);
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
