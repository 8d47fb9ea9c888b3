package io.dbdevops.drift;

import io.dbdevops.diff.SchemaChange.Sign;
import io.dbdevops.env.Grant;

/**
 * A grant that differs from the environment's expected grants: {@code +} held live but not expected (granted out of
 * band), {@code -} expected but not held (revoked out of band, or never granted).
 */
public record GrantDrift(Grant grant, Sign sign) {

  public String describe() {
    return "grant " + grant + (sign == Sign.ADDED ? " (not expected)" : " (expected, missing)");
  }
}
