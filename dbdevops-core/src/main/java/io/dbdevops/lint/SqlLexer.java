package io.dbdevops.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexical help for raw SQL: splitting a script into statements and listing a statement's words, both outside
 * string literals, quoted identifiers, dollar-quoted bodies and comments.
 */
public final class SqlLexer {

  private SqlLexer() {
  }

  /** A word of a statement: its text as written and upper-cased (keywords compare upper case). */
  record Word(String text, String upper) {
    boolean is(String keyword) {
      return upper.equals(keyword);
    }
  }

  /**
   * Splits a script on {@code ;} (or on lines holding only {@code endDelimiter}, e.g. {@code /} or {@code GO}) outside
   * literals and comments. Blank and comment-only statements are dropped.
   */
  static List<String> statements(String script, String endDelimiter) {
    List<String> out = new ArrayList<>();
    String delimiter = endDelimiter == null || endDelimiter.isBlank() ? ";" : endDelimiter.trim();
    if (!delimiter.equals(";")) {
      StringBuilder current = new StringBuilder();
      for (String line : script.split("\\R", -1)) {
        if (line.trim().equalsIgnoreCase(delimiter) || line.trim().equals(";")) {
          add(out, current.toString());
          current.setLength(0);
        } else {
          current.append(line).append('\n');
        }
      }
      add(out, current.toString());
      return out;
    }
    StringBuilder current = new StringBuilder();
    int n = script.length();
    int i = 0;
    while (i < n) {
      int skip = skipQuotedOrComment(script, i);
      if (skip > i) {
        current.append(script, i, skip);
        i = skip;
        continue;
      }
      char c = script.charAt(i);
      if (c == ';') {
        add(out, current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
      i++;
    }
    add(out, current.toString());
    return out;
  }

  private static void add(List<String> out, String statement) {
    if (!words(statement).isEmpty()) {
      out.add(statement.trim());
    }
  }

  /** The words (identifiers and keywords) of a statement, in order; literals, comments and punctuation left out. */
  static List<Word> words(String statement) {
    List<Word> words = new ArrayList<>();
    int n = statement.length();
    int i = 0;
    while (i < n) {
      char c = statement.charAt(i);
      if (c == '"' || c == '`') {
        int end = statement.indexOf(c, i + 1);
        end = end < 0 ? n : end + 1;
        String text = statement.substring(i, end);
        words.add(new Word(text, Identifiers.unquote(text).toUpperCase(Locale.ROOT)));
        i = end;
        continue;
      }
      int skip = skipQuotedOrComment(statement, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(statement.charAt(i)) || statement.charAt(i) == '_'
            || statement.charAt(i) == '$' || statement.charAt(i) == '.' || statement.charAt(i) == '"'
            || statement.charAt(i) == '`')) {
          if (statement.charAt(i) == '"' || statement.charAt(i) == '`') {
            int end = statement.indexOf(statement.charAt(i), i + 1);
            i = end < 0 ? n : end + 1;
          } else {
            i++;
          }
        }
        String text = statement.substring(start, i);
        words.add(new Word(text, text.toUpperCase(Locale.ROOT)));
        continue;
      }
      if (c == '(' || c == ')' || c == ',' || c == '=') {
        words.add(new Word(String.valueOf(c), String.valueOf(c)));
      }
      i++;
    }
    return words;
  }

  /** Index after a literal, quoted identifier, dollar-quoted body or comment starting at {@code i}; else {@code i}. */
  public static int skipQuotedOrComment(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if (c == '\'') {
      int j = i + 1;
      while (j < n) {
        if (s.charAt(j) == '\'') {
          if (j + 1 < n && s.charAt(j + 1) == '\'') {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return n;
    }
    if (c == '"' || c == '`') {
      int end = s.indexOf(c, i + 1);
      return end < 0 ? n : end + 1;
    }
    if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
      int end = s.indexOf('\n', i);
      return end < 0 ? n : end + 1;
    }
    if (c == '#' && (i == 0 || s.charAt(i - 1) == '\n')) {
      int end = s.indexOf('\n', i);
      return end < 0 ? n : end + 1;
    }
    if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? n : end + 2;
    }
    if (c == '$') {
      int j = i + 1;
      while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
        j++;
      }
      if (j < n && s.charAt(j) == '$') {
        String tag = s.substring(i, j + 1);
        int end = s.indexOf(tag, j + 1);
        return end < 0 ? n : end + tag.length();
      }
    }
    return i;
  }

  /** Index of the first word equal to {@code keyword} at or after {@code from}, or -1. */
  static int indexOf(List<Word> words, String keyword, int from) {
    for (int i = Math.max(0, from); i < words.size(); i++) {
      if (words.get(i).is(keyword)) {
        return i;
      }
    }
    return -1;
  }

  /** True when the words contain {@code first second} in a row. */
  static boolean containsPair(List<Word> words, String first, String second) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).is(first) && words.get(i + 1).is(second)) {
        return true;
      }
    }
    return false;
  }

  /** True when the statement starts with the given keywords. */
  static boolean startsWith(List<Word> words, String... keywords) {
    if (words.size() < keywords.length) {
      return false;
    }
    for (int i = 0; i < keywords.length; i++) {
      if (!words.get(i).is(keywords[i])) {
        return false;
      }
    }
    return true;
  }

  /** The statement with every {@code NOT VALID} outside literals removed (JSqlParser does not know it). */
  static String withoutNotValid(String statement) {
    StringBuilder out = new StringBuilder();
    int n = statement.length();
    int i = 0;
    while (i < n) {
      int skip = skipQuotedOrComment(statement, i);
      if (skip > i) {
        out.append(statement, i, skip);
        i = skip;
        continue;
      }
      if (statement.regionMatches(true, i, "NOT", 0, 3) && (i == 0 || !isWordChar(statement.charAt(i - 1)))) {
        int j = i + 3;
        while (j < n && Character.isWhitespace(statement.charAt(j))) {
          j++;
        }
        if (j > i + 3 && statement.regionMatches(true, j, "VALID", 0, 5)
            && (j + 5 >= n || !isWordChar(statement.charAt(j + 5)))) {
          i = j + 5;
          continue;
        }
      }
      out.append(statement.charAt(i));
      i++;
    }
    return out.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
