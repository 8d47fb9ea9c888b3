package io.dbdevops.integrity;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the integrity check found: the changesets already released (in changelog order), the pending ones (not yet
 * released: what lint judges and the next release contains), the violations, and whether the integrity file itself
 * is intact.
 *
 * @param pending the changesets not in the integrity file, in changelog order — normally exactly those after the last
 *     released one; one placed before a released changeset is pending too, and a DBD802 violation
 * @param sumFileProblem why the integrity file's hash line does not vouch for its entries (hand edit, a merge
 *     resolved by hand), empty when it does; {@link #sumFileMessage} says it to the user
 */
public record IntegrityResult(List<ChangeSetInfo> released, List<ChangeSetInfo> pending, List<IntegrityViolation> violations,
    Optional<String> sumFileProblem) {

  public IntegrityResult {
    released = List.copyOf(released);
    pending = List.copyOf(pending);
    violations = List.copyOf(violations);
    sumFileProblem = Objects.requireNonNullElse(sumFileProblem, Optional.empty());
  }

  /**
   * How many changesets of {@code selection} an update-count applies to reach the released point: those up to and
   * including the last released one. For a shadow whose database selects other changesets than the target's (dbms
   * attributes), so the released state is snapshotted at the same place; {@code released().size()} when it selects
   * the same ones.
   */
  public int releasedPointIn(List<ChangeSetRef> selection) {
    Set<String> keys = new HashSet<>();
    released.forEach(cs -> keys.add(cs.key()));
    int point = 0;
    for (int i = 0; i < selection.size(); i++) {
      if (keys.contains(selection.get(i).key())) {
        point = i + 1;
      }
    }
    return point;
  }

  public boolean passed() {
    return violations.isEmpty() && sumFileProblem.isEmpty();
  }

  /** The user's message when the integrity file is not intact: what happened and the fix, naming {@code sumFile}. */
  public Optional<String> sumFileMessage(String sumFile) {
    return sumFileProblem.map(problem -> sumFile + " was edited by hand or merged without resolving (" + problem
        + "): run mvn dbdevops:mark-released to rewrite it from the changelog (after a merge conflict on it, keep one "
        + "side first: git checkout --ours -- " + sumFile + ", or --theirs), then review its diff and commit it");
  }
}
