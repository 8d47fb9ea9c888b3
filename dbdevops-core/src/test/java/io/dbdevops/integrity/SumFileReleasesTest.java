package io.dbdevops.integrity;

import static io.dbdevops.integrity.Changesets.cs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.release.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release lines of the integrity file: text, hash, round trip, old files, and what mark-released records. */
class SumFileReleasesTest {

  @TempDir
  Path dir;

  private static final List<ChangeSetInfo> TWO = List.of(cs("001", "aa"), cs("002", "bb"));
  private static final List<ChangeSetInfo> THREE = List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"));

  private static Optional<SemanticVersion> v(String text) {
    return Optional.of(SemanticVersion.parse(text));
  }

  private SumFile twoReleases() {
    SumFile first = SumFile.releasing(TWO).withRelease(SemanticVersion.parse("1.0.0"));
    List<SumFile.Release> releases = new ArrayList<>(first.releases());
    releases.add(SumFile.release(SemanticVersion.parse("1.1.0"), 3, releases));
    return SumFile.of(SumFile.releasing(THREE).entries(), releases);
  }

  @Test
  void aReleaseLineFollowsTheChangesetsEachReleaseAdded() {
    SumFile sum = twoReleases();
    assertThat(sum.render()).isEqualTo("""
        # dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; do not edit by hand
        # file id author checksum, in changelog order; the last line is h1: + base64(SHA-256) of the lines above it
        # release V: the project version that released the changesets above it (since the release line before it)
        db/changelog/changes/001.xml 001 team 9:aa
        db/changelog/changes/002.xml 002 team 9:bb
        release 1.0.0
        db/changelog/changes/003.xml 003 team 9:cc
        release 1.1.0
        %s
        """.formatted(sum.hash()));
    assertThat(sum.releases()).extracting(r -> r.version().toString(), SumFile.Release::through,
        SumFile.Release::changesets).containsExactly(org.assertj.core.groups.Tuple.tuple("1.0.0", 2, 2),
        org.assertj.core.groups.Tuple.tuple("1.1.0", 3, 1));
    assertThat(sum.lastVersion()).hasToString("Optional[1.1.0]");
  }

  @Test
  void roundTripKeepsTheReleasesAndTheHashCoversThem() {
    SumFile sum = twoReleases();
    SumFile read = SumFile.parse(sum.render(), "dbdevops.sum");
    assertThat(read).isEqualTo(sum);
    assertThat(read.intact()).isTrue();
    assertThat(sum.hash()).isNotEqualTo(SumFile.releasing(THREE).hash());
    String edited = sum.render().replace("release 1.1.0", "release 1.2.0");
    assertThat(SumFile.parse(edited, "s").problem()).contains("its h1: hash line does not match its entries");
    String moved = sum.render().replace("release 1.0.0\n", "").replace("release 1.1.0", "release 1.0.0\nrelease 1.1.0");
    assertThat(SumFile.parse(moved, "s").intact()).isFalse();
  }

  @Test
  void aFileWithoutReleaseLinesStillVerifiesAndMeansVersionUnknown() {
    // the bytes mark-released wrote before versions were recorded
    String old = """
        # dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; do not edit by hand
        # file id author checksum, in changelog order; the last line is h1: + base64(SHA-256) of the lines above it
        db/changelog/changes/001.xml 001 team 9:aa
        db/changelog/changes/002.xml 002 team 9:bb
        h1:FwNnrnmHMZDGkgWgNnzR2dWsD3wBH7UopIjTjk8awQU=
        """;
    SumFile read = SumFile.parse(old, "dbdevops.sum");
    assertThat(read.intact()).as("problem %s", read.problem()).isTrue();
    assertThat(read.releases()).isEmpty();
    assertThat(read.lastVersion()).isEmpty();
    assertThat(read.render()).isEqualTo(old);
  }

  @Test
  void aReleaseLineThatIsNoVersionNamesTheLine() {
    String bad = twoReleases().render().replace("release 1.0.0", "release next");
    assertThatThrownBy(() -> SumFile.parse(bad, "src/main/db/dbdevops.sum")).isInstanceOf(SumFileException.class)
        .hasMessageStartingWith("src/main/db/dbdevops.sum line 6: 'next' in the release line is not a version");
  }

