package io.dbdevops.release;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code RELEASE-NOTES.md} of a release artifact: what changed since the release before — the classification and
 * what requires it, the changesets, the typed schema diff, the lint findings the changesets accept. No time and no
 * machine in it: the same release gives the same text.
 *
 * @param title the project's name and version
 * @param previousVersion the release before, empty for the first
 * @param classification MAJOR, MINOR, PATCH or NONE
 * @param reasons what requires the classification, one line each (object, change, changeset)
 * @param changeSets the changesets since the release before, in order
 * @param changes the typed diff of the schema since the release before
 * @param accepted the lint findings the changesets accept with {@code dbdevops:allow}
 */
public record ReleaseNotes(String title, String version, Optional<String> previousVersion, String classification,
    Optional<String> requiredVersion, List<String> reasons, List<ChangeSetInfo> changeSets, List<SchemaChange> changes,
    List<Finding> accepted) {

  public ReleaseNotes {
    Objects.requireNonNull(title, "title");
    previousVersion = Objects.requireNonNullElse(previousVersion, Optional.empty());
    requiredVersion = Objects.requireNonNullElse(requiredVersion, Optional.empty());
    reasons = List.copyOf(reasons);
    changeSets = List.copyOf(changeSets);
    changes = List.copyOf(changes);
    accepted = List.copyOf(accepted);
  }

  public String markdown() {
    String since = previousVersion.map(v -> "since " + v).orElse("(first release)");
    StringBuilder md = new StringBuilder("# ").append(title).append(" — database release ").append(version)
        .append("\n\n");
    md.append("**").append(classification).append("** ").append(since);
    requiredVersion.ifPresent(r -> md.append("; the version it needs is ").append(r).append(" or higher"));
    md.append(".\n");
    if (!reasons.isEmpty()) {
      md.append('\n');
      reasons.forEach(r -> md.append("- ").append(r).append('\n'));
    }
    md.append("\n## Changesets ").append(since).append(" (").append(changeSets.size()).append(")\n\n");
    if (changeSets.isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("| # | changeset | author | where |\n|---|---|---|---|\n");
      for (int i = 0; i < changeSets.size(); i++) {
        ChangeSetInfo c = changeSets.get(i);
        md.append("| ").append(i + 1).append(" | `").append(cell(c.id())).append("` | ").append(cell(c.author()))
            .append(" | `").append(cell(c.location())).append("` |\n");
      }
    }
    md.append("\n## Schema changes ").append(since).append("\n\n");
    if (changes.isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("```diff\n");
      DiffRendering.lines(changes).forEach(l -> md.append(l).append('\n'));
      md.append("```\n");
    }
    md.append("\n## Accepted findings\n\n");
    if (accepted.isEmpty()) {
      md.append("None.\n");
    } else {
      for (Finding f : accepted) {
        md.append("- **").append(f.code()).append(' ').append(f.name()).append("** ").append(f.object()).append(" (`")
            .append(f.site().location()).append("`): ").append(f.message()).append(" — accepted: ")
            .append(f.acceptedReason().orElse("")).append('\n');
      }
    }
    return md.toString();
  }

  public byte[] bytes() {
    return markdown().getBytes(StandardCharsets.UTF_8);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
