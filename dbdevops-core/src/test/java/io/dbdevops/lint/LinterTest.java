package io.dbdevops.lint;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.model.SchemaModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

  private final Linter linter = new Linter(RuleRegistry.load());

  private static final ChangeSetInfo DROP_NOTE = changeSet("100-drop-note",
      change("dropColumn", "tableName", "orders", "columnName", "note"));

  /** The state after 100-drop-note. */
  private static SchemaModel withoutNote() {
    return model(table("orders", column("id", "bigint", false), column("customer_id", "bigint", false),
        column("status", "varchar(20)", false)));
  }

  @Test
  void oneDropSeenInTheChangeAndInTheStateDiffIsOneFindingAtTheChangeset() {
    LintReport report = linter.lint(context(Dialect.H2, model(orders()), withoutNote(), DROP_NOTE), LintSettings.DEFAULT);

    List<Finding> drops = report.findings().stream().filter(f -> f.code().equals("DBD103")).toList();
    assertThat(drops).hasSize(1);
    assertThat(drops.get(0).site().origin()).isEqualTo(Finding.Origin.CHANGE);
    assertThat(drops.get(0).site().location()).isEqualTo("db/changelog/changes/100-drop-note.xml:8");
    assertThat(report.passed()).isFalse();
    assertThat(report.count(Severity.ERROR)).isEqualTo(1);
  }

  @Test
  void aDropInRawSqlIsAttributedFromTheStateDiffWhenTheSqlCannotBeRead() {
    // a DO block is not judged statement by statement; the state diff still sees the drop
    ChangeSetInfo cs = changeSet("101", sql("DO $$ BEGIN EXECUTE 'ALTER TABLE orders DROP COLUMN note'; END $$"));
    LintReport report = linter.lint(context(Dialect.H2, model(orders()), withoutNote(), cs), LintSettings.DEFAULT);

    Finding drop = report.findings().stream().filter(f -> f.code().equals("DBD103")).findFirst().orElseThrow();
    assertThat(drop.site().origin()).isEqualTo(Finding.Origin.STATE);
    assertThat(drop.site().changeSetId()).contains("101");
  }

  @Test
  void anAllowWithAReasonAcceptsTheFindingAndKeepsItInTheReport() {
    ChangeSetInfo cs = withComment(DROP_NOTE, "dbdevops:allow DBD103 \"column unused since 2.3, see JIRA-12\"");
    LintReport report = linter.lint(context(Dialect.H2, model(orders()), withoutNote(), cs), LintSettings.DEFAULT);

    Finding drop = report.findings().stream().filter(f -> f.code().equals("DBD103")).findFirst().orElseThrow();
    assertThat(drop.acceptedReason()).contains("column unused since 2.3, see JIRA-12");
    assertThat(report.blocks(drop)).isFalse();
    assertThat(report.passed()).isTrue();
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.summary()).isEqualTo("0 errors, 1 warning, 1 accepted");
  }

  @Test
  void anAllowInAnXmlCommentOfTheChangesetTextCountsToo() {
    LintContext ctx = LintContext.builder().dialect(Dialect.H2).released(model(orders())).result(withoutNote())
        .pending(List.of(DROP_NOTE)).sources(Map.of(DROP_NOTE.key(), """
            <!-- dbdevops:allow DBD103, DBD601 "archived to cold storage in 2.4" -->
            <changeSet id="100-drop-note" author="dev">
              <dropColumn tableName="orders" columnName="note"/>
            </changeSet>""")).build();
    LintReport report = linter.lint(ctx, LintSettings.DEFAULT);

    assertThat(report.findings()).allMatch(Finding::accepted);
    assertThat(report.findings()).extracting(Finding::code).containsExactly("DBD103", "DBD601");
  }

  @Test
  void anXmlEscapedReasonInTheChangesetTextIsTheSameAcceptance() {
    ChangeSetInfo cs = withComment(DROP_NOTE, "dbdevops:allow DBD103 \"unused since 2.3\"");
    LintContext ctx = LintContext.builder().dialect(Dialect.H2).released(model(orders())).result(withoutNote())
        .pending(List.of(cs)).sources(Map.of(cs.key(), """
            <changeSet id="100-drop-note" author="dev">
              <comment>dbdevops:allow DBD103 &quot;unused since 2.3&quot;</comment>
              <dropColumn tableName="orders" columnName="note"/>
            </changeSet>""")).build();
    LintReport report = linter.lint(ctx, LintSettings.DEFAULT);

    assertThat(report.findings()).extracting(Finding::code).doesNotContain("DBD000");
    assertThat(report.findings()).filteredOn(f -> f.code().equals("DBD103")).allMatch(Finding::accepted);
  }

  @Test
  void anAllowWithoutAReasonIsAnErrorExplainingTheSyntaxAndAcceptsNothing() {
    ChangeSetInfo cs = withComment(DROP_NOTE, "dbdevops:allow DBD103");
    LintReport report = linter.lint(context(Dialect.H2, model(orders()), withoutNote(), cs), LintSettings.DEFAULT);

    assertThat(report.findings()).extracting(Finding::code).contains("DBD000", "DBD103");
    Finding invalid = report.findings().stream().filter(f -> f.code().equals("DBD000")).findFirst().orElseThrow();
    assertThat(invalid.severity()).isEqualTo(Severity.ERROR);
    assertThat(invalid.message()).isEqualTo("`dbdevops:allow DBD103` is written without a reason");
    assertThat(invalid.fix()).contains("dbdevops:allow DBD103 \"why this is safe here\"");
    assertThat(report.findings()).noneMatch(Finding::accepted);
  }

  @Test
  void anAllowOfAnUnknownRuleIsAnError() {
    ChangeSetInfo cs = withComment(DROP_NOTE, "dbdevops:allow DBD999 \"typo\"");
    LintReport report = linter.lint(context(Dialect.H2, model(orders()), withoutNote(), cs), LintSettings.DEFAULT);

    assertThat(report.findings()).filteredOn(f -> f.code().equals("DBD000")).extracting(Finding::message)
        .containsExactly("`dbdevops:allow DBD999 \"typo\"` is written naming no known rule (DBD999)");
  }

  @Test
  void configuredSeveritiesDisabledRulesAndFailOnDecideTheOutcome() {
    LintContext ctx = context(Dialect.H2, model(orders()), withoutNote(), DROP_NOTE);

    LintReport warnOnly = linter.lint(ctx, new LintSettings(Optional.of(Severity.ERROR), Map.of("DBD103", Severity.WARN),
        Set.of()));
    assertThat(warnOnly.passed()).isTrue();
    assertThat(warnOnly.count(Severity.WARN)).isEqualTo(2);

    LintReport strict = linter.lint(ctx, new LintSettings(Optional.of(Severity.WARN), Map.of("DBD103", Severity.WARN),
        Set.of()));
    assertThat(strict.passed()).isFalse();

    LintReport disabled = linter.lint(ctx, new LintSettings(Optional.of(Severity.ERROR), Map.of(), Set.of("DBD103")));
    assertThat(disabled.findings()).extracting(Finding::code).doesNotContain("DBD103");
    assertThat(disabled.rules()).extracting(LintReport.RuleInfo::code).doesNotContain("DBD103");

    LintReport never = linter.lint(ctx, new LintSettings(Optional.empty(), Map.of(), Set.of()));
    assertThat(never.passed()).isTrue();
  }

  @Test
  void unknownCodesInTheSettingsAreRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> linter.lint(context(Dialect.H2, SchemaModel.EMPTY, SchemaModel.EMPTY),
        LintSettings.of(Optional.of(Severity.ERROR), Map.of("DBD13", "OFF"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown rule code DBD13")
        .hasMessageContaining("DBD103");
    assertThatThrownBy(() -> LintSettings.of(Optional.empty(), Map.of("DBD103", "FATAL")))
        .hasMessageContaining("rule DBD103: 'FATAL' is not a severity (use ERROR, WARN, INFO or OFF)");
  }

  @Test
  void findingsAreSortedByFileLineAndCodeAndLockRulesOnlyRunForTheirDialect() {
    ChangeSetInfo a = new ChangeSetInfo("db/a.xml", "a", "dev", "9:0", 30, true, false, Optional.empty(),
        List.of(change("createIndex", List.of(col("status")), "tableName", "orders", "indexName", "ix_s")));
    ChangeSetInfo b = new ChangeSetInfo("db/a.xml", "b", "dev", "9:0", 10, true, false, Optional.empty(),
        List.of(sql("DROP TABLE customers")));
    LintReport pg = linter.lint(changes(Dialect.POSTGRESQL, model(orders(), customers()), a, b), LintSettings.DEFAULT);
    LintReport h2 = linter.lint(changes(Dialect.H2, model(orders(), customers()), a, b), LintSettings.DEFAULT);

    assertThat(pg.findings()).extracting(f -> f.site().line() + " " + f.code())
        .containsExactly("10 DBD101", "10 DBD408", "10 DBD601", "30 DBD401", "30 DBD408");
    assertThat(h2.findings()).extracting(Finding::code).containsExactly("DBD101", "DBD601");
    assertThat(h2.skipped()).extracting(LintReport.RuleInfo::code).contains("DBD401", "DBD408", "DBD409", "DBD702");
  }
}
