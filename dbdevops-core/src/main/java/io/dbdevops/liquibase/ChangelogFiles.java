package io.dbdevops.liquibase;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.PathResource;
import liquibase.resource.Resource;

/**
 * The files one parse (and the updates run from it) may read: those under the changelog directory, as the application
 * reads them from its classpath. Liquibase's {@link DirectoryResourceAccessor} also resolves {@code ../} and links out
 * of its root; a changelog that includes, or an {@code sqlFile} that reads, a file outside it is refused, naming the
 * file that refers to it.
 *
 * <p>It also keeps, for the parse, the changelog files being parsed (the include chain: an include cycle is refused
 * instead of recursing until the stack overflows; {@link ChangelogParsers} enter and leave each file here) and the
 * warnings the parsers found on the way. One instance per parse, never shared between threads.
 */
final class ChangelogFiles extends DirectoryResourceAccessor {

  private final Path root;
  private final Path realRoot;
  private final String master;
  private final Deque<String> parsing = new ArrayDeque<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  /** Every file of the directory read through this accessor, relative to it: what a release must carry. */
  private final Set<String> read = new java.util.TreeSet<>();

  /**
   * @param master the master changelog's path relative to {@code root}: the file named when something outside any
   *     parse (a checksum, an update) refers to a file outside the directory
   */
  ChangelogFiles(Path root, String master) throws FileNotFoundException {
    super(root);
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = real(this.root);
    this.master = master;
  }

  /**
   * Every file Liquibase finds (for an include, {@code includeAll}, {@code sqlFile}, {@code loadData}, a view's
   * {@code path}) is made a resource here, after Liquibase resolved its path against the directory; a file resolved
   * from another ({@code relativeToChangelogFile}) is checked when it is read.
   */
  @Override
  protected Resource createResource(Path file, String pathToAdd) {
    requireInside(file);
    return new Inside(pathToAdd, file);
  }

  /** A file of the directory; what it resolves to is checked when read. */
  private final class Inside extends PathResource {
    private final Path file;

    Inside(String path, Path file) {
      super(path, file);
      this.file = file;
    }

    @Override
    public InputStream openInputStream() throws IOException {
      requireInside(file);
      InputStream in = super.openInputStream();
      read.add(relative(file.toAbsolutePath().normalize()));
      return in;
    }

    @Override
    public Resource resolve(String other) {
      return kept(super.resolve(other));
    }

    @Override
    public Resource resolveSibling(String other) {
      return kept(super.resolveSibling(other));
    }

    private Resource kept(Resource resolved) {
      return resolved instanceof PathResource ? new Inside(resolved.getPath(), Path.of(resolved.getUri())) : resolved;
    }
  }

  /** Refuses a file outside the directory (after links), naming the changelog file that refers to it. */
  private void requireInside(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root) || !real(absolute).startsWith(realRoot)) {
      String shown = absolute.startsWith(root) ? relative(absolute) + " (a link to " + real(absolute) + ")"
          : relativeOrAbsolute(absolute);
      throw ChangelogFileException.problem(current(), 0, "refers to " + shown + ", which is outside the changelog "
          + "directory " + root + ": dbdevops reads only the files under it, as the application reads them from its "
          + "classpath; move the file into it");
    }
  }

  /**
   * Parses one changelog file with {@code parser}, as part of the include chain: refuses a file that is already being
   * parsed (an include cycle), and names this file when its parse fails (unless a file it includes already did).
   */
  DatabaseChangeLog parse(String path, Parse parser) throws ChangeLogParseException {
    String file = normalize(path);
    if (parsing.contains(file)) {
      List<String> chain = new ArrayList<>(parsing);
      java.util.Collections.reverse(chain);
      chain = chain.subList(chain.indexOf(file), chain.size());
      throw ChangelogFileException.problem(parsing.peek(), 0, "include cycle: " + String.join(" → ", chain) + " → "
          + file + " (a changelog may not include itself, directly or through the files it includes; remove one of "
          + "these includes)");
    }
    parsing.push(file);
    try {
      return parser.parse(file);
    } catch (io.dbdevops.InvalidChangeException | io.dbdevops.SetupException e) {
      throw e; // dbdevops' own, already saying what and where
    } catch (ChangeLogParseException | RuntimeException e) {
      ChangelogFileException known = find(e);
      throw known != null ? known : ChangelogFileException.failed(file, e);
    } finally {
      parsing.pop();
    }
  }

  /** One file's parse by a Liquibase parser. */
  interface Parse {
    DatabaseChangeLog parse(String file) throws ChangeLogParseException;
  }

  /** A file's bytes, as the parser will read them. */
  byte[] read(String file) throws IOException {
    try (var in = getExisting(file).openInputStream()) {
      return in.readAllBytes();
    }
  }

  /** Refuses bytes that are not UTF-8, naming the line of the first one; a UTF-16/32 byte order mark is SnakeYAML's. */
  static void requireUtf8(String file, byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == 0 && bytes[1] == 0))) {
      return;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
          if (bytes[i] == '\n') {
            line++;
          }
        }
        throw ChangelogFileException.problem(file, line, "is not UTF-8 text (byte 0x"
            + String.format("%02X", bytes[in.position()] & 0xFF) + " at offset " + in.position()
            + "); save the file as UTF-8");
      }
      if (result.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /**
   * Refuses a text file (formatted SQL) that is not UTF-8 when Liquibase reads files as UTF-8 (its {@code
   * liquibase.fileEncoding}, UTF-8 unless set): Liquibase would replace the bytes it cannot read, silently.
   */
  void requireText(String file) {
    if (!"UTF-8".equalsIgnoreCase(String.valueOf(liquibase.GlobalConfiguration.FILE_ENCODING.getCurrentValue()))) {
      return;
    }
    try {
      requireUtf8(file, read(file));
    } catch (IOException e) {
      // missing: Liquibase says so
    }
  }

  /** Remembers a warning about valid but suspicious input ({@code file:line: what}). */
  void warn(String warning) {
    warnings.add(warning);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The files read so far, relative to the directory, sorted. */
  Set<String> filesRead() {
    return Set.copyOf(read);
  }

  /** The file being parsed now (the master before and after the parse). */
  private String current() {
    return parsing.isEmpty() ? master : parsing.peek();
  }

  /**
   * {@code db/changelog/x.xml} for any spelling Liquibase passes ({@code /db/changelog/./x.xml}: a leading slash is the
   * directory's root, as on a classpath), or the path as given when it is not under the directory.
   */
  String normalize(String path) {
    String slashed = path.replace('\\', '/');
    Path raw = Path.of(slashed);
    Path resolved = raw.isAbsolute() && raw.normalize().startsWith(root) ? raw.normalize()
        : root.resolve(slashed.replaceFirst("^/+", "")).normalize();
    return resolved.startsWith(root) ? relative(resolved) : slashed;
  }

  private String relative(Path absolute) {
    return root.relativize(absolute).toString().replace('\\', '/');
  }

  private String relativeOrAbsolute(Path absolute) {
    String relative = relative(absolute);
    return relative.startsWith("../../../../") ? absolute.toString() : relative;
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  private static ChangelogFileException find(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ChangelogFileException found) {
        return found;
      }
    }
    return null;
  }
}
