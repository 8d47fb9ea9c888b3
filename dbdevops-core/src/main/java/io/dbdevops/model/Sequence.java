package io.dbdevops.model;

import java.math.BigInteger;
import java.util.Objects;

/** A sequence. Minimum and maximum are left at the database's defaults unless set, so they are not stored. */
public record Sequence(String name, BigInteger start, long increment, boolean cycle) {

  public Sequence {
    Names.require(name, "sequence name");
    Objects.requireNonNull(start, "start of sequence " + name);
    if (increment == 0) {
      throw new IllegalArgumentException("sequence " + name + " has increment 0");
    }
  }
}
