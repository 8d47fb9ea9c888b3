package io.dbdevops.integrity;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.liquibase.Selection;
import java.nio.file.Path;
import java.util.List;

/**
 * Marks every selected changeset of the changelog as released by rewriting the integrity file — unless the released
 * history does not hold (DBD801/DBD802), in which case nothing is written. A file whose hash line no longer matches
 * (edited by hand, or a merge conflict resolved by keeping both sides) is rewritten when its entries agree with the
 * changelog: that is how a user finishes a merge of two releases.
 */
public final class ReleaseMarker {

  /**
   * What marking did.
   *
   * @param check the integrity check of the file as it was
   * @param newlyReleased the changesets this run marked (the previously pending ones); empty when refused
   * @param released how many changesets the file lists now
   * @param written false when refused, or when the file already said exactly this
   */
  public record Marked(IntegrityResult check, List<ChangeSetInfo> newlyReleased, int released, boolean written) {
    public Marked {
      newlyReleased = List.copyOf(newlyReleased);
    }

    public boolean refused() {
      return !check.violations().isEmpty();
    }
  }

  /**
   * Marks the changesets the selection's update runs (its contexts, labels and database), read from the changelog:
   * those and only those are released. Changesets of other contexts or databases are not in the file.
   */
  public Marked mark(Path sumFile, ChangelogSource changelog, Selection selection) {
    return mark(sumFile, new ChangelogReader().read(changelog, selection));
  }

  /** Marks {@code changesets}: the selected changesets of the changelog, in execution order. */
  public Marked mark(Path sumFile, List<ChangeSetInfo> changesets) {
    SumFile before = SumFile.readOrEmpty(sumFile);
    IntegrityResult check = new IntegrityCheck().check(before, changesets);
    if (!check.violations().isEmpty()) {
      return new Marked(check, List.of(), before.entries().size(), false);
    }
    boolean written = SumFile.releasing(changesets).write(sumFile);
    return new Marked(check, check.pending(), changesets.size(), written);
  }
}
