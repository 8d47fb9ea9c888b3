package io.dbdevops.liquibase;

import java.util.Optional;

/**
 * A changelog file that cannot be read, known by the file: either a problem dbdevops found itself (an include cycle, a
 * file outside the changelog directory, an anchors bomb, bytes that are not UTF-8), or the parser's own failure on that
 * file ({@link #getCause()}). Thrown through Liquibase's parse, which wraps it; {@link LiquibaseRunner#translate} finds
 * it in the chain and names the file the user must fix, not the master that includes it.
 */
final class ChangelogFileException extends RuntimeException {

  private final String file;
  private final int line;
  private final String problem;

  private ChangelogFileException(String file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? " line " + line : "") + ": " + (problem != null ? problem : String.valueOf(cause)), cause);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** dbdevops' own finding about {@code file} (its {@code line}, 0 when unknown). */
  static ChangelogFileException problem(String file, int line, String problem) {
    return new ChangelogFileException(file, line, problem, null);
  }

  /** The parser failed on {@code file}; the cause says where in it and why. */
  static ChangelogFileException failed(String file, Throwable cause) {
    return new ChangelogFileException(file, 0, null, cause);
  }

  /** The changelog file, relative to the changelog directory. */
  String file() {
    return file;
  }

  int line() {
    return line;
  }

  /** dbdevops' own description, when it found the problem itself; empty when the parser's cause tells it. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
