package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.lint.ChangeSetSources;
import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.LintSettings;
import io.dbdevops.lint.Linter;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.Engine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DBD602 per changeset ({@code <rollbackTest>EACH</rollbackTest>}) on H2 and PostgreSQL: the second-to-last pending
 * changeset's {@code <rollback>} leaves its column behind, the last one's rollback drops that column too. Rolled back
 * together (GROUPED) the states agree and nothing is found; each on its own (EACH) names the second-to-last changeset
 * and the column it left.
 */
class RollbackTestEachTest {

  @TempDir
  Path dir;

  private List<Finding> dbd602(Engine engine, RoundTripScope.Mode mode) {
    Fixtures.example(dir); // the example project's changelog and state, copied
    GateSettings settings = Fixtures.settings(dir, engine.shadow());
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-coupon.xml", Fixtures.xmlChangeset("100-coupon", """
            <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
            <rollback><sql>SELECT 1</sql></rollback>"""));
    Fixtures.addChangeset(dir, "101-coupons.xml", Fixtures.xmlChangeset("101-coupons", """
            <createTable tableName="coupons"><column name="code" type="varchar(20)"><constraints primaryKey="true"/></column></createTable>
            <rollback><dropTable tableName="coupons"/><dropColumn tableName="orders" columnName="coupon_code"/></rollback>"""));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    List<ChangeSetInfo> pending = all.subList(released, all.size());

    Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
    Gate.Staged staged = gate.verify(settings, released, RoundTripScope.DEFAULT.in(mode)).staged();
    assertThat(staged.rollbackRoundTrip()).isPresent();
    LintContext context = LintContext.builder().dialect(engine.dialect()).pending(pending).released(staged.released())
        .result(staged.built().model()).pendingChanges(staged.pendingChanges()).changelog(settings.changelog().path())
        .sources(ChangeSetSources.read(settings.changelog().root(), pending))
        .rollbackRoundTrip(staged.rollbackRoundTrip()).build();
    return new Linter(RuleRegistry.load()).lint(context, LintSettings.DEFAULT).findings().stream()
        .filter(f -> f.code().equals("DBD602")).toList();
  }

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
  void groupedPassesBecauseTheLastRollbackMasksTheEarlierOne(Engine engine) {
    assertThat(dbd602(engine, RoundTripScope.Mode.GROUPED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
  void eachNamesTheChangesetWhoseRollbackIsWrong(Engine engine) {
    List<Finding> f = dbd602(engine, RoundTripScope.Mode.EACH);

    assertThat(f).singleElement().satisfies(finding -> {
      assertThat(finding.site().changeSetId()).contains("100-coupon");
      assertThat(finding.site().location()).isEqualTo("db/changelog/changes/100-coupon.xml:5");
      assertThat(finding.message()).startsWith("after rolling back changeset 100-coupon on its own "
          + "(<rollbackTest>EACH</rollbackTest>), table orders still has column coupon_code");
    });
  }
}
