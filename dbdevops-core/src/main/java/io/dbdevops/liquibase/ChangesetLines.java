package io.dbdevops.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each changeset starts in a changelog file's text: the line of XML's {@code <changeSet}, of YAML's / JSON's
 * {@code changeSet:} key, or of formatted SQL's {@code --changeset author:id}. Liquibase's parsed model has no line
 * numbers, so the reader matches its changesets (by id, author and dbms, in order) against these.
 */
final class ChangesetLines {

  private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern XML_CHANGESET = Pattern.compile("<(?:[\\w.-]+:)?changeSet\\b([^>]*)>");
  private static final Pattern XML_ATTRIBUTE = Pattern.compile("\\b(id|author|dbms)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
  private static final Pattern TREE_CHANGESET = Pattern.compile("^\\s*(?:-\\s*)?[\"']?changeSet[\"']?\\s*:(.*)$");
  private static final Pattern TREE_KEY = Pattern.compile("(?:^|[\\s{,])[\"']?(id|author|dbms)[\"']?\\s*:\\s*(\"[^\"]*\"|'[^']*'|[^,}\\s][^,}]*)");
  private static final Pattern SQL_CHANGESET = Pattern.compile("^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+):(\"[^\"]+\"|\\S+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SQL_DBMS = Pattern.compile("\\sdbms:(\\S+)", Pattern.CASE_INSENSITIVE);

  /**
   * One changeset start found in the text; {@code author} is null when the text does not say, {@code dbms} is its
   * {@code dbms} attribute as written (null when none): Liquibase's parser leaves out a changeset of another dbms, so
   * a reused id is told apart by it.
   */
  static final class Start {
    private final int line;
    private final String id;
    private String author;
    private final String dbms;
    private boolean used;

    Start(int line, String id, String author) {
      this(line, id, author, null);
    }

    Start(int line, String id, String author, String dbms) {
      this.line = line;
      this.id = id;
      this.author = author;
      this.dbms = dbms;
    }

    /** True when {@code dbms} (the parsed changeset's, as written) names the same databases as this start's. */
    boolean sameDbms(String other) {
      return dbmsSet(dbms).equals(dbmsSet(other));
    }

    private static Set<String> dbmsSet(String dbms) {
      Set<String> set = new TreeSet<>();
      if (dbms != null) {
        for (String d : dbms.split(",")) {
          if (!d.isBlank()) {
            set.add(d.trim().toLowerCase(Locale.ROOT));
          }
        }
      }
      return set;
    }

    int line() {
      return line;
    }

    String id() {
      return id;
    }

    String author() {
      return author;
    }

    boolean used() {
      return used;
    }

    void use() {
      used = true;
    }
  }

  private ChangesetLines() {
  }

  static List<Start> scan(String file, String text) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      return xml(text);
    }
    if (name.endsWith(".sql")) {
      return sql(text);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      return tree(text);
    }
    return List.of();
  }

  private static List<Start> xml(String text) {
    // blank out comments, keeping their line breaks, so a commented-out changeSet is not found
    Matcher comments = XML_COMMENT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (comments.find()) {
      comments.appendReplacement(sb, comments.group().replaceAll("[^\\n]", " "));
    }
    comments.appendTail(sb);
    String clean = sb.toString();
    List<Start> starts = new ArrayList<>();
    Matcher m = XML_CHANGESET.matcher(clean);
    int line = 1;
    int counted = 0;
    while (m.find()) {
      for (; counted < m.start(); counted++) {
        if (clean.charAt(counted) == '\n') {
          line++;
        }
      }
      String id = null;
      String author = null;
      String dbms = null;
      Matcher a = XML_ATTRIBUTE.matcher(m.group(1));
      while (a.find()) {
        String value = a.group(2) != null ? a.group(2) : a.group(3);
        if (a.group(1).equals("id")) {
          id = unescapeXml(value);
        } else if (a.group(1).equals("author")) {
          author = unescapeXml(value);
        } else {
          dbms = unescapeXml(value);
        }
      }
      if (id != null) {
        starts.add(new Start(line, id, author, dbms));
      }
    }
    return starts;
  }

  private static List<Start> tree(String text) {
    List<Start> starts = new ArrayList<>();
    String[] lines = text.split("\\r?\\n", -1);
    int startLine = 0;
    String id = null;
    String author = null;
    String dbms = null;
    int keyIndent = -1;
    for (int i = 0; i < lines.length; i++) {
      Matcher start = TREE_CHANGESET.matcher(lines[i]);
      String rest = lines[i];
      boolean first = false;
      if (start.find()) {
        if (startLine > 0 && id != null) {
          starts.add(new Start(startLine, id, author, dbms));
        }
        startLine = i + 1;
        id = null;
        author = null;
        dbms = null;
        keyIndent = -1;
        rest = start.group(1);
        first = true;
      }
      if (startLine == 0 || lines[i].stripLeading().startsWith("#")) {
        continue;
      }
      int indent = lines[i].length() - lines[i].stripLeading().length();
      if (!first && keyIndent < 0 && !lines[i].isBlank()) {
        keyIndent = indent; // the changeset's own keys are at the indentation of its first one
      }
      Matcher key = TREE_KEY.matcher(rest);
      while (key.find()) {
        String value = unquote(key.group(2).trim());
        if (key.group(1).equals("id") && id == null) {
          id = value;
        } else if (key.group(1).equals("author") && author == null) {
          author = value;
        } else if (key.group(1).equals("dbms") && dbms == null && (first || indent == keyIndent)) {
          // the changeset's own dbms: at its keys' indentation (or inline), not a change's dbms further in
          dbms = value;
        }
      }
    }
    if (startLine > 0 && id != null) {
      starts.add(new Start(startLine, id, author, dbms));
    }
    return starts;
  }

  private static List<Start> sql(String text) {
    List<Start> starts = new ArrayList<>();
    String[] lines = text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = SQL_CHANGESET.matcher(lines[i]);
      if (m.find()) {
        Matcher dbms = SQL_DBMS.matcher(lines[i].substring(m.end()));
        starts.add(new Start(i + 1, unquote(m.group(2)), unquote(m.group(1)), dbms.find() ? dbms.group(1) : null));
      }
    }
    return starts;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static String unescapeXml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }
}
