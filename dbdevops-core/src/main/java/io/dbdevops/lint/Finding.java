package io.dbdevops.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One lint finding: which rule, about what object, where (changeset, file, line), what happened, why it matters, the
 * safe alternative and the rule's documentation page. Rules create findings at their default severity; the
 * {@link Linter} applies the configured severity and any acceptance.
 *
 * @param object the object concerned, e.g. {@code orders.note} or {@code orders}
 * @param message what the change does, e.g. {@code orders.note is dropped}
 * @param why why it matters, e.g. {@code data loss; older app versions still read it}
 * @param fix the safe alternative, one or two sentences
 * @param acceptedReason present when the changeset accepts this finding with {@code dbdevops:allow CODE "reason"}
 */
public record Finding(String code, String name, Severity severity, String object, Site site, String message, String why,
    String fix, Optional<String> acceptedReason) {

  /** Where a finding comes from: the changelog's change objects, or the typed state diff of the pending part. */
  public enum Origin {
    /** a Liquibase change or its SQL. */
    CHANGE,
    /** the typed difference between the released state and the state after the pending changesets. */
    STATE
  }

  /**
   * The place a finding points at. {@code changeSetId} is empty when a state difference could not be traced to a
   * changeset; {@code file} is then the master changelog and {@code line} 0.
   *
   * @param file the file the changeset is written in (relative to the changelog root), where {@code line} is
   * @param changeSetFile the changeset's file as Liquibase identifies it: its {@code logicalFilePath} when one is set,
   *     else {@code file}
   */
  public record Site(Optional<String> changeSetId, Optional<String> author, String file, int line, Origin origin,
      String changeSetFile) {
    public Site {
      changeSetId = Objects.requireNonNullElse(changeSetId, Optional.empty());
      author = Objects.requireNonNullElse(author, Optional.empty());
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(origin, "origin");
      changeSetFile = changeSetFile == null || changeSetFile.isEmpty() ? file : changeSetFile;
    }

    /** A site in a changeset without a {@code logicalFilePath}, or in no changeset. */
    public Site(Optional<String> changeSetId, Optional<String> author, String file, int line, Origin origin) {
      this(changeSetId, author, file, line, origin, file);
    }

    /** Liquibase's identity of the changeset, {@code file::id::author} (with its logical path), when known. */
    public Optional<String> changeSetKey() {
      return changeSetId.map(id -> changeSetFile + "::" + id + "::" + author.orElse(""));
    }

    /** {@code file:line}, or the file alone when the line is unknown. */
    public String location() {
      return line > 0 ? file + ":" + line : file;
    }
  }

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(message, "message");
    why = Objects.requireNonNullElse(why, "");
    fix = Objects.requireNonNullElse(fix, "");
    acceptedReason = Objects.requireNonNullElse(acceptedReason, Optional.empty());
  }

  /** The rule's documentation page, relative to the project root: {@code docs/rules/DBD103.md}. */
  public String docs() {
    return "docs/rules/" + code + ".md";
  }

  public boolean accepted() {
    return acceptedReason.isPresent();
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(code, name, newSeverity, object, site, message, why, fix, acceptedReason);
  }

  public Finding accept(String reason) {
    return new Finding(code, name, severity, object, site, message, why, fix, Optional.of(reason));
  }

  /** What and where: {@code DBD103 drop-column: orders.note is dropped by changeset 100 (db/…/100.xml:8)}. */
  public String headline() {
    return code + ' ' + name + ": " + message + site.changeSetId().map(id -> " by changeset " + id)
        .orElse(" by a pending change") + " (" + site.location() + ")";
  }

  /**
   * The finding in one line, without the severity prefix: {@code DBD103 drop-column: orders.note is dropped by
   * changeset 100-drop-note (db/changelog/changes/100.xml:8) — data loss; …. Fix … see docs/rules/DBD103.md}.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(headline());
    if (!why.isEmpty()) {
      b.append(" — ").append(why);
    }
    b.append(why.isEmpty() || why.endsWith(".") ? " " : ". ");
    if (!fix.isEmpty()) {
      b.append(fix).append(fix.endsWith(".") ? " " : "; ");
    }
    b.append("see ").append(docs());
    acceptedReason.ifPresent(r -> b.append(" [accepted: ").append(r).append(']'));
    return b.toString();
  }
}
