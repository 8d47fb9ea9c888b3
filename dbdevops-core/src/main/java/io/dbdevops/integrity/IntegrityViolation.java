package io.dbdevops.integrity;

import java.util.Objects;

/**
 * One integrity finding: which rule, which changeset ({@code file::id::author}), where ({@code file:line}), why it
 * matters and how to fix it.
 */
public record IntegrityViolation(IntegrityRule rule, String changeset, String location, String why, String fix) {

  public IntegrityViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(changeset, "changeset");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** {@code DBD801 edited-released-changeset: <changeset> (<file:line>) — <why>; fix: <fix>; see docs/rules/DBD801.md} */
  public String message() {
    return rule.code() + " " + rule.ruleName() + ": " + changeset + " (" + location + ") — " + why + "; fix: " + fix
        + "; see " + rule.doc();
  }
}
