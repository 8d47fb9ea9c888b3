package io.dbdevops.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classification on real PostgreSQL and MariaDB shadows (the {@code url} provider on the test servers, found as
 * {@code testing.md} says; skipped without one, a failure under DBDEVOPS_REQUIRE_REAL_DBS=true): the example project
 * released, one pending changeset that drops a column, narrows one and adds a nullable one.
 */
class ClassifierOnServersTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void dropAndNarrowingAreMajorANullableColumnMinorEachAtItsChangeset(Engine engine) {
    Fixtures.example(dir);
    GateSettings settings = Fixtures.settings(dir, engine.shadow());
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-change.xml", Fixtures.xmlChangeset("100-change", """
            <dropColumn tableName="orders" columnName="note"/>
            <modifyDataType tableName="customers" columnName="full_name" newDataType="VARCHAR(100)"/>
            <addColumn tableName="orders"><column name="coupon" type="VARCHAR(20)"/></addColumn>"""));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());

    Gate.Staged staged = new Gate(ShadowProviders.load(), GateListener.SILENT).build(settings, released);
    Classification c = new Classifier().classify(staged, all.subList(released, all.size()));

    assertThat(staged.built().dialect()).isEqualTo(engine.dialect());
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
    assertThat(c.drivers()).extracting(Reason::object).contains("orders.note", "customers.full_name");
    assertThat(c.drivers()).extracting(r -> r.rule().orElse("")).contains("DBD103 drop-column", "DBD203 narrow-type");
    // MariaDB's MODIFY also drops the column's NOT NULL (Liquibase's modifyDataType does not restate it): a MINOR change
    List<String> minor = engine == Engine.MARIADB ? List.of("customers.full_name", "orders.coupon")
        : List.of("orders.coupon");
    assertThat(c.reasons()).filteredOn(r -> r.bump() == Bump.MINOR).extracting(Reason::object)
        .containsExactlyElementsOf(minor);
    assertThat(c.reasons()).allSatisfy(r -> assertThat(r.where())
        .isEqualTo("changeset 100-change (db/changelog/changes/100-change.xml:5)"));
    assertThat(c.requiredNext(Optional.of(SemanticVersion.parse("3.4.5")))).contains(SemanticVersion.parse("4.0.0"));
  }
}
