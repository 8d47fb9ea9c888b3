package io.dbdevops.integrity;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.release.SemanticVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks every selected changeset of the changelog as released by rewriting the integrity file — unless the released
 * history does not hold (DBD801/DBD802), in which case nothing is written. A file whose hash line no longer matches
 * (edited by hand, or a merge conflict resolved by keeping both sides) is rewritten when its entries agree with the
 * changelog: that is how a user finishes a merge of two releases.
 *
 * <p>Given the project version, it records it as a {@code release V} line after the changesets it releases
 * ({@code X-SNAPSHOT} as {@code X}); the release lines already there are kept. A version below the last recorded one
 * is refused ({@link SumFileException}); the same version again with nothing new changes nothing, and with new
 * changesets the last release line moves below them (that release is re-cut). A higher version with nothing new is
 * recorded as a release that added no changeset.
 */
public final class ReleaseMarker {

  /**
   * What marking did.
   *
   * @param check the integrity check of the file as it was
   * @param newlyReleased the changesets this run marked (the previously pending ones); empty when refused
   * @param released how many changesets the file lists now
   * @param written false when refused, or when the file already said exactly this
   * @param version the version the file's last release line names now (the one recorded by this run, or the one
   *     before when none was given); empty when none is recorded
   * @param previous the version of the last release line before this run
   */
  public record Marked(IntegrityResult check, List<ChangeSetInfo> newlyReleased, int released, boolean written,
      Optional<SemanticVersion> version, Optional<SemanticVersion> previous) {
    public Marked {
      newlyReleased = List.copyOf(newlyReleased);
      version = java.util.Objects.requireNonNullElse(version, Optional.empty());
      previous = java.util.Objects.requireNonNullElse(previous, Optional.empty());
    }

    public Marked(IntegrityResult check, List<ChangeSetInfo> newlyReleased, int released, boolean written) {
      this(check, newlyReleased, released, written, Optional.empty(), Optional.empty());
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
    return mark(sumFile, changelog, selection, Optional.empty());
  }

  /** {@link #mark(Path, ChangelogSource, Selection)}, recording {@code version} as the release's. */
  public Marked mark(Path sumFile, ChangelogSource changelog, Selection selection, Optional<SemanticVersion> version) {
    return mark(sumFile, new ChangelogReader().read(changelog, selection), version);
  }

  /** Marks {@code changesets}: the selected changesets of the changelog, in execution order. */
  public Marked mark(Path sumFile, List<ChangeSetInfo> changesets) {
    return mark(sumFile, changesets, Optional.empty());
  }

  /**
   * Marks {@code changesets} and records {@code version} (a SNAPSHOT as its release) after them.
   *
   * @throws SumFileException when {@code version} is below the last version the file records
   */
  public Marked mark(Path sumFile, List<ChangeSetInfo> changesets, Optional<SemanticVersion> version) {
    SumFile before = SumFile.readOrEmpty(sumFile);
    IntegrityResult check = new IntegrityCheck().check(before, changesets);
    Optional<SemanticVersion> last = before.lastVersion();
    if (!check.violations().isEmpty()) {
      return new Marked(check, List.of(), before.entries().size(), false, last, last);
    }
    Optional<SemanticVersion> recording = version.map(SemanticVersion::release);
    if (recording.isPresent() && last.isPresent() && recording.get().compareTo(last.get()) < 0) {
      throw new SumFileException(sumFile + ": cannot record version " + recording.get() + ": the last release it records "
          + "is " + last.get() + " and versions only go up; set the project version to " + last.get() + " or higher");
    }
    SumFile after = SumFile.of(SumFile.releasing(changesets).entries(), carried(before, changesets));
    if (recording.isPresent()) {
      after = recorded(after, recording.get());
    }
    boolean written = after.write(sumFile);
    return new Marked(check, check.pending(), changesets.size(), written, after.lastVersion(), last);
  }

  /** The release lines of {@code before}, each after the same changeset in the rewritten file. */
  private static List<SumFile.Release> carried(SumFile before, List<ChangeSetInfo> changesets) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < changesets.size(); i++) {
      position.putIfAbsent(changesets.get(i).key(), i + 1);
    }
    List<SumFile.Release> out = new ArrayList<>();
    int previous = 0;
    for (SumFile.Release r : before.releases()) {
      int through = r.through() == 0 ? 0
          : position.getOrDefault(before.entries().get(r.through() - 1).key(), previous);
      through = Math.max(previous, through);
      out.add(SumFile.release(r.version(), through, out));
      previous = through;
    }
    return out;
  }

  /**
   * {@code file} with {@code version} recorded: a new last release line; the same version again extends the last
   * release to the new changesets (nothing when there are none).
   */
  private static SumFile recorded(SumFile file, SemanticVersion version) {
    List<SumFile.Release> releases = new ArrayList<>(file.releases());
    if (!releases.isEmpty() && releases.get(releases.size() - 1).version().sameAs(version)) {
      releases.remove(releases.size() - 1);
    } else if (releases.isEmpty() && file.entries().isEmpty()) {
      return file; // nothing released at all: no release to name
    }
    releases.add(SumFile.release(version, file.entries().size(), releases));
    return SumFile.of(file.entries(), releases);
  }
}
