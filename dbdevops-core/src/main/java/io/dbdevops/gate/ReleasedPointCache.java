package io.dbdevops.gate;

import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.snapshot.DeclaredNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Images of the shadow at the released point, reused across builds: the released changesets are proved by the sum
 * file, so a build whose released point is unchanged starts from the image and applies only the pending changesets.
 *
 * <p>An entry is a folder named by its key (a hash of everything that determines the released point: the released
 * changesets' identities and checksums, the engine and its version, the Liquibase version, contexts, labels, changelog
 * parameters, schemas and the dbdevops version) holding the engine's image, the names the released changesets'
 * statements declared, and a manifest of every file's SHA-256. The released state is not kept: a snapshot of the
 * restored image reads it in a fraction of the time its 500 state files took to parse. An entry is written to a temporary folder
 * and moved into place whole; one whose files do not match its manifest (tampered with, half copied by a CI cache) is
 * deleted and built again.
 */
public final class ReleasedPointCache {

  private static final String FORMAT = "dbdevops-released-point-2";
  private static final String IMAGE = "image.sql";
  private static final String DECLARED = "declared-names.txt";
  private static final String MANIFEST = "manifest.txt";

  private final Path directory;

  public ReleasedPointCache(Path directory) {
    this.directory = directory;
  }

  /** What a hit gives: the image to restore and the names the released statements declared. */
  public record Entry(Path image, DeclaredNames declared) {
  }

  /** A miss, with why (absent, or found and thrown away: the build says so). */
  public record Lookup(Optional<Entry> entry, Optional<String> discarded) {
  }

  /** The key of a released point on one shadow engine. */
  public static String key(GateSettings settings, ShadowDatabase shadow, String engineVersion, String fingerprint) {
    Map<String, String> parts = new TreeMap<>();
    parts.put("format", FORMAT);
    parts.put("dbdevops", Optional.ofNullable(ReleasedPointCache.class.getPackage().getImplementationVersion()).orElse("dev"));
    parts.put("engine", shadow.dialect().name() + " " + engineVersion);
    parts.put("liquibase", io.dbdevops.liquibase.LiquibaseRunner.version());
    parts.put("released", fingerprint);
    parts.put("schemas", String.join(",", settings.schemas()));
    parts.put("contexts", settings.updateOptions().contexts().orElse(""));
    parts.put("labels", settings.updateOptions().labels().orElse(""));
    parts.put("parameters", new TreeMap<>(settings.updateOptions().parameters()).toString());
    StringBuilder text = new StringBuilder();
    parts.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  public Lookup read(String key) {
    Path entry = directory.resolve(key);
    if (!Files.isRegularFile(entry.resolve(MANIFEST))) {
      return new Lookup(Optional.empty(), Optional.empty());
    }
    try {
      String manifest = Files.readString(entry.resolve(MANIFEST), StandardCharsets.UTF_8);
      if (!manifest.equals(manifest(entry))) {
        delete(entry);
        return new Lookup(Optional.empty(), Optional.of("the cached image " + entry + " does not match its manifest"));
      }
      return new Lookup(Optional.of(new Entry(entry.resolve(IMAGE), DeclaredNames.read(entry.resolve(DECLARED)))),
          Optional.empty());
    } catch (IOException | RuntimeException e) {
      delete(entry);
      return new Lookup(Optional.empty(), Optional.of("the cached image " + entry + " cannot be read: " + e.getMessage()));
    }
  }

  /** What {@link #write} did: saved, already there (another build saved it first), or failed with why. */
  public record Written(boolean saved, Optional<String> problem) {
    static final Written SAVED = new Written(true, Optional.empty());
    static final Written PRESENT = new Written(false, Optional.empty());
  }

  /**
   * Saves {@code shadow} as it is now (at the released point) with the names its statements declared; a cache that cannot be written only
   * costs the next build its time, and says why.
   */
  public Written write(String key, ShadowDatabase shadow, DeclaredNames declared) {
    Path entry = directory.resolve(key);
    if (Files.exists(entry)) {
      return Written.PRESENT;
    }
    Path tmp = null;
    try {
      Files.createDirectories(directory);
      tmp = Files.createTempDirectory(directory, "tmp-" + key);
      shadow.saveImage(tmp.resolve(IMAGE));
      declared.write(tmp.resolve(DECLARED));
      Files.writeString(tmp.resolve(MANIFEST), manifest(tmp), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry);
      }
      return Written.SAVED;
    } catch (FileAlreadyExistsException e) {
      delete(tmp); // another build saved the same point first
      return Written.PRESENT;
    } catch (IOException | RuntimeException e) {
      delete(tmp);
      return new Written(false, Optional.of("cannot save the released point in " + directory + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the next build applies the released changesets again"));
    }
  }

  /** One line per file of the entry (but the manifest): its path and SHA-256. */
  private static String manifest(Path entry) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(entry)) {
      List<Path> sorted = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(MANIFEST))
          .sorted(Comparator.comparing(p -> entry.relativize(p).toString().replace('\\', '/'))).toList();
      for (Path p : sorted) {
        out.append(entry.relativize(p).toString().replace('\\', '/')).append(' ').append(sha256(p)).append('\n');
      }
    }
    return out.toString();
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest sha = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  private static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // left for the next build to find unreadable and delete again
    }
  }
}