  @Test
  void markReleasedRecordsTheProjectVersionASnapshotAsItsRelease() throws Exception {
    Path sum = dir.resolve("dbdevops.sum");
    ReleaseMarker.Marked first = new ReleaseMarker().mark(sum, TWO, v("1.0.0-SNAPSHOT"));
    assertThat(first.version()).isEqualTo(v("1.0.0"));
    assertThat(first.previous()).isEmpty();
    assertThat(Files.readString(sum)).contains("db/changelog/changes/002.xml 002 team 9:bb\nrelease 1.0.0\nh1:");

    ReleaseMarker.Marked second = new ReleaseMarker().mark(sum, THREE, v("1.1.0"));
    assertThat(second.newlyReleased()).extracting(ChangeSetInfo::id).containsExactly("003");
    assertThat(second.previous()).isEqualTo(v("1.0.0"));
    assertThat(SumFile.read(sum)).isEqualTo(twoReleases());
  }

  @Test
  void theSameVersionWithNothingNewChangesNothing() throws Exception {
    Path sum = dir.resolve("dbdevops.sum");
    new ReleaseMarker().mark(sum, TWO, v("1.0.0"));
    byte[] before = Files.readAllBytes(sum);
    ReleaseMarker.Marked again = new ReleaseMarker().mark(sum, TWO, v("1.0.0-SNAPSHOT"));
    assertThat(again.written()).isFalse();
    assertThat(again.newlyReleased()).isEmpty();
    assertThat(Files.readAllBytes(sum)).isEqualTo(before);
  }

  @Test
  void aVersionBelowTheLastRecordedOneIsRefusedNamingFileAndVersions() throws Exception {
    Path sum = dir.resolve("dbdevops.sum");
    new ReleaseMarker().mark(sum, TWO, v("1.2.0"));
    byte[] before = Files.readAllBytes(sum);
    assertThatThrownBy(() -> new ReleaseMarker().mark(sum, THREE, v("1.1.9"))).isInstanceOf(SumFileException.class)
        .hasMessage(sum + ": cannot record version 1.1.9: the last release it records is 1.2.0 and versions only go "
            + "up; set the project version to 1.2.0 or higher");
    assertThat(Files.readAllBytes(sum)).isEqualTo(before);
  }

  @Test
  void theSameVersionWithNewChangesetsExtendsThatRelease() {
    Path sum = dir.resolve("dbdevops.sum");
    new ReleaseMarker().mark(sum, TWO, v("1.0.0"));
    new ReleaseMarker().mark(sum, THREE, v("1.0.0"));
    assertThat(SumFile.read(sum).releases()).extracting(SumFile.Release::through).containsExactly(3);
  }

  @Test
  void releaseLinesSurviveAMarkWithoutVersionAndAnOldFileGetsItsFirstLine() {
    Path sum = dir.resolve("dbdevops.sum");
    new ReleaseMarker().mark(sum, TWO);
    assertThat(SumFile.read(sum).releases()).isEmpty();
    new ReleaseMarker().mark(sum, TWO, v("1.0.0"));
    assertThat(SumFile.read(sum).releases()).extracting(SumFile.Release::through).containsExactly(2);
    new ReleaseMarker().mark(sum, THREE);
    SumFile read = SumFile.read(sum);
    assertThat(read.entries()).hasSize(3);
    assertThat(read.releases()).extracting(SumFile.Release::through).containsExactly(2);
    assertThat(read.lastVersion()).isEqualTo(v("1.0.0"));
    // a higher version with nothing new: a release that added no changeset
    new ReleaseMarker().mark(sum, THREE, v("1.1.0"));
    new ReleaseMarker().mark(sum, THREE, v("1.2.0"));
    assertThat(SumFile.read(sum).releases()).extracting(SumFile.Release::changesets).containsExactly(2, 1, 0);
  }
}
