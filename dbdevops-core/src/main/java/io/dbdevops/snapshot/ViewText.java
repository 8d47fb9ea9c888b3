package io.dbdevops.snapshot;

/**
 * Canonical text of a view definition: whitespace collapsed, quotes and schema qualifiers removed, keywords and
 * identifiers in lower case outside string literals.
 */
final class ViewText {

  private ViewText() {
  }

  static String canonical(String raw) {
    String v = raw.trim();
    if (v.toLowerCase(java.util.Locale.ROOT).startsWith("create")) {
      int as = v.toLowerCase(java.util.Locale.ROOT).indexOf(" as ");
      if (as > 0) {
        v = v.substring(as + 4);
      }
    }
    v = Canonical.lowerOutsideLiterals(v).replace("\"", "").replace("`", "");
    v = v.replaceAll("\\bpublic\\.", "");
    v = v.replaceAll("\\s+", " ").trim();
    if (v.endsWith(";")) {
      v = v.substring(0, v.length() - 1).trim();
    }
    return v;
  }
}
