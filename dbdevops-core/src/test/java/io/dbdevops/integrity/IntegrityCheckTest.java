package io.dbdevops.integrity;

import static io.dbdevops.integrity.Changesets.cs;
import static io.dbdevops.integrity.Changesets.withValidCheckSums;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Released versus pending, and the DBD801 / DBD802 findings, from the integrity file and the changelog. */
class IntegrityCheckTest {

  @TempDir
  Path dir;

  private final IntegrityCheck check = new IntegrityCheck();
  private final SumFile releasedTwo = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb")));

  @Test
  void withoutAnIntegrityFileEverythingIsPending() {
    IntegrityResult result = check.check(SumFile.EMPTY, List.of(cs("001", "aa"), cs("002", "bb")));
    assertThat(result.released()).isEmpty();
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("001", "002");
    assertThat(result.passed()).isTrue();
  }

  @Test
  void changesetsAfterTheLastReleasedOneArePending() {
    IntegrityResult result = check.check(releasedTwo, List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"), cs("004", "dd")));
    assertThat(result.released()).extracting(ChangeSetInfo::id).containsExactly("001", "002");
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("003", "004");
    assertThat(result.violations()).isEmpty();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void anEditedReleasedChangesetIsDbd801NamingFileLineAndBothChecksums() {
    IntegrityResult result = check.check(releasedTwo, List.of(cs("001", "aa"), cs("002", "b2"), cs("003", "cc")));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.EDITED_RELEASED_CHANGESET);
      assertThat(v.message()).isEqualTo("DBD801 edited-released-changeset: changeset 002 by team "
          + "(db/changelog/changes/002.xml:8) — released changeset was edited: checksum 9:bb when released, 9:b2 now; "
          + "environments that already ran it keep the old version, new ones get the new one, and Liquibase refuses to "
          + "update the old ones; fix: never edit a released changeset: restore it and add a new changeset that makes "
          + "the change; if the edit is intended and harmless (a comment, formatting), declare the released checksum in "
          + "the changeset: <validCheckSum>9:bb</validCheckSum>; see docs/rules/DBD801.md");
    });
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("003");
  }

  @Test
  void anEditDeclaredWithValidCheckSumIsAccepted() {
    assertThat(check.check(releasedTwo, List.of(cs("001", "aa"), withValidCheckSums(cs("002", "b2"), "9:bb"))).passed()).isTrue();
    assertThat(check.check(releasedTwo, List.of(cs("001", "aa"), withValidCheckSums(cs("002", "b2"), "1:any"))).passed()).isTrue();
    assertThat(check.check(releasedTwo, List.of(cs("001", "aa"), withValidCheckSums(cs("002", "b2"), "9:zz"))).passed()).isFalse();
  }

  @Test
  void aNewChangesetInsertedBeforeReleasedOnesIsDbd802() {
    IntegrityResult result = check.check(releasedTwo, List.of(cs("001", "aa"), cs("001b", "xx"), cs("002", "bb"), cs("003", "cc")));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.OUT_OF_ORDER);
      assertThat(v.changeset()).isEqualTo("changeset 001b by team");
      assertThat(v.location()).isEqualTo("db/changelog/changes/001b.xml:8");
      assertThat(v.message()).startsWith("DBD802 out-of-order: changeset 001b by team (db/changelog/changes/001b.xml:8) — "
          + "new changeset placed before released changeset 002 by team (db/changelog/changes/002.xml:8)")
          .endsWith("; see docs/rules/DBD802.md");
    });
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("001b", "003");
  }

  @Test
  void aDuplicateChangesetIsDbd802() {
    ChangeSetInfo again = new ChangeSetInfo("db/changelog/changes/003.xml", "003", "team", "9:c2", 20, true, false,
        java.util.Optional.empty(), List.of());
    IntegrityResult result = check.check(releasedTwo, List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"), again));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.OUT_OF_ORDER);
      assertThat(v.location()).isEqualTo("db/changelog/changes/003.xml:20");
      assertThat(v.why()).startsWith("duplicate changeset: db/changelog/changes/003.xml::003::team is also at "
          + "db/changelog/changes/003.xml:8");
    });
  }

  @Test
  void aReleasedChangesetMissingFromTheChangelogIsDbd802() {
    IntegrityResult result = check.check(releasedTwo, List.of(cs("002", "bb"), cs("003", "cc")));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.OUT_OF_ORDER);
      assertThat(v.message()).startsWith("DBD802 out-of-order: changeset 001 by team (db/changelog/changes/001.xml) — "
          + "released changeset is missing from the changelog");
    });
  }

  @Test
  void releasedChangesetsSwappedInTheChangelogAreDbd802() {
    IntegrityResult result = check.check(releasedTwo, List.of(cs("002", "bb"), cs("001", "aa")));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.OUT_OF_ORDER);
      assertThat(v.changeset()).isEqualTo("changeset 001 by team");
      assertThat(v.why()).startsWith("released changesets were reordered");
    });
  }

  @Test
  void aTamperedIntegrityFileFailsWithTheFix() {
    SumFile tampered = SumFile.parse(releasedTwo.render().replace("9:bb", "9:b2"), "dbdevops.sum");
    IntegrityResult result = check.check(tampered, List.of(cs("001", "aa"), cs("002", "b2")));
    assertThat(result.violations()).isEmpty();
    assertThat(result.passed()).isFalse();
    assertThat(result.sumFileMessage("src/main/db/dbdevops.sum")).contains("src/main/db/dbdevops.sum was edited by hand "
        + "or merged without resolving (its h1: hash line does not match its entries): run mvn dbdevops:mark-released to "
        + "rewrite it from the changelog (after a merge conflict on it, keep one side first: git checkout --ours -- "
        + "src/main/db/dbdevops.sum, or --theirs), then review its diff and commit it");
  }

  // --- marking --------------------------------------------------------------------------------------------------------

  @Test
  void markingReleasesEveryChangesetAndCountsTheNewOnes() {
    Path sum = dir.resolve("dbdevops.sum");
    releasedTwo.write(sum);
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc")));
    assertThat(marked.refused()).isFalse();
    assertThat(marked.written()).isTrue();
    assertThat(marked.newlyReleased()).extracting(ChangeSetInfo::id).containsExactly("003");
    assertThat(marked.released()).isEqualTo(3);
    assertThat(SumFile.read(sum).entries()).extracting(SumFile.Entry::id).containsExactly("001", "002", "003");

    ReleaseMarker.Marked again = new ReleaseMarker().mark(sum, List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc")));
    assertThat(again.newlyReleased()).isEmpty();
    assertThat(again.written()).isFalse();
  }

  @Test
  void markingRefusesAnEditedReleasedChangesetAndLeavesTheFileAlone() throws Exception {
    Path sum = dir.resolve("dbdevops.sum");
    releasedTwo.write(sum);
    String before = Files.readString(sum);
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, List.of(cs("001", "aa"), cs("002", "b2"), cs("003", "cc")));
    assertThat(marked.refused()).isTrue();
    assertThat(marked.check().violations()).extracting(v -> v.rule().code()).containsExactly("DBD801");
    assertThat(Files.readString(sum)).isEqualTo(before);
  }

  @Test
  void markingRewritesAFileMergedByHandWhenItsEntriesAgreeWithTheChangelog() throws Exception {
    Path sum = dir.resolve("dbdevops.sum");
    SumFile a = SumFile.releasing(List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc")));
    Files.writeString(sum, a.render().replace(a.hash(), "db/changelog/changes/004.xml 004 team 9:dd\n" + a.hash()));
    List<ChangeSetInfo> changelog = List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"), cs("004", "dd"));
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, changelog);
    assertThat(marked.check().sumFileProblem()).isPresent();
    assertThat(marked.written()).isTrue();
    assertThat(SumFile.read(sum)).isEqualTo(SumFile.releasing(changelog));
  }

  // --- end to end with the example project's changelog ---------------------------------------------------------------

  @Test
  void editingAReleasedChangesetOfTheExampleIsDbd801AtItsLine() throws Exception {
    Fixtures.example(dir);
    ChangelogSource changelog = new ChangelogSource(dir.resolve("resources"), Fixtures.MASTER);
    Path sum = dir.resolve("dbdevops.sum");
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, new ChangelogReader().read(changelog));
    assertThat(marked.newlyReleased()).hasSize(7);

    Fixtures.addChangeset(dir, "100-coupon.xml", Fixtures.xmlChangeset("100-coupon",
        "<addColumn tableName=\"orders\"><column name=\"coupon_code\" type=\"VARCHAR(30)\"/></addColumn>"));
    Path products = dir.resolve("resources/db/changelog/changes/002-create-products.xml");
    Files.writeString(products, Files.readString(products).replace("VARCHAR(200)", "VARCHAR(300)"));

    IntegrityResult result = check.check(SumFile.read(sum), new ChangelogReader().read(changelog));
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.EDITED_RELEASED_CHANGESET);
      assertThat(v.location()).isEqualTo("db/changelog/changes/002-create-products.xml:8");
      assertThat(v.changeset()).isEqualTo("changeset 002-create-products by orders-team");
    });
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("100-coupon");
  }
}
