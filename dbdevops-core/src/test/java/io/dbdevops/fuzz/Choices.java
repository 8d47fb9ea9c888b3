package io.dbdevops.fuzz;

import java.util.List;

/**
 * Reads a try's choices one by one; past the end every choice is 0, the smallest. Generators ask for "something extra"
 * with a non-zero choice, so a shorter list with smaller numbers (what jqwik shrinks to) is a smaller schema.
 */
final class Choices {

  private final List<Integer> values;
  private int next;

  Choices(List<Integer> values) {
    this.values = List.copyOf(values);
  }

  /** A number in [0, bound). */
  int pick(int bound) {
    if (bound <= 1 || next >= values.size()) {
      next++;
      return 0;
    }
    return values.get(next++) % bound;
  }

  /** True with probability 1 / outOf (never past the end). */
  boolean oneIn(int outOf) {
    return pick(outOf) == outOf - 1;
  }

  <T> T of(List<T> options) {
    return options.get(pick(options.size()));
  }
}
