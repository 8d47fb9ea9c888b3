package io.dbdevops.liquibase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.changelog.ChangeSet;
import liquibase.parser.AbstractFormattedChangeLogParser;

/**
 * Input Liquibase accepts without a word that is almost certainly not what its author meant, one line each naming the
 * file and line: a changeset without changes (Liquibase records it as run, and a change added to it later never runs,
 * or fails DBD801 once released), a formatted-SQL file without its {@code --liquibase formatted sql} first line (run
 * as one raw SQL changeset, its {@code --changeset} lines mere comments), and a {@code --changeset} attribute Liquibase
 * does not know (ignored). The YAML parser's warnings ({@link YamlChecks}) come with the parse.
 */
final class ChangelogWarnings {

  private static final Pattern SQL_CHANGESET = Pattern.compile("^\\s*--\\s*changeset\\s+\\S+", Pattern.CASE_INSENSITIVE);
  /** An attribute {@code name:value} after {@code --changeset author:id} (not prose: "see ticket: 42"). */
  private static final Pattern SQL_ATTRIBUTE = Pattern.compile("\\s([A-Za-z]\\w*):\\S");
  /** The {@code --changeset} attributes Liquibase's formatted-SQL parser reads. */
  private static final Set<String> SQL_ATTRIBUTES = Set.of(AbstractFormattedChangeLogParser.STRIP_COMMENTS,
      AbstractFormattedChangeLogParser.SPLIT_STATEMENTS, "rollbackSplitStatements",
      AbstractFormattedChangeLogParser.END_DELIMITER, AbstractFormattedChangeLogParser.ROLLBACK_END_DELIMITER,
      AbstractFormattedChangeLogParser.RUN_WITH, AbstractFormattedChangeLogParser.RUN_WITH_SPOOL_FILE, "runOnChange",
      "runAlways", AbstractFormattedChangeLogParser.CONTEXT, AbstractFormattedChangeLogParser.CONTEXT_FILTER,
      AbstractFormattedChangeLogParser.LOGICAL_FILE_PATH, AbstractFormattedChangeLogParser.LABELS, "runInTransaction",
      AbstractFormattedChangeLogParser.DBMS, AbstractFormattedChangeLogParser.IGNORE, "failOnError", "created");
  /** What Liquibase's plain SQL parser names the one changeset it makes of a whole file. */
  private static final String RAW_ID = "raw";
  private static final String RAW_AUTHOR = "includeAll";

  private ChangelogWarnings() {
  }

  /** The warnings about the parsed changesets, after the parser's own ({@code parsed}), without repeats. */
  static List<String> of(Path root, List<ChangeSet> changeSets, List<String> parsed) {
    Set<String> warnings = new LinkedHashSet<>(parsed);
    ChangelogReader.Lines lines = new ChangelogReader.Lines(root);
    Set<String> sqlFiles = new TreeSet<>();
    for (ChangeSet changeSet : changeSets) {
      String file = ChangelogReader.physicalFile(changeSet);
      boolean sql = file != null && file.toLowerCase(Locale.ROOT).endsWith(".sql");
      if (sql && RAW_ID.equals(changeSet.getId()) && RAW_AUTHOR.equals(changeSet.getAuthor())) {
        headless(root, file).ifPresent(warnings::add);
        continue;
      }
      int line = lines.lineOf(file, changeSet.getId(), changeSet.getAuthor(), changeSet.getDbmsOriginalString());
      if (changeSet.getChanges().isEmpty()) {
        warnings.add(file + (line > 0 ? ":" + line : "") + ": changeset " + changeSet.getId() + " (author "
            + changeSet.getAuthor() + ") has no changes: Liquibase records it as run and changes nothing, and a change "
            + "added to it later never runs; if nothing is meant, say so with an empty change (<empty/>, '- empty: {}')");
      }
      if (sql) {
        sqlFiles.add(file);
      }
    }
    for (String file : sqlFiles) {
      warnings.addAll(unknownAttributes(root, file));
    }
    return List.copyOf(warnings);
  }

  /** A {@code .sql} file Liquibase ran as plain SQL that has {@code --changeset} lines: its header is missing. */
  private static java.util.Optional<String> headless(Path root, String file) {
    List<String> text = text(root, file);
    for (int i = 0; i < text.size(); i++) {
      if (SQL_CHANGESET.matcher(text.get(i)).find()) {
        String first = text.isEmpty() ? "" : text.get(0).strip();
        return java.util.Optional.of(file + ":1: has --changeset lines (the first at line " + (i + 1) + ") but its first "
            + "line is " + (first.isEmpty() ? "empty" : "'" + shorten(first) + "'") + ", not '--liquibase formatted sql': "
            + "Liquibase runs the whole file as one raw SQL changeset and its --changeset lines are comments; make "
            + "'--liquibase formatted sql' the first line");
      }
    }
    return java.util.Optional.empty();
  }

  private static List<String> unknownAttributes(Path root, String file) {
    List<String> warnings = new ArrayList<>();
    List<String> text = text(root, file);
    for (int i = 0; i < text.size(); i++) {
      Matcher start = SQL_CHANGESET.matcher(text.get(i));
      if (!start.find()) {
        continue;
      }
      // after author:id; without quoted values ("a b:c"), which are no attribute names
      String attributes = text.get(i).substring(start.end()).replaceAll("\"[^\"]*\"", "\"\"");
      Matcher m = SQL_ATTRIBUTE.matcher(attributes);
      while (m.find()) {
        if (!SQL_ATTRIBUTES.contains(m.group(1))) {
          warnings.add(file + ":" + (i + 1) + ": --changeset has the attribute '" + m.group(1) + "', which Liquibase "
              + "ignores (check its spelling; it knows " + String.join(", ", new TreeSet<>(SQL_ATTRIBUTES)) + ")");
        }
      }
    }
    return warnings;
  }

  private static List<String> text(Path root, String file) {
    Path path = root.resolve(file);
    try {
      if (!Files.isRegularFile(path)) {
        return List.of();
      }
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
