package io.dbdevops.fleet;

import io.dbdevops.SetupException;

/**
 * {@code -Ddbdevops.shard=K/N}: the K-th of N shards takes every N-th environment of the fleet, starting at its K-th
 * (1-based), so a CI system's job matrix of N jobs covers every environment exactly once.
 */
public record Shard(int index, int count) {

  public static final String SETTING = "-Ddbdevops.shard";

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new SetupException(SETTING + ": shard " + index + "/" + count + " does not exist (K/N with 1 <= K <= N)");
    }
  }

  /** {@code 2/4}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new SetupException(SETTING + ": '" + text + "' is not K/N (e.g. 2/4: the second of four shards)");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new SetupException(SETTING + ": '" + text + "' is not K/N (e.g. 2/4: the second of four shards)");
    }
  }

  /** Whether this shard takes the environment at {@code position} (0-based) of the fleet. */
  public boolean takes(int position) {
    return position % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
