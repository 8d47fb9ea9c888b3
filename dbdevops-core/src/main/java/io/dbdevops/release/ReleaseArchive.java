package io.dbdevops.release;

import io.dbdevops.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The release artifact {@code <artifactId>-<version>-dbrelease.zip}: written reproducibly (entries in path order, the
 * manifest first, one fixed time on every entry, no extra fields: the same content gives the same bytes on any
 * machine and in any time zone), and opened only after every file was checked against the manifest's SHA-256.
 */
public final class ReleaseArchive {

  /** The entry time when the project sets no {@code project.build.outputTimestamp}. */
  public static final Instant DEFAULT_TIME = Instant.parse("1980-02-01T00:00:00Z");
  /** Bounds on what is unpacked from an archive, against a zip bomb. */
  static final long MAX_BYTES = 1L << 30;
  static final int MAX_ENTRIES = 100_000;

  private ReleaseArchive() {
  }

  /** A verified archive: its manifest and every file it holds (path in the zip → bytes), each matching its hash. */
  public record Opened(Path zip, ReleaseManifest manifest, SortedMap<String, byte[]> files) {

    /**
     * Unpacks the files into {@code directory}, emptied first; returns it. The changelog tree lands in
     * {@code changelog/}, the state in {@code state/}, the integrity file as {@code dbdevops.sum}.
     */
    public Path extractTo(Path directory) {
      try {
        deleteTree(directory);
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Path target = directory.resolve(file.getKey()).normalize();
          if (!target.startsWith(directory.normalize())) {
            throw new ReleaseArchiveException(zip + ": entry " + file.getKey() + " points outside the archive");
          }
          Files.createDirectories(target.getParent());
          Files.write(target, file.getValue());
        }
        Files.write(directory.resolve(ReleaseManifest.FILE), manifest.toJson());
        return directory;
      } catch (IOException e) {
        throw new SetupException("cannot unpack the release " + zip + " into " + directory + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the archive of {@code files} (path in the zip → bytes) with the manifest {@code manifest} makes of their
   * hashes; returns that manifest.
   */
  public static ReleaseManifest write(Path zip, SortedMap<String, byte[]> files,
      Function<SortedMap<String, String>, ReleaseManifest> manifest, Instant time) {
    SortedMap<String, String> hashes = new TreeMap<>();
    files.forEach((path, bytes) -> hashes.put(checkedName(path, zip), sha256(bytes)));
    if (files.containsKey(ReleaseManifest.FILE)) {
      throw new IllegalArgumentException("the manifest is written by the archive itself");
    }
    ReleaseManifest made = manifest.apply(hashes);
    LocalDateTime at = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    try {
      Files.createDirectories(zip.toAbsolutePath().getParent());
      Path partial = zip.resolveSibling(zip.getFileName() + ".part");
      try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zipped = new ZipOutputStream(out)) {
        entry(zipped, ReleaseManifest.FILE, made.toJson(), at);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          entry(zipped, file.getKey(), file.getValue(), at);
        }
      }
      Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SetupException("cannot write the release " + zip + ": " + e.getMessage(), e);
    }
    return made;
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime at) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    // local date-time, not an instant: ZipEntry.setTime would convert it with this machine's time zone
    entry.setTimeLocal(at);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * Opens and checks the archive: every file must be listed in its manifest with the same SHA-256, and every listed
   * file must be there.
   *
   * @throws ReleaseArchiveException naming the first file that differs, is missing or was added, or what is damaged
   */
  public static Opened open(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw new SetupException("release artifact not found: " + zip);
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    byte[] manifestBytes = null;
    long total = 0;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = checkedName(entry.getName(), zip);
        if (files.containsKey(name) || (name.equals(ReleaseManifest.FILE) && manifestBytes != null)) {
          throw new ReleaseArchiveException(zip + " holds " + name + " twice: it was changed after it was packed; "
              + "deploy the artifact as it was published, or package the release again");
        }
        byte[] bytes = readBounded(entries, MAX_BYTES - total, zip);
        total += bytes.length;
        if (name.equals(ReleaseManifest.FILE)) {
          manifestBytes = bytes;
        } else {
          files.put(name, bytes);
        }
        if (files.size() > MAX_ENTRIES) {
          throw new ReleaseArchiveException(zip + " holds more than " + MAX_ENTRIES + " files: not a dbdevops release");
        }
      }
    } catch (ZipException e) {
      throw new ReleaseArchiveException(zip + " is not a readable zip (" + e.getMessage() + "): the release artifact is "
          + "damaged; resolve it again or package the release again");
    } catch (IOException e) {
      throw new SetupException("cannot read the release " + zip + ": " + e.getMessage(), e);
    }
    if (manifestBytes == null) {
      throw new ReleaseArchiveException(zip + " has no " + ReleaseManifest.FILE + ": it is not a release packed by "
          + "mvn dbdevops:package");
    }
    ReleaseManifest manifest = ReleaseManifest.parse(manifestBytes, zip + "!/" + ReleaseManifest.FILE);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String expected = manifest.files().get(file.getKey());
      String actual = sha256(file.getValue());
      if (expected == null) {
        problems.add(file.getKey() + " is not listed in the manifest (added after packing)");
      } else if (!expected.equalsIgnoreCase(actual)) {
        problems.add(file.getKey() + " changed since it was packed (SHA-256 " + abbreviated(expected) + "… in the "
            + "manifest, " + abbreviated(actual) + "… in the archive)");
      }
    }
    for (String listed : manifest.files().keySet()) {
      if (!files.containsKey(listed)) {
        problems.add(listed + " is listed in the manifest but missing from the archive");
      }
    }
    if (!problems.isEmpty()) {
      throw new ReleaseArchiveException("the release " + manifest.coordinates() + " (" + zip + ") does not match its "
          + "manifest: " + String.join("; ", problems) + ". Refusing to use it: nothing was done on any database. "
          + "Deploy the artifact as it was published, or package the release again");
    }
    if (!files.containsKey(ReleaseManifest.CHANGELOG_DIRECTORY + manifest.changelog())) {
      throw new ReleaseArchiveException("the release " + manifest.coordinates() + " (" + zip + ") names the changelog "
          + manifest.changelog() + ", which it does not hold");
    }
    return new Opened(zip, manifest, files);
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code project.build.outputTimestamp} as Maven reads it (seconds since the epoch, or an ISO-8601 date-time with an
   * offset); empty when unset or a single character (Maven's way of turning it off), where {@link #DEFAULT_TIME} keeps
   * the archive reproducible all the same.
   *
   * @throws SetupException a value that is neither
   */
  public static Optional<Instant> outputTimestamp(String value) {
    if (value == null || value.trim().length() < 2) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      throw new SetupException("project.build.outputTimestamp '" + v + "' is neither seconds since the epoch nor an "
          + "ISO-8601 date-time with an offset such as 2026-12-01T10:00:00Z");
    }
  }

  private static String checkedName(String name, Path zip) {
    String n = name.replace('\\', '/');
    if (n.isEmpty() || n.startsWith("/") || n.contains("//") || Stream.of(n.split("/")).anyMatch(p -> p.equals("..")
        || p.equals(".")) || n.matches("^[A-Za-z]:.*")) {
      throw new ReleaseArchiveException(zip + ": entry '" + name + "' is not a plain relative path: not a release "
          + "packed by mvn dbdevops:package");
    }
    return n;
  }

  private static byte[] readBounded(InputStream in, long left, Path zip) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long read = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      read += n;
      if (read > left) {
        throw new ReleaseArchiveException(zip + " unpacks to more than " + (MAX_BYTES >> 20) + " MB: not a dbdevops "
            + "release");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String abbreviated(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
