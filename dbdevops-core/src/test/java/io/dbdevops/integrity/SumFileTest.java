package io.dbdevops.integrity;

import static io.dbdevops.integrity.Changesets.cs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.integrity.SumFile.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity file: its exact text, round trip, determinism, and what a hand edit or a bad merge looks like. */
class SumFileTest {

  @TempDir
  Path dir;

  private final SumFile three = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc")));

  @Test
  void textIsAHeaderOneLinePerReleasedChangesetAndAHashLine() {
    assertThat(three.render()).isEqualTo("""
        # dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; do not edit by hand
        # file id author checksum, in changelog order; the last line is h1: + base64(SHA-256) of the lines above it
        db/changelog/changes/001.xml 001 team 9:aa
        db/changelog/changes/002.xml 002 team 9:bb
        db/changelog/changes/003.xml 003 team 9:cc
        %s
        """.formatted(three.hash()));
    assertThat(three.hash()).startsWith("h1:").hasSize(3 + 44);
  }

  @Test
  void roundTripGivesTheSameEntriesAndAnIntactFile() {
    SumFile read = SumFile.parse(three.render(), "dbdevops.sum");
    assertThat(read.entries()).isEqualTo(three.entries());
    assertThat(read.intact()).isTrue();
    assertThat(read.recordedHash()).contains(three.hash());
    assertThat(read.render()).isEqualTo(three.render());
  }

  @Test
  void fieldsWithSpacesOrPercentSurviveTheRoundTrip() {
    SumFile odd = SumFile.of(List.of(new Entry("db/my changes/a.sql", "add column 100%", "Jane Doe", "9:ff")));
    assertThat(odd.render()).contains("db/my%20changes/a.sql add%20column%20100%25 Jane%20Doe 9:ff\n");
    assertThat(SumFile.parse(odd.render(), "x").entries()).isEqualTo(odd.entries());
  }

  @Test
  void sameChangesetsGiveTheSameBytesAndRewritingIsANoOp() throws Exception {
    Path file = dir.resolve("src/main/db/dbdevops.sum");
    assertThat(three.write(file)).isTrue();
    byte[] first = Files.readAllBytes(file);
    SumFile again = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc")));
    assertThat(again.write(file)).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
    assertThat(SumFile.read(file)).isEqualTo(three);
  }

  @Test
  void noFileIsNothingReleased() {
    SumFile none = SumFile.readOrEmpty(dir.resolve("missing.sum"));
    assertThat(none.entries()).isEmpty();
    assertThat(none.intact()).isTrue();
  }

  @Test
  void anEditedEntryNoLongerMatchesTheHashLine() {
    String edited = three.render().replace("002 team 9:bb", "002 team 9:b0");
    SumFile read = SumFile.parse(edited, "dbdevops.sum");
    assertThat(read.intact()).isFalse();
    assertThat(read.problem()).contains("its h1: hash line does not match its entries");
    assertThat(read.entries()).extracting(Entry::checksum).containsExactly("9:aa", "9:b0", "9:cc");
  }

  @Test
  void anAppendedEntryWithoutANewHashIsNotIntact() {
    String appended = three.render().replace(three.hash(), "db/changelog/changes/004.xml 004 team 9:dd\n" + three.hash());
    assertThat(SumFile.parse(appended, "dbdevops.sum").problem()).contains("its h1: hash line does not match its entries");
  }

  @Test
  void aMergeResolvedByKeepingBothSidesIsNotIntact() {
    SumFile a = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"), cs("004", "dd")));
    SumFile b = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"), cs("005", "ee")));
    String both = a.render().replace(a.hash(), "db/changelog/changes/005.xml 005 team 9:ee\n" + a.hash() + "\n" + b.hash());
    SumFile read = SumFile.parse(both, "dbdevops.sum");
    assertThat(read.problem()).contains("it has 2 h1: hash lines");
    assertThat(read.entries()).hasSize(5);
  }

  @Test
  void aMissingOrMisplacedHashLineIsNotIntact() {
    assertThat(SumFile.parse(three.render().replace(three.hash() + "\n", ""), "s").problem()).contains("it has no h1: hash line");
    String moved = three.render().replace(three.hash() + "\n", "")
        .replace("db/changelog/changes/003.xml", three.hash() + "\ndb/changelog/changes/003.xml");
    assertThat(SumFile.parse(moved, "s").problem()).contains("its h1: hash line is not its last line");
  }

  @Test
  void conflictMarkersAreAnUnresolvedMergeNamingTheLineAndTheFix() {
    String conflicted = three.render().replace(three.hash(),
        "<<<<<<< HEAD\ndb/changelog/changes/004.xml 004 team 9:dd\nh1:x\n=======\nh1:y\n>>>>>>> other");
    assertThatThrownBy(() -> SumFile.parse(conflicted, "src/main/db/dbdevops.sum")).isInstanceOf(SumFileException.class)
        .hasMessageStartingWith("src/main/db/dbdevops.sum line 6: unresolved merge conflict (<<<<<<<)")
        .hasMessageContaining("run mvn dbdevops:mark-released");
  }

  @Test
  void aLineThatIsNoEntryNamesTheLine() {
    String garbage = three.render().replace("002 team 9:bb", "002 team");
    assertThatThrownBy(() -> SumFile.parse(garbage, "dbdevops.sum")).isInstanceOf(SumFileException.class)
        .hasMessageStartingWith("dbdevops.sum line 4: not an entry 'file id author checksum'");
  }

  @Test
  void windowsLineEndingsReadTheSame() {
    SumFile read = SumFile.parse(three.render().replace("\n", "\r\n"), "s");
    assertThat(read.intact()).isTrue();
    assertThat(read.entries()).isEqualTo(three.entries());
  }
}
