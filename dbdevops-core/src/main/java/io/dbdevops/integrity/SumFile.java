package io.dbdevops.integrity;

import io.dbdevops.SetupException;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.release.SemanticVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The integrity file {@code src/main/db/dbdevops.sum}: the released changesets, one line each, in changelog order, and
 * a last line hashing them all:
 *
 * <pre>
 * # dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; do not edit by hand
 * # file id author checksum, in changelog order; the last line is h1: + base64(SHA-256) of the lines above it
 * db/changelog/changes/001-create-customers.xml 001-create-customers orders-team 9:38fb73fa352d1c497804cad1bb8c1cae
 * db/changelog/changes/002-create-products.xml 002-create-products orders-team 9:a3cb69f44c6bae40498b14979c82988a
 * release 1.0.0
 * db/changelog/changes/003-add-coupon.xml 003-add-coupon orders-team 9:5b1f0e2d3c4a59687f8e9d0c1b2a3f4e
 * release 1.1.0
 * h1:Wq3…=
 * </pre>
 *
 * A {@code release V} line records the project version {@code mark-released} released at that point: every changeset
 * above it was released by version V or an earlier one, those between it and the release line before it by V. A file
 * without release lines (written before versions were recorded) means "version unknown" and its hash still verifies;
 * changesets after the last release line were released without a version. The hash covers the release lines too.
 *
 * Fields are separated by one space; a space, tab, line break or {@code %} inside a field is written {@code %20},
 * {@code %09}, {@code %0A}, {@code %0D}, {@code %25}. Nothing else (no date, no user) is written, so the same
 * changelog always gives the same bytes. Two branches that each release changesets both rewrite the last line, so git
 * cannot merge them silently: the merge conflicts on this file.
 *
 * @param releases the release lines, in file order
 * @param recordedHash the hash line as read (empty when the file has none); {@link #of} sets it to {@link #hash()}
 * @param problem why the recorded hash does not vouch for the entries, empty when it does
 */
public record SumFile(List<Entry> entries, List<Release> releases, Optional<String> recordedHash,
    Optional<String> problem) {

  public static final String HEADER = "# dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; "
      + "do not edit by hand";
  static final String FORMAT = "# file id author checksum, in changelog order; the last line is h1: + base64(SHA-256) "
      + "of the lines above it";
  static final String RELEASES = "# release V: the project version that released the changesets above it (since the "
      + "release line before it)";
  private static final String HASH_PREFIX = "h1:";
  private static final String RELEASE = "release";
  private static final Pattern CHECKSUM = Pattern.compile("\\d+:\\S+");
  private static final List<String> CONFLICT_MARKERS = List.of("<<<<<<<", "|||||||", "=======", ">>>>>>>");

  /** No changeset released yet: what a project without an integrity file has. */
  public static final SumFile EMPTY = of(List.of());

  /** One released changeset, identified as Liquibase does ({@code file::id::author}), with its checksum. */
  public record Entry(String file, String id, String author, String checksum) {
    public Entry {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(checksum, "checksum");
    }

    public static Entry of(ChangeSetInfo changeSet) {
      return new Entry(changeSet.file(), changeSet.id(), changeSet.author(), changeSet.checksum());
    }

    public String key() {
      return file + "::" + id + "::" + author;
    }

    String line() {
      return encode(file) + " " + encode(id) + " " + encode(author) + " " + encode(checksum);
    }
  }

  /**
   * A {@code release V} line: version V released the changesets above it.
   *
   * @param through how many entries are above the line: the changesets an environment at version V has
   * @param changesets how many of them the release added: those since the release line before it
   */
  public record Release(SemanticVersion version, int through, int changesets) {
    public Release {
      Objects.requireNonNull(version, "version");
      if (through < 0 || changesets < 0 || changesets > through) {
        throw new IllegalArgumentException("release " + version + ": through " + through + ", changesets " + changesets);
      }
    }

    String line() {
      return RELEASE + " " + encode(version.toString());
    }
  }

  /** An intact file without release lines, from its entries and the hash line read. */
  public SumFile(List<Entry> entries, Optional<String> recordedHash, Optional<String> problem) {
    this(entries, List.of(), recordedHash, problem);
  }

  public SumFile {
    entries = List.copyOf(entries);
    releases = List.copyOf(releases);
    int previous = 0;
    for (Release r : releases) {
      if (r.through() < previous || r.through() > entries.size()) {
        throw new IllegalArgumentException("release " + r.version() + " is after entry " + r.through() + " of "
            + entries.size() + ", before the release line above it");
      }
      previous = r.through();
    }
    recordedHash = Objects.requireNonNullElse(recordedHash, Optional.empty());
    problem = Objects.requireNonNullElse(problem, Optional.empty());
  }

  /** An intact file of these entries, its hash line computed. */
  public static SumFile of(List<Entry> entries) {
    return of(entries, List.of());
  }

  /** An intact file of these entries and release lines, its hash line computed. */
  public static SumFile of(List<Entry> entries, List<Release> releases) {
    return new SumFile(entries, releases, Optional.of(hashOf(lines(entries, releases))), Optional.empty());
  }

  /**
   * A release line placed after the first {@code through} entries, counting the changesets since the previous one.
   */
  public static Release release(SemanticVersion version, int through, List<Release> before) {
    int previous = before.isEmpty() ? 0 : before.get(before.size() - 1).through();
    return new Release(version, through, through - previous);
  }

  /** The version of the last release line: what "since the last release" is measured from; empty when unknown. */
  public Optional<SemanticVersion> lastVersion() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1).version());
  }

  /** The same file with {@code release} appended to its release lines (hash recomputed). */
  public SumFile withRelease(SemanticVersion version) {
    List<Release> more = new ArrayList<>(releases);
    more.add(release(version, entries.size(), releases));
    return of(entries, more);
  }

  /** An intact file releasing every one of these changesets, in their order. */
  public static SumFile releasing(List<ChangeSetInfo> changeSets) {
    return of(changeSets.stream().map(Entry::of).toList());
  }

  /**
   * The hash the last line must hold: {@code h1:} + base64 of the SHA-256 of the entry and release lines, each ending
   * in \n (without release lines, exactly the hash files written before versions were recorded hold).
   */
  public String hash() {
    return hashOf(lines(entries, releases));
  }

  /** True when the hash line vouches for the entries: not edited by hand, not merged without re-running the goal. */
  public boolean intact() {
    return problem.isEmpty();
  }

  /** The file's text; the same entries always give the same text. */
  public String render() {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(FORMAT).append('\n');
    if (!releases.isEmpty()) {
      text.append(RELEASES).append('\n');
    }
    for (String line : lines(entries, releases)) {
      text.append(line).append('\n');
    }
    return text.append(hash()).append('\n').toString();
  }

  /** Writes the file (creating its folder); returns false, leaving it untouched, when it already holds this text. */
  public boolean write(Path file) {
    String text = render();
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return false;
      }
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      throw new SetupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file, or {@link #EMPTY} when there is none (nothing released yet). */
  public static SumFile readOrEmpty(Path file) {
    return Files.isRegularFile(file) ? read(file) : EMPTY;
  }

  public static SumFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new SumFileException(file + " is not UTF-8 text: it is written by mvn dbdevops:mark-released; restore it "
          + "from git and run the goal again");
    } catch (IOException e) {
      throw new SetupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses the file's text; {@code name} is used in messages. A hash line that does not match is not an error here
   * but a {@link #problem()}: the check reports it. Lines that are not entries at all are a {@link SumFileException}.
   */
  public static SumFile parse(String text, String name) {
    List<Entry> entries = new ArrayList<>();
    List<Release> releases = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    boolean entryAfterHash = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      for (String marker : CONFLICT_MARKERS) {
        if (line.startsWith(marker)) {
          throw new SumFileException(name + " line " + (i + 1) + ": unresolved merge conflict (" + marker + "); "
              + "two branches each released changesets. Keep one side (git checkout --ours -- <file>, or --theirs), "
              + "then run mvn dbdevops:mark-released to mark the other side's changesets");
        }
      }
      if (line.startsWith(HASH_PREFIX)) {
        hashes.add(line.strip());
        continue;
      }
      String[] fields = line.strip().split(" ");
      if (fields.length == 2 && fields[0].equals(RELEASE)) {
        String version = decode(fields[1]);
        int lineNumber = i + 1;
        SemanticVersion parsed = SemanticVersion.tryParse(version).orElseThrow(() -> new SumFileException(name
            + " line " + lineNumber + ": '" + version + "' in the release line is not a version (MAJOR.MINOR.PATCH); "
            + "the file is written by mvn dbdevops:mark-released: restore it from git and run the goal again"));
        entryAfterHash |= !hashes.isEmpty();
        releases.add(release(parsed, entries.size(), releases));
        continue;
      }
      if (fields.length != 4 || !CHECKSUM.matcher(decode(fields[3])).matches()) {
        throw new SumFileException(name + " line " + (i + 1) + ": not an entry 'file id author checksum', a "
            + "'release VERSION' line nor the h1: hash line: '" + line + "'; the file is written by mvn dbdevops:mark-released: restore it from git "
            + "and run the goal again");
      }
      entryAfterHash |= !hashes.isEmpty();
      entries.add(new Entry(decode(fields[0]), decode(fields[1]), decode(fields[2]), decode(fields[3])));
    }
    String expected = hashOf(lines(entries, releases));
    Optional<String> problem;
    if (hashes.isEmpty()) {
      problem = Optional.of("it has no h1: hash line");
    } else if (hashes.size() > 1) {
      problem = Optional.of("it has " + hashes.size() + " h1: hash lines");
    } else if (entryAfterHash) {
      problem = Optional.of("its h1: hash line is not its last line");
    } else if (!hashes.get(0).equals(expected)) {
      problem = Optional.of("its h1: hash line does not match its entries");
    } else {
      problem = Optional.empty();
    }
    return new SumFile(entries, releases, hashes.isEmpty() ? Optional.empty()
        : Optional.of(hashes.get(hashes.size() - 1)), problem);
  }

  /** The entry and release lines in file order. */
  private static List<String> lines(List<Entry> entries, List<Release> releases) {
    List<String> lines = new ArrayList<>();
    int r = 0;
    for (int i = 0; i <= entries.size(); i++) {
      while (r < releases.size() && releases.get(r).through() == i) {
        lines.add(releases.get(r++).line());
      }
      if (i < entries.size()) {
        lines.add(entries.get(i).line());
      }
    }
    return lines;
  }

  private static String hashOf(List<String> lines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HASH_PREFIX + Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String encode(String field) {
    if (field.isEmpty()) {
      return "%00"; // an empty field would vanish between two spaces
    }
    return field.replace("%", "%25").replace(" ", "%20").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  static String decode(String field) {
    if (field.equals("%00")) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '%' && i + 2 < field.length() && isHex(field.charAt(i + 1)) && isHex(field.charAt(i + 2))) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
