package io.dbdevops.dbtest;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.lint.SqlLexer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One SQL file of database unit tests ({@code src/test/db/*.sql}). A line {@code -- test: name} starts a test; the
 * statements up to the next such line are its body, split at {@code ;} outside quotes, {@code $$…$$} bodies and
 * comments (skipped as the lint's {@link SqlLexer} skips them). A line {@code -- expect error} (or {@code -- expect error: text}) right before a statement says that
 * statement must fail (with {@code text} in the database's message): that is how a constraint is tested. Lines before
 * the first test are comments or setup-free prose; a statement there is refused.
 *
 * @param path the file as the user names it (relative to the project)
 */
public record DbTestFile(String path, List<Test> tests) {

  private static final Pattern TEST = Pattern.compile("^\\s*--\\s*test:\\s*(.*?)\\s*$");
  private static final Pattern EXPECT = Pattern.compile("^\\s*--\\s*expect\\s+error(?::\\s*(.*?))?\\s*$",
      Pattern.CASE_INSENSITIVE);

  public DbTestFile {
    tests = List.copyOf(tests);
  }

  /** One test: its name, the line of its {@code -- test:} header, its statements. */
  public record Test(String name, int line, List<Statement> statements) {
    public Test {
      statements = List.copyOf(statements);
    }
  }

  /**
   * One statement of a test, with the line it starts at.
   *
   * @param expectedError present when the statement must fail: the text its message must hold (empty: any error)
   */
  public record Statement(String sql, int line, Optional<String> expectedError) {
  }

  /** Every {@code .sql} file under {@code directory}, in path order; none when it does not exist. */
  public static List<DbTestFile> readAll(Path directory, Path projectDirectory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      List<DbTestFile> files = new ArrayList<>();
      for (Path file : walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
          .sorted().toList()) {
        Path abs = file.toAbsolutePath();
        Path base = projectDirectory.toAbsolutePath();
        files.add(read(file, (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/')));
      }
      return files;
    } catch (IOException e) {
      throw new SetupException("cannot list the database tests in " + directory + ": " + e.getMessage(), e);
    }
  }

  static DbTestFile read(Path file, String name) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidChangeException(name + " is not UTF-8 text: save it as UTF-8", null);
    } catch (IOException e) {
      throw new SetupException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return parse(text, name);
  }

  /** Parses a file's text; {@code name} is used in messages. */
  public static DbTestFile parse(String text, String name) {
    List<Test> tests = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String current = null;
    int currentLine = 0;
    StringBuilder body = new StringBuilder();
    int bodyStart = 0;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i <= lines.length; i++) {
      Matcher m = i < lines.length ? TEST.matcher(lines[i]) : null;
      if (i == lines.length || m.matches()) {
        if (current != null) {
          tests.add(new Test(current, currentLine, statements(body.toString(), bodyStart, name, current)));
        } else if (!statements(body.toString(), 1, name, null).isEmpty()) {
          throw new InvalidChangeException(name + ":" + firstStatementLine(body.toString(), 1) + ": a statement before "
              + "the first '-- test: name' line: every statement belongs to a test", null);
        }
        if (i == lines.length) {
          break;
        }
        current = m.group(1);
        currentLine = i + 1;
        if (current.isEmpty()) {
          throw new InvalidChangeException(name + ":" + currentLine + ": '-- test:' without a name", null);
        }
        if (!names.add(current)) {
          throw new InvalidChangeException(name + ":" + currentLine + ": a second test named '" + current + "'", null);
        }
        body.setLength(0);
        bodyStart = i + 2;
        continue;
      }
      body.append(lines[i]).append('\n');
    }
    for (Test t : tests) {
      if (t.statements().isEmpty()) {
        throw new InvalidChangeException(name + ":" + t.line() + ": test '" + t.name() + "' has no statement", null);
      }
    }
    return new DbTestFile(name, tests);
  }

  private static int firstStatementLine(String body, int startLine) {
    List<Statement> s = statements(body, startLine, "", null);
    return s.isEmpty() ? startLine : s.get(0).line();
  }

  /**
   * The statements of a body that starts at line {@code startLine}: split at {@code ;} outside '…', "…", `…`,
   * {@code $tag$…$tag$}, {@code --} and {@code /* *\/} comments; a statement made only of comments is none.
   */
  static List<Statement> statements(String body, int startLine, String file, String test) {
    List<Statement> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    int line = startLine;
    int statementLine = -1;
    Optional<String> expect = Optional.empty();
    Optional<String> pendingExpect = Optional.empty();
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c == '-' && i + 1 < n && body.charAt(i + 1) == '-') {
        int end = body.indexOf('\n', i);
        end = end < 0 ? n : end;
        Matcher m = EXPECT.matcher(body.substring(i, end));
        if (m.matches() && statementLine < 0) {
          pendingExpect = Optional.of(m.group(1) == null ? "" : m.group(1));
        } else if (statementLine >= 0) {
          sql.append(body, i, end);
        }
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < n && body.charAt(i + 1) == '*') {
        int end = body.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(body, i, end);
        if (statementLine >= 0) {
          sql.append(body, i, end);
        }
        i = end;
        continue;
      }
      if (c == '\n') {
        line++;
        if (statementLine >= 0) {
          sql.append(c);
        }
        i++;
        continue;
      }
      if (Character.isWhitespace(c) && statementLine < 0) {
        i++;
        continue;
      }
      if (c == ';') {
        if (statementLine >= 0) {
          out.add(new Statement(sql.toString().strip(), statementLine, expect));
        }
        sql.setLength(0);
        statementLine = -1;
        expect = Optional.empty();
        i++;
        continue;
      }
      if (statementLine < 0) {
        statementLine = line;
        expect = pendingExpect;
        pendingExpect = Optional.empty();
      }
      // a literal, quoted name or $$ body is one piece: its ; and -- are not the statement's
      int skip = SqlLexer.skipQuotedOrComment(body, i);
      int end = skip > i ? skip : i + 1;
      line += count(body, i, end);
      sql.append(body, i, end);
      i = end;
    }
    if (statementLine >= 0 && !sql.toString().isBlank()) {
      out.add(new Statement(sql.toString().strip(), statementLine, expect));
    } else if (pendingExpect.isPresent() && test != null) {
      throw new InvalidChangeException(file + ":" + line + ": '-- expect error' in test '" + test + "' is not followed "
          + "by a statement", null);
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
