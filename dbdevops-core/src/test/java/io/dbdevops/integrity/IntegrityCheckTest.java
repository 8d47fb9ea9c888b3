package io.dbdevops.integrity;

import static io.dbdevops.integrity.Changesets.cs;
import static io.dbdevops.integrity.Changesets.withValidCheckSums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.gate.Fixtures;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.liquibase.ChangelogSelection;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.liquibase.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  // --- the changesets the update selects: contexts, labels, dbms ------------------------------------------------------

  @Test
  void idsReusedInExclusiveContextsAreReleasedOnceForTheSelectedContext() throws Exception {
    ChangelogSource changelog = contextSplitChangelog();
    Path sum = dir.resolve("dbdevops.sum");
    Selection postgres = new Selection(new UpdateOptions(Optional.of("postgresql"), Optional.empty(), Map.of()),
        Dialect.H2);

    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, changelog, postgres);

    assertThat(marked.refused()).isFalse();
    assertThat(marked.newlyReleased()).extracting(ChangeSetInfo::id, ChangeSetInfo::line)
        .containsExactly(tuple("001-base", 5), tuple("002-status", 6), tuple("003-index", 8), tuple("003b-h2-only", 10));
    assertThat(SumFile.read(sum).entries()).extracting(SumFile.Entry::id).containsExactly("001-base", "002-status",
        "003-index", "003b-h2-only");
    IntegrityResult again = check.check(SumFile.read(sum), new ChangelogReader().read(changelog, postgres));
    assertThat(again.passed()).isTrue();
    assertThat(again.released()).hasSize(4);
    assertThat(again.pending()).isEmpty();
  }

  @Test
  void aReusedIdBothSelectedIsStillADuplicateWithTheFix() throws Exception {
    ChangelogSource changelog = contextSplitChangelog();
    // no contexts: Liquibase runs both 002-status variants, and refuses the changelog
    List<ChangeSetInfo> all = new ChangelogReader().read(changelog, new Selection(UpdateOptions.DEFAULT, Dialect.H2));

    IntegrityResult result = check.check(SumFile.EMPTY, all);

    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo(IntegrityRule.OUT_OF_ORDER);
      assertThat(v.location()).isEqualTo("db/changelog/db.changelog-master.xml:7");
      assertThat(v.why()).isEqualTo("duplicate changeset: db/changelog/db.changelog-master.xml::002-status::a is also "
          + "at db/changelog/db.changelog-master.xml:6; Liquibase identifies a changeset by file (its logicalFilePath "
          + "when set), id and author, and refuses an update that selects both (duplicate identifiers)");
      assertThat(v.fix()).startsWith("give the later one an id of its own; if the two are variants for different "
          + "databases or environments, make their dbms, context or labels mutually exclusive");
    });
    ReleaseMarker.Marked refused = new ReleaseMarker().mark(dir.resolve("dbdevops.sum"), all);
    assertThat(refused.refused()).isTrue();
    assertThat(dir.resolve("dbdevops.sum")).doesNotExist();
  }

  @Test
  void theReleasedPointOnAShadowOfAnotherDbmsCountsItsOwnSelection() throws Exception {
    ChangelogSource changelog = contextSplitChangelog();
    UpdateOptions postgres = new UpdateOptions(Optional.of("postgresql"), Optional.empty(), Map.of());
    Path sum = dir.resolve("dbdevops.sum");
    // released for PostgreSQL (002 and the postgresql 003), then a pending changeset
    new ReleaseMarker().mark(sum, changelog, new Selection(postgres, Dialect.POSTGRESQL));
    Path master = changelog.file();
    Files.writeString(master, Files.readString(master).replace("</databaseChangeLog>",
        "  <changeSet id=\"004-next\" author=\"a\"><sql>SELECT 4</sql></changeSet>\n</databaseChangeLog>"));
    IntegrityResult result = check.check(SumFile.read(sum),
        new ChangelogReader().read(changelog, new Selection(postgres, Dialect.POSTGRESQL)));
    assertThat(result.released()).hasSize(3);
    assertThat(result.pending()).extracting(ChangeSetInfo::id).containsExactly("004-next");

    // an H2 shadow selects the h2 variant of 003 and the h2-only 003b: the released point is after 003b there
    List<ChangelogSelection.ChangeSetRef> onH2 = new ChangelogSelection().select(changelog,
        new Selection(postgres, Dialect.H2));
    assertThat(onH2).extracting(ChangelogSelection.ChangeSetRef::id).containsExactly("001-base", "002-status",
        "003-index", "003b-h2-only", "004-next");
    assertThat(result.releasedPointIn(onH2)).isEqualTo(3);
  }

  /** 002-status per context (postgresql / mysql); 003-index per dbms (h2 / postgresql); an h2-only 003b. */
  private ChangelogSource contextSplitChangelog() throws Exception {
    Path file = dir.resolve("resources/db/changelog/db.changelog-master.xml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
          <changeSet id="001-base" author="a"><sql>SELECT 1</sql></changeSet>
          <changeSet id="002-status" author="a" context="postgresql"><sql>SELECT 'pg'</sql></changeSet>
          <changeSet id="002-status" author="a" context="mysql"><sql>SELECT 'my'</sql></changeSet>
          <changeSet id="003-index" author="a" dbms="h2"><sql>SELECT 'h2'</sql></changeSet>
          <changeSet id="003-index" author="a" dbms="postgresql"><sql>SELECT 'pg'</sql></changeSet>
          <changeSet id="003b-h2-only" author="a" dbms="h2"><sql>SELECT 'h2 only'</sql></changeSet>
        </databaseChangeLog>
        """);
    return new ChangelogSource(dir.resolve("resources"), "db/changelog/db.changelog-master.xml");
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
