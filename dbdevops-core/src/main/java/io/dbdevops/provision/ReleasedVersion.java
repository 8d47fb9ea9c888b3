package io.dbdevops.provision;

import io.dbdevops.SetupException;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.release.SemanticVersion;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A released version as {@code dbdevops.sum} records it: its {@code release V} line and the changesets above it (their
 * keys, {@code file::id::author}), which an environment at that version has.
 */
public record ReleasedVersion(SemanticVersion version, Set<String> keys) {

  public ReleasedVersion {
    Objects.requireNonNull(version, "version");
    keys = Set.copyOf(keys);
  }

  /**
   * The release {@code version} names in the sum file.
   *
   * @param setting the setting the version came from, for the message
   * @throws SetupException a version the sum file has no release line for (naming those it has)
   */
  public static ReleasedVersion of(SumFile sum, String version, String setting) {
    SemanticVersion wanted;
    try {
      wanted = SemanticVersion.parse(version.trim());
    } catch (IllegalArgumentException e) {
      throw new SetupException(setting + ": '" + version + "' is not a version (" + e.getMessage() + ")");
    }
    List<SumFile.Release> releases = sum.releases();
    for (SumFile.Release r : releases) {
      if (r.version().equals(wanted.release())) {
        return new ReleasedVersion(r.version(), sum.entries().subList(0, r.through()).stream().map(SumFile.Entry::key)
            .collect(Collectors.toSet()));
      }
    }
    throw new SetupException(setting + ": version " + version + " was never released (dbdevops.sum records "
        + (releases.isEmpty() ? "no release: run dbdevops:mark-released when a version ships"
        : releases.stream().map(r -> r.version().toString()).collect(Collectors.joining(", "))) + ")");
  }

  /**
   * How many of the {@code selected} changesets, in changelog order, a database at this version holds: the leading
   * ones the release has.
   *
   * @throws SetupException when the release's changesets are not a prefix of the selection (a changeset of the
   *     release comes after one that is not in it)
   */
  public int count(List<ChangeSetRef> selected) {
    int n = 0;
    while (n < selected.size() && keys.contains(selected.get(n).key())) {
      n++;
    }
    for (int i = n; i < selected.size(); i++) {
      if (keys.contains(selected.get(i).key())) {
        throw new SetupException("changeset " + selected.get(i).id() + " (" + selected.get(i).file() + ") of version "
            + version + " comes after " + selected.get(n).id() + " (" + selected.get(n).file() + "), which the release "
            + "does not have: the changelog no longer ends the release where dbdevops.sum says");
      }
    }
    return n;
  }
}
