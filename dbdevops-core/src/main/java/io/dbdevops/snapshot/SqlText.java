package io.dbdevops.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical text of the SQL a database gives back for check constraints, index predicates and view definitions.
 *
 * <p>Every engine re-renders what it was given: H2 upper-cases and quotes every identifier, adds
 * {@code CAST(10 AS BIGINT)}, moves inner-join conditions into {@code WHERE ... ON 1=1}, reorders conditions,
 * turns {@code a = 'x' OR a = 'y'} into {@code a IN('x', 'y')} and {@code ORDER BY col} into {@code ORDER BY 1};
 * PostgreSQL adds casts ({@code (0)::numeric}, {@code 'NEW'::text}), parentheses around every condition and join
 * tree, and qualifies columns with their table; MariaDB back-quotes, qualifies with the database name, adds
 * {@code col AS col} and writes {@code count(0)}. This class parses the text into a small token tree (parentheses
 * and {@code CASE ... END} nest) and rewrites all of these to one form, so that the same definition reads the
 * same on H2, PostgreSQL and MariaDB:
 * <ul>
 *   <li>identifiers unquoted and lower case, keywords lower case, string literals untouched;</li>
 *   <li>no casts of literals or columns ({@code ::type}, {@code CAST(literal AS type)}), no qualifier of the owned
 *       schema or database, no {@code table.} qualifier where the query reads one table only;</li>
 *   <li>no redundant parentheses; each operand of an {@code and}/{@code or} of several conditions in parentheses
 *       (H2's own spelling), {@code x = 'a' or x = 'b'} as {@code x in ('a', 'b')};</li>
 *   <li>views only: inner and cross joins (and commas) as {@code inner join t}, the conditions of {@code where}
 *       and of every inner join's {@code on} pooled and sorted (H2 keeps no trace of which was which), then each
 *       written back to the {@code on} of the inner join that brings in the last table it refers to, the rest in
 *       {@code where} ({@code inner join t on 1=1} is left only for a join without a condition); outer-join
 *       {@code on} conditions sorted in place; {@code order by} positions
 *       replaced by the select item; {@code in (select distinct ...)} without {@code distinct}; {@code count(0)} as
 *       {@code count(*)}; {@code col as col} without the alias.</li>
 * </ul>
 * MariaDB has no boolean literal and stores {@code active = TRUE} as {@code active = 1}: given the boolean columns,
 * that becomes {@code active = true} again. What it cannot undo is a real difference of dialects (function names,
 * operators, H2's rewrites beyond the ones above); such view definitions stay dialect-specific, see {@link ViewText}.
 */
final class SqlText {

  // compiled and built once: String.matches / replaceAll compile a pattern on every call, Set.of / List.of allocate
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final List<String> MULTI_CHAR_OPERATORS = List.of("->>", "::", "<=", ">=", "<>", "!=", "||", "->");
  private static final Set<String> JOIN_WORDS = Set.of("inner", "cross", "left", "right", "full", "outer", "natural", "join");
  private static final Set<String> JOIN_START_WORDS = Set.of("inner", "cross", "left", "right", "full", "natural", "join");

  private SqlText() {
  }

  /** A check constraint or index predicate. */
  static String expression(String raw, Set<String> ownSchemas) {
    try {
      List<Node> nodes = new Parser(raw).parse();
      nodes = rewrite(nodes, ownSchemas);
      nodes = condition(nodes, false);
      return render(nodes);
    } catch (RuntimeException e) {
      return plain(raw);
    }
  }

  /** A view's query. */
  static String query(String raw, Set<String> ownSchemas) {
    return query(raw, ownSchemas, Set.of());
  }

  /**
   * A view's query; comparisons of {@code booleanColumns} with {@code 1} / {@code 0} (MariaDB's spelling of
   * {@code true} / {@code false}) become {@code true} / {@code false}.
   */
  static String query(String raw, Set<String> ownSchemas, Set<String> booleanColumns) {
    try {
      List<Node> nodes = new Parser(raw).parse();
      nodes = booleans(nodes, booleanColumns);
      nodes = rewrite(nodes, ownSchemas);
      nodes = query(nodes);
      return render(nodes);
    } catch (RuntimeException e) {
      return plain(raw);
    }
  }

  /** The fallback for text this class cannot take apart: lower case outside literals, no quotes, single spaces. */
  static String plain(String raw) {
    return WHITESPACE.matcher(Canonical.lowerOutsideLiterals(raw).replace("\"", "").replace("`", "")).replaceAll(" ").trim();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // token tree

  enum Kind { WORD, QUOTED, STRING, NUMBER, OP, COMMA, DOT }

  sealed interface Node permits Tok, Group, CaseExpr {
  }

  /** A token; words are lower case, quoted identifiers unquoted where they need no quotes. */
  record Tok(Kind kind, String text) implements Node {
    boolean is(String word) {
      return kind == Kind.WORD && text.equals(word);
    }
  }

  /** A parenthesised list. */
  record Group(List<Node> items) implements Node {
    Group {
      items = List.copyOf(items);
    }
  }

  /** A from clause and the where clause left after inner-join conditions went back to their joins. */
  private record JoinConditions(List<Node> from, List<Node> where) {
  }

  /**
   * Writes inner-join conditions back where a reviewer expects them: each canonical where condition (H2 moves them
   * all out of the joins, the other engines keep them in) goes to the {@code on} of the inner join that brings in the
   * last table it refers to, so {@code from orders o inner join order_lines l on 1=1 where l.order_id = o.id} reads
   * {@code from orders o inner join order_lines l on l.order_id = o.id}, the same on every engine. Conditions on the
   * first table only, on an outer join's table, without qualified columns, with a subquery, or under a top-level
   * {@code or}, stay in the where clause.
   */
  private static JoinConditions joinConditions(List<Node> from, List<Node> where) {
    if (where.stream().anyMatch(n -> isWord(n, "or"))) {
      return new JoinConditions(from, where);
    }
    // the aliases of the from items in order, and where each inner join's "on 1=1" is
    List<String> aliases = new ArrayList<>();
    List<Integer> onTrue = new ArrayList<>(); // index into from of the 1=1 token, or -1 for an item that is no inner join
    List<Node> item = new ArrayList<>();
    for (int i = 0; i <= from.size(); i++) {
      Node n = i < from.size() ? from.get(i) : null;
      boolean end = n == null || isWord(n, "join") || isWord(n, "on") || isWord(n, "using") || isJoinStart(n);
      if (end && !item.isEmpty()) {
        Node last = item.get(item.size() - 1);
        aliases.add(last instanceof Tok t && t.kind() == Kind.WORD ? t.text() : null);
        boolean inner = n != null && isWord(n, "on") && i + 1 < from.size()
            && from.get(i + 1) instanceof Tok t && t.kind() == Kind.NUMBER && t.text().equals("1=1");
        onTrue.add(inner ? i + 1 : -1);
        item = new ArrayList<>();
      }
      if (n != null && isWord(n, "on") || n != null && isWord(n, "using")) {
        // skip the condition up to the next join
        while (i + 1 < from.size() && !isJoinStart(from.get(i + 1))) {
          i++;
        }
        continue;
      }
      if (n != null && !end) {
        item.add(n);
      }
    }
    if (onTrue.stream().allMatch(x -> x < 0)) {
      return new JoinConditions(from, where);
    }
    List<List<Node>> attached = new ArrayList<>();
    aliases.forEach(a -> attached.add(new ArrayList<>()));
    List<List<Node>> kept = new ArrayList<>();
    for (List<Node> conjunct : split(where, "and")) {
      Set<String> qualifiers = new java.util.HashSet<>();
      boolean subquery = qualifiers(conjunct, qualifiers);
      int last = -1;
      for (String q : qualifiers) {
        last = Math.max(last, aliases.contains(q) ? aliases.lastIndexOf(q) : Integer.MAX_VALUE);
      }
      if (!subquery && last >= 0 && last < aliases.size() && onTrue.get(last) >= 0) {
        attached.get(last).add(new Group(conjunct));
      } else {
        kept.add(conjunct);
      }
    }
    if (attached.stream().allMatch(List::isEmpty)) {
      return new JoinConditions(from, where); // nothing moves: the where clause stays exactly as canonical
    }
    kept.replaceAll(SqlText::unwrapped);
    List<Node> newFrom = new ArrayList<>(from);
    for (int k = aliases.size() - 1; k >= 0; k--) {
      if (!attached.get(k).isEmpty()) {
        List<Node> on = new ArrayList<>();
        for (Node c : attached.get(k)) {
          if (!on.isEmpty()) {
            on.add(new Tok(Kind.WORD, "and"));
          }
          on.addAll(unwrapped(((Group) c).items()));
        }
        int at = onTrue.get(k);
        newFrom.remove(at);
        newFrom.addAll(at, on);
      }
    }
    List<Node> newWhere = new ArrayList<>();
    for (List<Node> c : kept) {
      if (!newWhere.isEmpty()) {
        newWhere.add(new Tok(Kind.WORD, "and"));
      }
      newWhere.addAll(c);
    }
    return new JoinConditions(newFrom, newWhere.isEmpty() ? null : newWhere);
  }

  /** {@code (a = b)} → {@code a = b}: a lone condition needs no parentheses (an {@code or} inside keeps them). */
  private static List<Node> unwrapped(List<Node> conjunct) {
    if (conjunct.size() == 1 && conjunct.get(0) instanceof Group g && !startsWithSelect(g.items())
        && g.items().stream().noneMatch(n -> isWord(n, "or"))) {
      return g.items();
    }
    return conjunct;
  }

  /** Adds the table qualifiers ({@code o} of {@code o.id}) used in {@code nodes}; true when it holds a subquery. */
  private static boolean qualifiers(List<Node> nodes, Set<String> into) {
    boolean subquery = startsWithSelect(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Tok t && t.kind() == Kind.WORD && i + 1 < nodes.size() && nodes.get(i + 1) instanceof Tok d
          && d.kind() == Kind.DOT) {
        into.add(t.text());
        i += 2; // skip the dot and the column
      } else if (n instanceof Group g) {
        subquery |= qualifiers(g.items(), into);
      } else if (n instanceof CaseExpr c) {
        subquery |= qualifiers(c.items(), into);
      }
    }
    return subquery;
  }

  /** {@code case ... end}, without the two keywords. */
  record CaseExpr(List<Node> items) implements Node {
    CaseExpr {
      items = List.copyOf(items);
    }
  }

  private static final class Parser {
    private final List<Tok> tokens = new ArrayList<>();
    private int pos;

    Parser(String text) {
      tokenize(text);
    }

    List<Node> parse() {
      while (!tokens.isEmpty() && isOp(tokens.get(tokens.size() - 1), ";")) {
        tokens.remove(tokens.size() - 1); // PostgreSQL ends a view's definition with one
      }
      List<Node> out = new ArrayList<>();
      while (pos < tokens.size()) {
        Tok t = tokens.get(pos);
        if (t.kind() == Kind.OP && t.text().equals(")")) {
          pos++; // unbalanced: ignore
          continue;
        }
        out.add(node());
      }
      return out;
    }

    private Node node() {
      Tok t = tokens.get(pos++);
      if (t.kind() == Kind.OP && t.text().equals("(")) {
        List<Node> items = new ArrayList<>();
        while (pos < tokens.size() && !isOp(tokens.get(pos), ")")) {
          items.add(node());
        }
        pos++; // the ")"
        return new Group(items);
      }
      if (t.is("case")) {
        List<Node> items = new ArrayList<>();
        while (pos < tokens.size() && !tokens.get(pos).is("end")) {
          if (isOp(tokens.get(pos), ")")) {
            break;
          }
          items.add(node());
        }
        if (pos < tokens.size() && tokens.get(pos).is("end")) {
          pos++;
        }
        return new CaseExpr(items);
      }
      return t;
    }

    private void tokenize(String s) {
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
          while (i < n && s.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          int end = s.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 2;
        } else if (c == '\'') {
          int j = i + 1;
          while (j < n) {
            if (s.charAt(j) == '\'' && j + 1 < n && s.charAt(j + 1) == '\'') {
              j += 2;
            } else if (s.charAt(j) == '\\' && j + 1 < n) {
              j += 2;
            } else if (s.charAt(j) == '\'') {
              break;
            } else {
              j++;
            }
          }
          tokens.add(new Tok(Kind.STRING, s.substring(i, Math.min(j + 1, n))));
          i = j + 1;
        } else if (c == '"' || c == '`') {
          int j = s.indexOf(c, i + 1);
          j = j < 0 ? n : j;
          String name = s.substring(i + 1, j);
          String lower = name.toLowerCase(Locale.ROOT);
          tokens.add(PLAIN_IDENTIFIER.matcher(lower).matches() ? new Tok(Kind.WORD, lower) : new Tok(Kind.QUOTED, "\"" + name + "\""));
          i = j + 1;
        } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
            && (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Kind.WORD)) {
          int j = i;
          while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
          }
          if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E') && j + 1 < n
              && (Character.isDigit(s.charAt(j + 1)) || s.charAt(j + 1) == '-' || s.charAt(j + 1) == '+')) {
            j += 2;
            while (j < n && Character.isDigit(s.charAt(j))) {
              j++;
            }
          }
          tokens.add(new Tok(Kind.NUMBER, s.substring(i, j)));
          i = j;
        } else if (Character.isLetter(c) || c == '_') {
          int j = i;
          while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
            j++;
          }
          tokens.add(new Tok(Kind.WORD, s.substring(i, j).toLowerCase(Locale.ROOT)));
          i = j;
        } else if (c == ',') {
          tokens.add(new Tok(Kind.COMMA, ","));
          i++;
        } else if (c == '.') {
          tokens.add(new Tok(Kind.DOT, "."));
          i++;
        } else {
          String op = String.valueOf(c);
          for (String multi : MULTI_CHAR_OPERATORS) {
            if (s.startsWith(multi, i)) {
              op = multi;
              break;
            }
          }
          tokens.add(new Tok(Kind.OP, op.equals("!=") ? "<>" : op));
          i += op.length();
        }
      }
    }
  }

  private static boolean isOp(Node n, String op) {
    return n instanceof Tok t && t.kind() == Kind.OP && t.text().equals(op);
  }

  private static boolean isWord(Node n, String word) {
    return n instanceof Tok t && t.is(word);
  }

  private static boolean isAtom(Node n) {
    return n instanceof Tok t && (t.kind() == Kind.WORD && !KEYWORDS.contains(t.text()) || t.kind() == Kind.QUOTED
        || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER);
  }

  private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "group", "by", "having", "order",
      "limit", "offset", "fetch", "union", "intersect", "except", "all", "distinct", "as", "on", "join", "inner",
      "left", "right", "full", "outer", "cross", "natural", "using", "and", "or", "not", "in", "is", "null", "like",
      "ilike", "between", "exists", "any", "some", "when", "then", "else", "case", "end", "with", "values", "over",
      "partition", "filter", "within", "lateral", "asc", "desc", "nulls", "first", "last", "escape", "similar", "to",
      "window", "rows", "range", "preceding", "following", "unbounded", "current", "row", "true", "false");

  private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "without", "with", "time", "zone",
      "character", "double", "unsigned");

  // ---------------------------------------------------------------------------------------------------------------
  // rewrites that apply everywhere: casts, own-schema qualifiers, count(0), redundant parentheses

  private static List<Node> rewrite(List<Node> nodes, Set<String> ownSchemas) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (isOp(n, "::")) {
        i = skipType(nodes, i + 1) - 1;
        continue;
      }
      if (isWord(n, "cast") && i + 1 < nodes.size() && nodes.get(i + 1) instanceof Group g) {
        Node literal = castLiteral(g);
        if (literal != null) {
          out.add(literal);
          i++;
          continue;
        }
      }
      if (n instanceof Tok t && t.kind() == Kind.WORD && ownSchemas.contains(t.text()) && i + 2 < nodes.size()
          && nodes.get(i + 1) instanceof Tok dot && dot.kind() == Kind.DOT && nodes.get(i + 2) instanceof Tok next
          && (next.kind() == Kind.WORD || next.kind() == Kind.QUOTED)
          && (i == 0 || !(nodes.get(i - 1) instanceof Tok prev && prev.kind() == Kind.DOT))) {
        i++; // drop "schema."
        continue;
      }
      if ((isOp(n, "=") || isOp(n, "<>")) && i + 2 < nodes.size() && (isWord(nodes.get(i + 1), "any") && isOp(n, "=")
          || isWord(nodes.get(i + 1), "all") && isOp(n, "<>")) && nodes.get(i + 2) instanceof Group g) {
        List<Node> values = arrayValues(rewrite(g.items(), ownSchemas));
        if (values != null) {
          // PostgreSQL's x = any (array['a', 'b']) is x in ('a', 'b'); x <> all (array[...]) is x not in (...)
          if (isOp(n, "<>")) {
            out.add(new Tok(Kind.WORD, "not"));
          }
          out.add(new Tok(Kind.WORD, "in"));
          out.add(new Group(values));
          i += 2;
          continue;
        }
      }
      if (isWord(n, "count") && i + 1 < nodes.size() && nodes.get(i + 1) instanceof Group g && g.items().size() == 1
          && g.items().get(0) instanceof Tok zero && zero.kind() == Kind.NUMBER && zero.text().equals("0")) {
        out.add(n);
        out.add(new Group(List.of(new Tok(Kind.OP, "*"))));
        i++;
        continue;
      }
      if (n instanceof Group g) {
        out.add(new Group(rewrite(g.items(), ownSchemas)));
      } else if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(rewrite(c.items(), ownSchemas)));
      } else {
        out.add(n);
      }
    }
    return simplifyParens(out);
  }

  /** {@code active = 1} → {@code active = true} for the given boolean columns (at every depth). */
  private static List<Node> booleans(List<Node> nodes, Set<String> booleanColumns) {
    if (booleanColumns.isEmpty()) {
      return nodes;
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Tok num && num.kind() == Kind.NUMBER && (num.text().equals("1") || num.text().equals("0"))
          && i >= 2 && (isOp(nodes.get(i - 1), "=") || isOp(nodes.get(i - 1), "<>"))
          && nodes.get(i - 2) instanceof Tok col && col.kind() == Kind.WORD && booleanColumns.contains(col.text())) {
        out.add(new Tok(Kind.WORD, num.text().equals("1") ? "true" : "false"));
      } else if (n instanceof Group g) {
        out.add(new Group(booleans(g.items(), booleanColumns)));
      } else if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(booleans(c.items(), booleanColumns)));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** The elements of {@code array[a, b]} (casts already gone), or null. */
  private static List<Node> arrayValues(List<Node> items) {
    while (items.size() == 1 && items.get(0) instanceof Group g) {
      items = g.items();
    }
    if (items.size() >= 3 && isWord(items.get(0), "array") && isOp(items.get(1), "[") && isOp(items.get(items.size() - 1), "]")) {
      return simplifyParens(items.subList(2, items.size() - 1));
    }
    return null;
  }

  /** The index after a cast's type: words, an optional {@code (n[,m])} and {@code []}. */
  private static int skipType(List<Node> nodes, int i) {
    if (i < nodes.size() && nodes.get(i) instanceof Tok t && (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED)) {
      i++;
      while (i + 1 < nodes.size() && nodes.get(i) instanceof Tok t2 && t2.kind() == Kind.DOT) {
        i += 2; // schema-qualified type name
      }
      while (i < nodes.size() && nodes.get(i) instanceof Tok w && w.kind() == Kind.WORD && TYPE_WORDS.contains(w.text())) {
        i++;
      }
      if (i < nodes.size() && nodes.get(i) instanceof Group g && g.items().stream()
          .allMatch(x -> x instanceof Tok tk && (tk.kind() == Kind.NUMBER || tk.kind() == Kind.COMMA))) {
        i++;
      }
      while (i + 1 < nodes.size() && isOp(nodes.get(i), "[") && isOp(nodes.get(i + 1), "]")) {
        i += 2;
      }
    }
    return i;
  }

  /** {@code CAST(10 AS BIGINT)} → {@code 10}: the literal, when the cast is of a literal. */
  private static Node castLiteral(Group g) {
    List<Node> items = g.items();
    int as = -1;
    for (int i = 0; i < items.size(); i++) {
      if (isWord(items.get(i), "as")) {
        as = i;
        break;
      }
    }
    if (as == 1 && items.get(0) instanceof Tok t && (t.kind() == Kind.NUMBER || t.kind() == Kind.STRING)) {
      return t;
    }
    if (as == 2 && isOp(items.get(0), "-") && items.get(1) instanceof Tok num && num.kind() == Kind.NUMBER) {
      return new Tok(Kind.NUMBER, "-" + num.text());
    }
    return null;
  }

  /**
   * Removes parentheses that change nothing: around a single value or name (not after a function name or a
   * keyword such as {@code in}), and the inner pair of {@code ((...))}.
   */
  private static List<Node> simplifyParens(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Group g) {
        List<Node> inner = simplifyParens(g.items());
        while (inner.size() == 1 && inner.get(0) instanceof Group only) {
          inner = only.items(); // ((x)) → (x)
        }
        Node before = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean call = before instanceof Tok b && (b.kind() == Kind.WORD && !OPERATOR_WORDS.contains(b.text())
            || b.kind() == Kind.QUOTED);
        if (!call && isValue(inner)) {
          out.addAll(inner);
        } else {
          out.add(new Group(inner));
        }
      } else if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(simplifyParens(c.items())));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** Words after which a parenthesis is grouping, not a call's argument list. */
  private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "where", "on", "when", "then", "else",
      "select", "having", "like", "ilike", "between", "is", "by", "distinct", "as", "return", "case");

  /** A single name, literal or function call: needs no parentheses anywhere. */
  private static boolean isValue(List<Node> nodes) {
    if (nodes.size() == 1) {
      return isAtom(nodes.get(0)) || nodes.get(0) instanceof CaseExpr;
    }
    if (nodes.size() == 2 && isOp(nodes.get(0), "-") && nodes.get(1) instanceof Tok t && t.kind() == Kind.NUMBER) {
      return true;
    }
    if (nodes.size() == 2 && isAtom(nodes.get(0)) && nodes.get(1) instanceof Group) {
      return true; // f(x)
    }
    // a.b, a.b.c
    if (nodes.size() % 2 == 1) {
      for (int i = 0; i < nodes.size(); i++) {
        boolean ok = i % 2 == 0 ? nodes.get(i) instanceof Tok t && (t.kind() == Kind.WORD && !KEYWORDS.contains(t.text())
            || t.kind() == Kind.QUOTED) : nodes.get(i) instanceof Tok d && d.kind() == Kind.DOT;
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // conditions: or / and chains

  /**
   * A condition in canonical form: nested {@code and}/{@code or} of the same kind flattened, each operand of a
   * chain of several in parentheses, {@code x = 'a' or x = 'b'} as {@code x in ('a', 'b')}; operands of
   * {@code and} sorted when {@code sort}.
   */
  static List<Node> condition(List<Node> nodes, boolean sort) {
    return renderChain(chain(nodes, sort), true);
  }

  /** A boolean expression: an {@code or} or {@code and} of operands, or a leaf (any other expression). */
  private record Chain(String op, List<Chain> operands, List<Node> leaf) {
  }

  private static Chain chain(List<Node> nodes, boolean sort) {
    List<List<Node>> ors = split(nodes, "or");
    if (ors.size() > 1) {
      List<Chain> operands = new ArrayList<>();
      for (List<Node> part : ors) {
        Chain c = chain(part, sort);
        if (c.op().equals("or")) {
          operands.addAll(c.operands());
        } else {
          operands.add(c);
        }
      }
      List<Node> in = asInList(operands);
      return in != null ? new Chain("leaf", List.of(), in) : new Chain("or", operands, null);
    }
    List<List<Node>> ands = split(nodes, "and");
    if (ands.size() > 1) {
      List<Chain> operands = new ArrayList<>();
      for (List<Node> part : ands) {
        Chain c = chain(part, sort);
        if (c.op().equals("and")) {
          operands.addAll(c.operands());
        } else {
          operands.add(c);
        }
      }
      if (sort) {
        operands.sort(Comparator.comparing(c -> render(renderChain(c, true))));
      }
      return new Chain("and", operands, null);
    }
    if (nodes.size() == 1 && nodes.get(0) instanceof Group g && !startsWithSelect(g.items())) {
      return chain(g.items(), sort); // (condition)
    }
    return new Chain("leaf", List.of(), conditionsInside(nodes, sort));
  }

  /** Normalises the conditions nested in a leaf: {@code case when}, {@code not (...)}, subqueries. */
  private static List<Node> conditionsInside(List<Node> nodes, boolean sort) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(caseConditions(c.items(), sort)));
      } else if (n instanceof Group g && startsWithSelect(g.items())) {
        out.add(new Group(query(g.items())));
      } else {
        out.add(n);
      }
    }
    // not (a and b) keeps its group, with the inside canonical
    if (out.size() == 2 && isWord(out.get(0), "not") && out.get(1) instanceof Group g && !startsWithSelect(g.items())) {
      Chain inner = chain(g.items(), sort);
      List<Node> rendered = renderChain(inner, true);
      return List.of(out.get(0), inner.op().equals("leaf") && isValue(rendered) ? rendered.get(0) : new Group(rendered));
    }
    return out;
  }

  private static List<Node> caseConditions(List<Node> items, boolean sort) {
    List<Node> out = new ArrayList<>();
    int i = 0;
    while (i < items.size()) {
      Node n = items.get(i);
      out.add(n);
      i++;
      if (isWord(n, "when")) {
        int then = i;
        while (then < items.size() && !isWord(items.get(then), "then")) {
          then++;
        }
        out.addAll(condition(items.subList(i, then), sort));
        i = then;
      }
    }
    return out;
  }

  /** {@code x = 'a' or x = 'b'} → {@code x in ('a', 'b')}; null when the operands are not all of that shape. */
  private static List<Node> asInList(List<Chain> operands) {
    String subject = null;
    List<Node> subjectNodes = null;
    List<Node> values = new ArrayList<>();
    for (Chain c : operands) {
      List<Node> leaf = c.leaf();
      if (leaf == null) {
        return null;
      }
      int eq = -1;
      for (int i = 0; i < leaf.size(); i++) {
        if (isOp(leaf.get(i), "=")) {
          eq = i;
          break;
        }
      }
      List<Node> lhs;
      List<Node> inValues;
      if (eq > 0 && eq == leaf.size() - 2 && leaf.get(eq + 1) instanceof Tok v && (v.kind() == Kind.STRING || v.kind() == Kind.NUMBER)) {
        lhs = leaf.subList(0, eq);
        inValues = List.of(v);
      } else if (leaf.size() >= 3 && isWord(leaf.get(leaf.size() - 2), "in") && leaf.get(leaf.size() - 1) instanceof Group g
          && !startsWithSelect(g.items())) {
        lhs = leaf.subList(0, leaf.size() - 2);
        inValues = g.items().stream().filter(x -> !(x instanceof Tok t && t.kind() == Kind.COMMA)).toList();
        if (!inValues.stream().allMatch(x -> x instanceof Tok t && (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER))) {
          return null;
        }
      } else {
        return null;
      }
      if (!isValue(lhs)) {
        return null;
      }
      String text = render(lhs);
      if (subject == null) {
        subject = text;
        subjectNodes = lhs;
      } else if (!subject.equals(text)) {
        return null;
      }
      values.addAll(inValues);
    }
    List<Node> list = new ArrayList<>();
    for (Node v : values) {
      if (!list.isEmpty()) {
        list.add(new Tok(Kind.COMMA, ","));
      }
      list.add(v);
    }
    List<Node> out = new ArrayList<>(subjectNodes);
    out.add(new Tok(Kind.WORD, "in"));
    out.add(new Group(list));
    return out;
  }

  private static List<Node> renderChain(Chain c, boolean top) {
    if (c.op().equals("leaf")) {
      return c.leaf();
    }
    List<Node> out = new ArrayList<>();
    for (Chain operand : c.operands()) {
      if (!out.isEmpty()) {
        out.add(new Tok(Kind.WORD, c.op()));
      }
      List<Node> rendered = renderChain(operand, false);
      if (operand.op().equals("leaf") && isValue(rendered)) {
        out.addAll(rendered);
      } else {
        out.add(new Group(rendered));
      }
    }
    return out;
  }

  /** Splits at top-level {@code word} ({@code and} inside {@code between x and y} is not a split). */
  private static List<List<Node>> split(List<Node> nodes, String word) {
    List<List<Node>> parts = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    boolean between = false;
    for (Node n : nodes) {
      if (isWord(n, "between")) {
        between = true;
      }
      if (isWord(n, word)) {
        if (word.equals("and") && between) {
          between = false;
          current.add(n);
          continue;
        }
        parts.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(n);
    }
    parts.add(current);
    return parts;
  }

  private static boolean startsWithSelect(List<Node> nodes) {
    return !nodes.isEmpty() && (isWord(nodes.get(0), "select") || isWord(nodes.get(0), "with"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // queries

  private static final Set<String> CLAUSES = Set.of("select", "from", "where", "group", "having", "order", "limit",
      "offset", "fetch", "window");

  /** A query (or several joined by union / intersect / except). */
  static List<Node> query(List<Node> nodes) {
    if (!startsWithSelect(nodes)) {
      return nodes;
    }
    boolean compound = nodes.stream().anyMatch(n -> isWord(n, "union") || isWord(n, "intersect") || isWord(n, "except"));
    List<Node> out = new ArrayList<>();
    List<Node> part = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (isWord(n, "union") || isWord(n, "intersect") || isWord(n, "except")) {
        out.addAll(select(part, compound));
        out.add(n);
        part = new ArrayList<>();
        if (i + 1 < nodes.size() && isWord(nodes.get(i + 1), "all")) {
          out.add(nodes.get(++i));
        }
        continue;
      }
      part.add(n);
    }
    out.addAll(select(part, compound));
    return out;
  }

  /**
   * One {@code select ... from ... where ...}; in a union ({@code compound}) an {@code order by} belongs to the whole
   * and its positions stay.
   */
  private static List<Node> select(List<Node> nodes, boolean compound) {
    // split into clauses at this level
    List<String> names = new ArrayList<>();
    List<List<Node>> bodies = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Tok t && t.kind() == Kind.WORD && CLAUSES.contains(t.text())) {
        String name = t.text();
        if ((name.equals("group") || name.equals("order")) && i + 1 < nodes.size() && isWord(nodes.get(i + 1), "by")) {
          i++;
        }
        names.add(name);
        bodies.add(new ArrayList<>());
        continue;
      }
      if (bodies.isEmpty()) {
        names.add("");
        bodies.add(new ArrayList<>());
      }
      bodies.get(bodies.size() - 1).add(n);
    }
    List<Node> selectList = List.of();
    List<Node> from = null;
    List<Node> where = null;
    for (int i = 0; i < names.size(); i++) {
      switch (names.get(i)) {
        case "select" -> selectList = bodies.get(i);
        case "from" -> from = bodies.get(i);
        case "where" -> where = bodies.get(i);
        default -> {
        }
      }
    }
    List<Node> conditions = new ArrayList<>();
    List<Node> newFrom = from == null ? null : from(from, conditions);
    // a query of one table without an alias: PostgreSQL and MariaDB qualify its columns, H2 does not
    String singleTable = newFrom == null ? null : singleTable(newFrom);
    if (singleTable != null) {
      for (int i = 0; i < bodies.size(); i++) {
        if (!names.get(i).equals("from")) {
          bodies.set(i, unqualify(bodies.get(i), singleTable));
        }
      }
      selectList = names.contains("select") ? bodies.get(names.indexOf("select")) : selectList;
      where = names.contains("where") ? bodies.get(names.indexOf("where")) : where;
    }
    boolean distinct = !selectList.isEmpty() && isWord(selectList.get(0), "distinct");
    List<List<Node>> items = splitCommas(distinct ? selectList.subList(1, selectList.size()) : selectList);
    items.replaceAll(SqlText::withoutRedundantAlias);
    items.replaceAll(item -> conditionsInside(item, true));

    List<List<Node>> whereParts = new ArrayList<>();
    if (!conditions.isEmpty()) {
      whereParts.add(conditions);
    }
    if (where != null && !where.isEmpty()) {
      whereParts.add(where);
    }
    List<Node> newWhere = null;
    if (!whereParts.isEmpty()) {
      List<Node> all = new ArrayList<>();
      for (List<Node> p : whereParts) {
        if (!all.isEmpty()) {
          all.add(new Tok(Kind.WORD, "and"));
        }
        all.add(new Group(p));
      }
      newWhere = condition(all, true);
    }

    if (newFrom != null && newWhere != null) {
      JoinConditions placed = joinConditions(newFrom, newWhere);
      newFrom = placed.from();
      newWhere = placed.where();
    }

    List<Node> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<Node> body = bodies.get(i);
      switch (name) {
        case "select" -> {
          out.add(new Tok(Kind.WORD, "select"));
          if (distinct) {
            out.add(new Tok(Kind.WORD, "distinct"));
          }
          out.addAll(joinCommas(items));
        }
        case "from" -> {
          out.add(new Tok(Kind.WORD, "from"));
          out.addAll(newFrom);
          if (newWhere != null && !names.contains("where")) {
            out.add(new Tok(Kind.WORD, "where"));
            out.addAll(newWhere);
          }
        }
        case "where" -> {
          if (newWhere != null || body.isEmpty()) {
            out.add(new Tok(Kind.WORD, "where"));
            out.addAll(newWhere == null ? List.of() : newWhere);
          }
        }
        case "group", "order" -> {
          out.add(new Tok(Kind.WORD, name));
          out.add(new Tok(Kind.WORD, "by"));
          List<List<Node>> keys = splitCommas(body);
          if (name.equals("order") && !compound) {
            keys.replaceAll(k -> positional(k, items));
          }
          out.addAll(joinCommas(keys));
        }
        case "having" -> {
          out.add(new Tok(Kind.WORD, "having"));
          out.addAll(condition(body, true));
        }
        default -> {
          if (!name.isEmpty()) {
            out.add(new Tok(Kind.WORD, name));
          }
          out.addAll(body);
        }
      }
    }
    return subqueries(out);
  }

  /** Normalises the subqueries directly in this query ({@code in (select distinct ...)} loses the distinct). */
  private static List<Node> subqueries(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Group g && startsWithSelect(g.items())) {
        List<Node> items = g.items();
        Node before = out.isEmpty() ? null : out.get(out.size() - 1);
        if (isWord(before, "in") && items.size() > 1 && isWord(items.get(1), "distinct")) {
          List<Node> copy = new ArrayList<>(items);
          copy.remove(1);
          items = copy;
        }
        out.add(new Group(query(items)));
      } else if (n instanceof Group g) {
        out.add(new Group(subqueries(g.items())));
      } else if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(subqueries(c.items())));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The from clause with inner and cross joins (and commas) written {@code inner join t on 1=1}, their {@code on}
   * conditions added to {@code conditions}; outer joins keep their (canonical) {@code on}.
   */
  private static List<Node> from(List<Node> nodes, List<Node> conditions) {
    // unwrap (a join b on ...) join trees
    List<Node> flat = new ArrayList<>();
    for (Node n : nodes) {
      Node before = flat.isEmpty() ? null : flat.get(flat.size() - 1);
      boolean call = before instanceof Tok b && (b.kind() == Kind.WORD && !KEYWORDS.contains(b.text()) || b.kind() == Kind.QUOTED);
      if (n instanceof Group g && !call && !startsWithSelect(g.items()) && containsJoin(g.items())) {
        flat.addAll(from(g.items(), conditions));
      } else {
        flat.add(n);
      }
    }
    if (flat.size() == 1 && flat.get(0) instanceof Group g && !startsWithSelect(g.items())) {
      return from(g.items(), conditions);
    }
    List<Node> out = new ArrayList<>();
    int i = 0;
    boolean first = true;
    while (i < flat.size()) {
      int start = i;
      // the join keyword(s) before this item
      String join = null;
      if (!first) {
        Node n = flat.get(i);
        if (n instanceof Tok t && t.kind() == Kind.COMMA) {
          join = "cross";
          i++;
        } else {
          StringBuilder kind = new StringBuilder();
          while (i < flat.size() && flat.get(i) instanceof Tok t && t.kind() == Kind.WORD
              && JOIN_WORDS.contains(t.text())) {
            if (!t.text().equals("join") && !t.text().equals("outer")) {
              kind.append(kind.length() == 0 ? "" : " ").append(t.text());
            }
            i++;
            if (t.text().equals("join")) {
              break;
            }
          }
          join = kind.length() == 0 || kind.toString().equals("inner") ? "cross" : kind.toString();
        }
      }
      // the item, up to on / using / the next join
      List<Node> item = new ArrayList<>();
      while (i < flat.size() && !isJoinStart(flat.get(i)) && !isWord(flat.get(i), "on") && !isWord(flat.get(i), "using")) {
        item.add(flat.get(i++));
      }
      List<Node> on = null;
      List<Node> using = null;
      if (i < flat.size() && (isWord(flat.get(i), "on") || isWord(flat.get(i), "using"))) {
        boolean isOn = isWord(flat.get(i), "on");
        i++;
        List<Node> cond = new ArrayList<>();
        while (i < flat.size() && !isJoinStart(flat.get(i))) {
          cond.add(flat.get(i++));
        }
        if (isOn) {
          on = cond;
        } else {
          using = cond;
        }
      }
      item = withoutAs(item);
      if (!first) {
        out.add(new Tok(Kind.WORD, join.equals("cross") ? "inner" : join));
        out.add(new Tok(Kind.WORD, "join"));
      }
      out.addAll(item);
      if (!first && join.equals("cross") && using == null) {
        // H2's own spelling of an inner join whose conditions it moved into the where clause
        out.add(new Tok(Kind.WORD, "on"));
        out.add(new Tok(Kind.NUMBER, "1=1"));
      }
      if (using != null) {
        out.add(new Tok(Kind.WORD, "using"));
        out.addAll(using);
      } else if (on != null && !isTrue(on)) {
        if (join != null && join.equals("cross")) {
          if (!conditions.isEmpty()) {
            conditions.add(new Tok(Kind.WORD, "and"));
          }
          conditions.add(new Group(on));
        } else {
          out.add(new Tok(Kind.WORD, "on"));
          out.addAll(condition(on, true));
        }
      }
      first = false;
      if (i == start) {
        out.addAll(flat.subList(i, flat.size())); // not a from clause this class understands: leave the rest as it is
        break;
      }
    }
    return out;
  }

  private static boolean containsJoin(List<Node> nodes) {
    return nodes.stream().anyMatch(n -> isWord(n, "join")) || nodes.stream().anyMatch(n -> n instanceof Tok t && t.kind() == Kind.COMMA);
  }

  private static boolean isJoinStart(Node n) {
    return n instanceof Tok t && (t.kind() == Kind.COMMA || t.kind() == Kind.WORD
        && JOIN_START_WORDS.contains(t.text()));
  }

  /** {@code on 1=1} / {@code on true}. */
  private static boolean isTrue(List<Node> on) {
    String text = render(on);
    return text.equals("1 = 1") || text.equals("1=1") || text.equals("true");
  }

  /** {@code orders as o} → {@code orders o}. */
  private static List<Node> withoutAs(List<Node> item) {
    if (item.size() == 3 && isWord(item.get(1), "as")) {
      return List.of(item.get(0), item.get(2));
    }
    return item;
  }

  /** The table's name when the from clause is one table without an alias, else null. */
  private static String singleTable(List<Node> from) {
    if (from.size() == 1 && from.get(0) instanceof Tok t && t.kind() == Kind.WORD) {
      return t.text();
    }
    return null;
  }

  /** Drops {@code table.} before column names (not inside subqueries, which have their own from). */
  private static List<Node> unqualify(List<Node> nodes, String table) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (isWord(n, table) && i + 2 < nodes.size() && nodes.get(i + 1) instanceof Tok d && d.kind() == Kind.DOT
          && (i == 0 || !(nodes.get(i - 1) instanceof Tok p && p.kind() == Kind.DOT))) {
        i++;
        continue;
      }
      if (n instanceof Group g && !startsWithSelect(g.items())) {
        out.add(new Group(unqualify(g.items(), table)));
      } else if (n instanceof CaseExpr c) {
        out.add(new CaseExpr(unqualify(c.items(), table)));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** {@code o.customer_id as customer_id} → {@code o.customer_id}. */
  private static List<Node> withoutRedundantAlias(List<Node> item) {
    int n = item.size();
    if (n >= 3 && isWord(item.get(n - 2), "as") && item.get(n - 1) instanceof Tok alias) {
      List<Node> expr = item.subList(0, n - 2);
      if (isValue(expr) && expr.get(expr.size() - 1) instanceof Tok last && last.text().equals(alias.text())) {
        return List.copyOf(expr);
      }
    }
    return item;
  }

  /** {@code order by 2} → the second select item (without its alias). */
  private static List<Node> positional(List<Node> key, List<List<Node>> items) {
    if (!key.isEmpty() && key.get(0) instanceof Tok t && t.kind() == Kind.NUMBER && DIGITS.matcher(t.text()).matches()) {
      int position = Integer.parseInt(t.text());
      if (position >= 1 && position <= items.size()) {
        List<Node> item = items.get(position - 1);
        int n = item.size();
        List<Node> expr = n >= 3 && isWord(item.get(n - 2), "as") ? item.subList(0, n - 2) : item;
        List<Node> out = new ArrayList<>(expr);
        out.addAll(key.subList(1, key.size()));
        return out;
      }
    }
    return key;
  }

  private static List<List<Node>> splitCommas(List<Node> nodes) {
    List<List<Node>> parts = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Tok t && t.kind() == Kind.COMMA) {
        parts.add(current);
        current = new ArrayList<>();
      } else {
        current.add(n);
      }
    }
    if (!current.isEmpty() || !parts.isEmpty()) {
      parts.add(current);
    }
    return parts;
  }

  private static List<Node> joinCommas(List<List<Node>> parts) {
    List<Node> out = new ArrayList<>();
    for (List<Node> p : parts) {
      if (!out.isEmpty()) {
        out.add(new Tok(Kind.COMMA, ","));
      }
      out.addAll(p);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // rendering

  static String render(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    render(nodes, sb);
    return sb.toString().trim();
  }

  private static void render(List<Node> nodes, StringBuilder sb) {
    Node before = null;
    Node prev = null;
    for (Node n : nodes) {
      boolean unaryMinus = isOp(prev, "-") && (before == null || before instanceof Tok b && (b.kind() == Kind.OP
          || b.kind() == Kind.COMMA || b.kind() == Kind.WORD && KEYWORDS.contains(b.text())));
      if (prev != null && !unaryMinus && spaceBetween(prev, n)) {
        sb.append(' ');
      }
      if (n instanceof Tok t) {
        sb.append(t.text());
      } else if (n instanceof Group g) {
        sb.append('(');
        render(g.items(), sb);
        sb.append(')');
      } else if (n instanceof CaseExpr c) {
        sb.append("case");
        if (!c.items().isEmpty()) {
          sb.append(' ');
        }
        render(c.items(), sb);
        sb.append(" end");
      }
      before = prev;
      prev = n;
    }
  }

  private static boolean spaceBetween(Node prev, Node next) {
    if (next instanceof Tok t && (t.kind() == Kind.COMMA || t.kind() == Kind.DOT)) {
      return false;
    }
    if (prev instanceof Tok p && p.kind() == Kind.DOT) {
      return false;
    }
    if (isOp(prev, "[") || isOp(next, "[") || isOp(next, "]")) {
      return false;
    }
    if (next instanceof Group) {
      // a call: f(x); a keyword or an operator: in (x), and (x)
      return !(prev instanceof Tok p && (p.kind() == Kind.WORD && !KEYWORDS.contains(p.text()) || p.kind() == Kind.QUOTED));
    }
    return true;
  }
}
