package io.dbdevops.integrity;

/** The integrity rules of the catalogue (rules.md, DBD8xx): a stable code, a name, and the page that explains it. */
public enum IntegrityRule {

  /** A released changeset's checksum changed. */
  EDITED_RELEASED_CHANGESET("DBD801", "edited-released-changeset"),

  /** A new changeset placed before released ones, a released changeset missing or moved, or a duplicate id. */
  OUT_OF_ORDER("DBD802", "out-of-order");

  private final String code;
  private final String ruleName;

  IntegrityRule(String code, String ruleName) {
    this.code = code;
    this.ruleName = ruleName;
  }

  public String code() {
    return code;
  }

  public String ruleName() {
    return ruleName;
  }

  /** The rule's documentation page, relative to the dbdevops repository root. */
  public String doc() {
    return "docs/rules/" + code + ".md";
  }
}
