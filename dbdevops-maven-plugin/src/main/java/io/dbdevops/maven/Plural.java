package io.dbdevops.maven;

/** "1 changeset", "2 changesets". */
final class Plural {

  private Plural() {
  }

  static String of(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
