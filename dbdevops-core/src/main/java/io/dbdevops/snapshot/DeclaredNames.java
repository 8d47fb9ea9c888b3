package io.dbdevops.snapshot;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index and constraint names that the statements run on a database gave explicitly: what actually happened, read
 * from the SQL Liquibase executed (its own rendering of {@code createIndex} / {@code addForeignKeyConstraint} and the
 * changelog's raw SQL alike).
 *
 * <p>Some catalogs cannot tell a name the changelog gave from one the engine made up: on MariaDB an index InnoDB
 * created for a foreign key (it does so only when no usable index exists) looks exactly like an explicit
 * {@code CREATE INDEX FK_X} named like that foreign key, and an explicit constraint name {@code orders_ibfk_1} like
 * the one InnoDB gives an unnamed foreign key. With the names known, the snapshot keeps what the changelog made and
 * leaves out only what the engine made; with {@link #UNKNOWN} (a database whose statements were not seen) it falls
 * back to the engine's naming alone.
 *
 * @param known false for {@link #UNKNOWN}
 * @param indexes lower-case names given to indexes ({@code CREATE INDEX x}, {@code ADD INDEX x}, {@code KEY x (…)})
 * @param constraints lower-case names given to constraints ({@code CONSTRAINT x …})
 */
public record DeclaredNames(boolean known, Set<String> indexes, Set<String> constraints) {

  public static final DeclaredNames UNKNOWN = new DeclaredNames(false, Set.of(), Set.of());

  private static final String IDENT = "(?:[`\"\\[]?[\\w$]+[`\"\\]]?\\.)?[`\"\\[]?([\\w$]+)[`\"\\]]?";
  private static final Pattern CREATE_INDEX = Pattern.compile(
      "(?is)\\bCREATE\\s+(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
          + IDENT);
  /** {@code ALTER TABLE … ADD INDEX x}, and {@code KEY x (…)} / {@code INDEX x (…)} inside a CREATE TABLE. */
  private static final Pattern KEY_INDEX = Pattern.compile(
      "(?is)(?<!FOREIGN\\s{1,10})(?<!PRIMARY\\s{1,10})\\b(?:UNIQUE\\s+)?(?:INDEX|KEY)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
          + IDENT + "\\s*\\(");
  private static final Pattern CONSTRAINT = Pattern.compile("(?is)\\bCONSTRAINT\\s+" + IDENT);

  public DeclaredNames {
    indexes = Set.copyOf(indexes);
    constraints = Set.copyOf(constraints);
  }

  /** The names given by these statements (only CREATE and ALTER statements declare names). */
  public static DeclaredNames fromStatements(Collection<String> statements) {
    Set<String> indexes = new HashSet<>();
    Set<String> constraints = new HashSet<>();
    for (String sql : statements) {
      collect(CREATE_INDEX, sql, indexes);
      collect(KEY_INDEX, sql, indexes);
      collect(CONSTRAINT, sql, constraints);
    }
    indexes.remove("on"); // CREATE INDEX ON t (…) (PostgreSQL, an unnamed index)
    return new DeclaredNames(true, indexes, constraints);
  }

  private static void collect(Pattern pattern, String sql, Set<String> into) {
    Matcher m = pattern.matcher(sql);
    while (m.find()) {
      into.add(m.group(1).toLowerCase(Locale.ROOT));
    }
  }

  /** Both sets of names; known when either is. */
  public DeclaredNames plus(DeclaredNames other) {
    Set<String> i = new HashSet<>(indexes);
    i.addAll(other.indexes);
    Set<String> c = new HashSet<>(constraints);
    c.addAll(other.constraints);
    return new DeclaredNames(known || other.known, i, c);
  }

  /** Writes the names as lines {@code index <name>} / {@code constraint <name>}, sorted. */
  public void write(java.nio.file.Path file) throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    new java.util.TreeSet<>(indexes).forEach(n -> text.append("index ").append(n).append('\n'));
    new java.util.TreeSet<>(constraints).forEach(n -> text.append("constraint ").append(n).append('\n'));
    java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads what {@link #write} wrote. */
  public static DeclaredNames read(java.nio.file.Path file) throws java.io.IOException {
    Set<String> indexes = new HashSet<>();
    Set<String> constraints = new HashSet<>();
    for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
      if (line.startsWith("index ")) {
        indexes.add(line.substring("index ".length()));
      } else if (line.startsWith("constraint ")) {
        constraints.add(line.substring("constraint ".length()));
      }
    }
    return new DeclaredNames(true, indexes, constraints);
  }

  public boolean declaresIndex(String name) {
    return indexes.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean declaresConstraint(String name) {
    return constraints.contains(name.toLowerCase(Locale.ROOT));
  }
}
