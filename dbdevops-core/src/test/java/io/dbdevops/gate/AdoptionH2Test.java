package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.integrity.IntegrityCheck;
import io.dbdevops.integrity.IntegrityResult;
import io.dbdevops.integrity.ReleaseMarker;
import io.dbdevops.integrity.SumFile;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintReport;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.lint.Severity;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.shadow.ShadowSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with history adopts dbdevops: its changelog created columns and tables and later renamed and dropped them,
 * and there is no dbdevops.sum (nothing is released). {@code verify} — integrity, the gate on H2, lint with the
 * PostgreSQL rules — must pass with no ERROR finding. Once that history is marked released, a drop or rename of one of
 * its objects fails again.
 */
class AdoptionH2Test {

  private static final String MASTER = "db/changelog/db.changelog-master.xml";

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
  private GateSettings settings;

  @BeforeEach
  void history() {
    settings = new GateSettings(new ChangelogSource(dir.resolve("resources"), MASTER), dir.resolve("schema"),
        ShadowSettings.H2, List.of(), null);
    write(MASTER, """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
          <include file="changes/001-create-customers.xml" relativeToChangelogFile="true"/>
          <include file="changes/002-create-orders.xml" relativeToChangelogFile="true"/>
          <include file="changes/003-rename-email.xml" relativeToChangelogFile="true"/>
          <include file="changes/004-drop-legacy-flag.xml" relativeToChangelogFile="true"/>
          <include file="changes/005-import.sql" relativeToChangelogFile="true"/>
          <include file="changes/006-rename-orders.xml" relativeToChangelogFile="true"/>
          <include file="changes/007-narrow-name.xml" relativeToChangelogFile="true"/>
          <include file="changes/008-email-required.xml" relativeToChangelogFile="true"/>
          <include file="changes/009-drop-note.sql" relativeToChangelogFile="true"/>
          <include file="changes/010-purchase-orders-customer-fk.xml" relativeToChangelogFile="true"/>
          <include file="changes/011-purchase-orders-status.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    change("001-create-customers", """
            <createTable tableName="customers">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="name" type="varchar(200)"><constraints nullable="false"/></column>
              <column name="email_address" type="varchar(200)"/>
            </createTable>""");
    change("002-create-orders", """
            <createTable tableName="orders">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="customer_id" type="bigint"/>
              <column name="note" type="varchar(500)"/>
              <column name="legacy_flag" type="int"/>
            </createTable>""");
    change("003-rename-email", """
            <renameColumn tableName="customers" oldColumnName="email_address" newColumnName="email"
                columnDataType="varchar(200)"/>""");
    change("004-drop-legacy-flag", """
            <dropColumn tableName="orders" columnName="legacy_flag"/>""");
    write("db/changelog/changes/005-import.sql", """
        --liquibase formatted sql

        --changeset test:005-create-import
        CREATE TABLE tmp_import (id INT PRIMARY KEY, payload VARCHAR(100));
        --rollback DROP TABLE tmp_import;

        --changeset test:005-drop-import
        DROP TABLE tmp_import;
        --rollback CREATE TABLE tmp_import (id INT PRIMARY KEY, payload VARCHAR(100));
        """);
    change("006-rename-orders", """
            <renameTable oldTableName="orders" newTableName="purchase_orders"/>""");
    change("007-narrow-name", """
            <modifyDataType tableName="customers" columnName="name" newDataType="varchar(100)"/>""");
    change("008-email-required", """
            <addNotNullConstraint tableName="customers" columnName="email" columnDataType="varchar(200)"
                defaultNullValue="unknown"/>
            <addUniqueConstraint tableName="customers" columnNames="email" constraintName="uq_customers_email"/>""");
    write("db/changelog/changes/009-drop-note.sql", """
        --liquibase formatted sql

        --changeset test:009-drop-note
        ALTER TABLE purchase_orders DROP COLUMN note;
        --rollback ALTER TABLE purchase_orders ADD COLUMN note VARCHAR(500);
        """);
    change("010-purchase-orders-customer-fk", """
            <addForeignKeyConstraint baseTableName="purchase_orders" baseColumnNames="customer_id"
                constraintName="fk_purchase_orders_customer" referencedTableName="customers"
                referencedColumnNames="id"/>""");
    change("011-purchase-orders-status", """
            <addColumn tableName="purchase_orders"><column name="status" type="varchar(20)"/></addColumn>
            <createIndex tableName="purchase_orders" indexName="ix_purchase_orders_status">
              <column name="status"/>
            </createIndex>""");
    // the committed state, as `mvn dbdevops:snapshot` writes it
    gate.snapshot(settings);
  }

  /** What `mvn verify` runs: integrity against the sum file, the gate with the released point, lint of the pending part. */
  private record Verify(IntegrityResult integrity, VerifyResult result, Gate.Staged staged, LintReport lint) {
  }

  private Verify verify() {
    List<ChangeSetInfo> changesets = new ChangelogReader().read(settings.changelog());
    IntegrityResult integrity = new IntegrityCheck().check(SumFile.readOrEmpty(dir.resolve("dbdevops.sum")), changesets);
    int releasedCount = integrity.pending().isEmpty() ? 0 : integrity.released().size();
    Gate.Verified verified = gate.verify(settings, releasedCount, RoundTripScope.DEFAULT);
    Gate.Staged staged = verified.staged();
    LintContext context = LintContext.builder().dialect(Dialect.POSTGRESQL).pending(integrity.pending())
        .released(staged.released()).result(staged.built().model()).pendingChanges(staged.pendingChanges())
        .changelog(settings.changelog().path())
        .sources(ChangeSetSources.read(settings.changelog().root(), integrity.pending()))
        .rollbackRoundTrip(staged.rollbackRoundTrip()).build();
    LintReport lint = new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT);
    return new Verify(integrity, verified.result(), staged, lint);
  }

  @Test
  void withoutASumFileTheHistoryOfRenamesAndDropsPassesWithNoErrorFinding() {
    Verify v = verify();

    assertThat(v.integrity().released()).isEmpty();
    assertThat(v.integrity().pending()).hasSize(12);
    assertThat(v.result().passed()).as("state matches").isTrue();
    assertThat(v.lint().findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(v.lint().passed()).isTrue();
    // DBD602 covered only the last 10 of the 12 pending changesets, not the whole history
    RollbackRoundTrip trip = v.staged().rollbackRoundTrip().orElseThrow();
    assertThat(trip.rolledBack()).isEqualTo(10);
    assertThat(trip.pending()).isEqualTo(12);
  }

  @Test
  void aWarningAboutAForeignKeyAddedLaterInAnotherFileIsLocatedThere() {
    Verify v = verify();

    // purchase_orders (created by 002 as orders) gets its foreign key from 010 and is changed again by 011; the finding
    // points at 010
    assertThat(v.lint().findings()).filteredOn(f -> f.code().equals("DBD702")).singleElement()
        .satisfies(f -> assertThat(f.site().location())
            .isEqualTo("db/changelog/changes/010-purchase-orders-customer-fk.xml:5"));
  }

  @Test
  void onceTheHistoryIsReleasedADropOrRenameOfOneOfItsObjectsFailsAgain() {
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(dir.resolve("dbdevops.sum"),
        new ChangelogReader().read(settings.changelog()));
    assertThat(marked.written()).isTrue();
    // pending: a released column dropped, a released one renamed; a new column added and dropped again
    includeAll("100-drop-email", "101-rename-customer-name", "102-add-coupon", "103-drop-coupon");
    change("100-drop-email", """
            <dropColumn tableName="customers" columnName="email"/>""");
    change("101-rename-customer-name", """
            <renameColumn tableName="customers" oldColumnName="name" newColumnName="full_name"
                columnDataType="varchar(100)"/>""");
    change("102-add-coupon", """
            <addColumn tableName="purchase_orders"><column name="coupon" type="varchar(20)"/></addColumn>""");
    change("103-drop-coupon", """
            <dropColumn tableName="purchase_orders" columnName="coupon"/>""");
    gate.snapshot(settings);

    Verify v = verify();

    assertThat(v.integrity().released()).hasSize(12);
    assertThat(v.integrity().pending()).hasSize(4);
    List<Finding> errors = v.lint().blocking();
    assertThat(errors).extracting(Finding::code, Finding::object, f -> f.site().location()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("DBD103", "customers.email", "db/changelog/changes/100-drop-email.xml:5"),
        org.assertj.core.groups.Tuple.tuple("DBD202", "customers.name",
            "db/changelog/changes/101-rename-customer-name.xml:5"));
    assertThat(v.lint().findings()).noneMatch(f -> f.object().contains("coupon") && f.severity() == Severity.ERROR);
    assertThat(v.lint().passed()).isFalse();
  }

  private void change(String id, String body) {
    write("db/changelog/changes/" + id + ".xml", Fixtures.xmlChangeset(id, body));
  }

  private void includeAll(String... ids) {
    Path master = dir.resolve("resources").resolve(MASTER);
    try {
      String text = Files.readString(master);
      StringBuilder includes = new StringBuilder();
      for (String id : ids) {
        includes.append("  <include file=\"changes/").append(id).append(".xml\" relativeToChangelogFile=\"true\"/>\n");
      }
      Files.writeString(master, text.replace("</databaseChangeLog>", includes + "</databaseChangeLog>"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String path, String text) {
    try {
      Path file = dir.resolve("resources").resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
