package io.dbdevops.gate;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the released part of the changelog ends: how many changesets the shadow applies before the pending ones, and
 * a fingerprint of exactly those changesets (their Liquibase identity and checksum, in order), which the sum file
 * already proved. The fingerprint is what makes a cached image of the shadow at this point safe to start from; without
 * one the released changesets are always applied.
 */
public record ReleasedPoint(int count, Optional<String> fingerprint) {

  public static final ReleasedPoint NONE = new ReleasedPoint(0, Optional.empty());

  public ReleasedPoint {
    if (count < 0) {
      throw new IllegalArgumentException("released count " + count + " is negative");
    }
    fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
  }

  /** A released point without a fingerprint: never started from a cached image. */
  public static ReleasedPoint of(int count) {
    return new ReleasedPoint(count, Optional.empty());
  }

  /** The first {@code count} changesets applied, fingerprinted by {@code released} (their identity and checksum). */
  public static ReleasedPoint of(int count, List<ChangeSetInfo> released) {
    if (count == 0) {
      return NONE;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (ChangeSetInfo c : released) {
        sha.update((c.key() + "\n" + c.checksum() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return new ReleasedPoint(count, Optional.of(count + ":" + HexFormat.of().formatHex(sha.digest())));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
