package io.dbdevops.release;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a release artifact carries, as paths in the zip → bytes: the changelog tree as under the changelog directory
 * ({@code changelog/…}), the committed state with its reference data ({@code state/…}) and the integrity file
 * ({@code dbdevops.sum}).
 *
 * <p>The changelog tree is every file the changelog's parse and checksums read (its includes, {@code sqlFile}s,
 * {@code loadData} files, wherever they lie under the directory), and the changelog files beside and under the master
 * when the master has a folder of its own ({@code db/changelog/…}: XML, YAML, JSON, SQL, CSV), so changesets of
 * another database or context, which this parse did not read, travel too. Nothing else of the directory is taken: a
 * resource root also holds the application's {@code application.properties}, which may hold passwords.
 */
public final class ReleaseContents {

  private static final Set<String> CHANGELOG_EXTENSIONS = Set.of("xml", "yaml", "yml", "json", "sql", "csv", "tsv",
      "txt");

  private final SortedMap<String, byte[]> files = new TreeMap<>();

  /** The changelog files: {@code read} (relative to the changelog directory) and the master's folder. */
  public ReleaseContents changelog(ChangelogSource changelog, Collection<String> read) {
    Path root = changelog.root().toAbsolutePath().normalize();
    for (String file : read) {
      add(ReleaseManifest.CHANGELOG_DIRECTORY + file, root.resolve(file));
    }
    Path folder = root.resolve(changelog.path()).normalize().getParent();
    if (folder != null && !folder.equals(root) && folder.startsWith(root)) {
      for (Path file : tree(folder)) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (CHANGELOG_EXTENSIONS.contains(extension)) {
          add(ReleaseManifest.CHANGELOG_DIRECTORY + relative(root, file), file);
        }
      }
    }
    return this;
  }

  /** Every file of the state directory (one file per object, reference data), when it exists. */
  public ReleaseContents state(Path stateDirectory) {
    Path root = stateDirectory.toAbsolutePath().normalize();
    if (Files.isDirectory(root)) {
      for (Path file : tree(root)) {
        add(ReleaseManifest.STATE_DIRECTORY + relative(root, file), file);
      }
    }
    return this;
  }

  /** The integrity file, when the project has one (nothing released yet: none). */
  public ReleaseContents sumFile(Path sumFile) {
    if (Files.isRegularFile(sumFile)) {
      add(ReleaseManifest.SUM_FILE, sumFile);
    }
    return this;
  }

  /** A file made for the release ({@code RELEASE-NOTES.md}). */
  public ReleaseContents put(String path, byte[] bytes) {
    files.put(path, bytes.clone());
    return this;
  }

  public SortedMap<String, byte[]> files() {
    return java.util.Collections.unmodifiableSortedMap(files);
  }

  private void add(String path, Path file) {
    try {
      files.put(path, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SetupException("cannot read " + file + " for the release: " + e.getMessage(), e);
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static java.util.List<Path> tree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new SetupException("cannot list " + folder + " for the release: " + e.getMessage(), e);
    }
  }
}
