package io.dbdevops.lint.rules;

import static io.dbdevops.lint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.gate.RollbackRoundTrip;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollbackRoundTripRuleTest {

  private final RollbackRoundTripRule rule = new RollbackRoundTripRule();

  private final ChangeSetInfo addCoupon = changeSet("100-coupon",
      change("addColumn", List.of(col("coupon_code", "varchar(20)", true, null)), "tableName", "orders"));
  private final ChangeSetInfo other = changeSet("101-other", change("createIndex", List.of(col("status")),
      "tableName", "orders", "indexName", "ix_status"));

  private LintContext context(Optional<RollbackRoundTrip> trip) {
    return LintContext.builder().dialect(Dialect.H2).released(model(orders())).result(model(orders()))
        .pending(List.of(addCoupon, other)).changelog("db/changelog/db.changelog-master.xml").rollbackRoundTrip(trip)
        .build();
  }

  @Test
  void firesWhenTheRollbackLeavesAColumnAndPointsAtTheChangesetThatAddedIt() {
    SchemaChange left = new SchemaChange.ColumnAdded("orders", column("coupon_code", "varchar(20)", true));

    List<Finding> f = rule.check(context(Optional.of(RollbackRoundTrip.compared(List.of(left), List.of()))));

    assertThat(f).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("DBD602");
      assertThat(finding.message()).startsWith(
          "after rolling back the pending changesets, table orders still has column coupon_code");
      assertThat(finding.site().changeSetId()).contains("100-coupon");
    });
  }

  @Test
  void firesWhenTheUpdateAfterTheRollbackFailsAndNamesTheChangesetTheErrorNames() {
    RollbackRoundTrip trip = RollbackRoundTrip.failed(Optional.empty(), "the update after the rollback fails: "
        + "changeset 101-other (author test) in x.xml failed on the shadow database: index exists", List.of());

    List<Finding> f = rule.check(context(Optional.of(trip)));

    assertThat(f).singleElement().satisfies(finding -> {
      assertThat(finding.message()).contains("the update after the rollback fails");
      assertThat(finding.site().changeSetId()).contains("101-other");
    });
  }

  @Test
  void doesNotFireWhenTheRoundTripPassesWasNotRunOrCannotBeRun() {
    assertThat(rule.check(context(Optional.of(RollbackRoundTrip.compared(List.of(), List.of()))))).isEmpty();
    assertThat(rule.check(context(Optional.empty()))).isEmpty();
    assertThat(rule.check(context(Optional.of(RollbackRoundTrip.notTestable(
        new AppliedChangeSet("db/changelog/changes/100.xml", "100-coupon", "test", Duration.ZERO),
        "No inverse to liquibase.change.core.RawSQLChange created"))))).isEmpty();
  }
}
