package io.dbdevops.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.gate.Fixtures;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.shadow.ShadowProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classification of a pending changeset over the example project's released history, on a real H2 shadow: one
 * test per class and the kinds of change that give it, each reason naming the object and the changeset's file:line.
 */
class ClassifierH2Test {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
  private static final Optional<SemanticVersion> RELEASED = Optional.of(SemanticVersion.parse("1.2.0"));

  /** The example project released, plus one pending changeset {@code 100-change} with {@code body}. */
  private Classification classify(String body) {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Fixtures.addChangeset(dir, "100-change.xml", Fixtures.xmlChangeset("100-change", body));
    List<ChangeSetInfo> all = new ChangelogReader().read(settings.changelog());
    Gate.Staged staged = gate.build(settings, released);
    return new Classifier().classify(staged, all.subList(released, all.size()));
  }

  private static String located(Classification c) {
    return c.drivers().get(0).where();
  }

  @Test
  void nothingPendingIsNoneAndNeedsNoNewVersion() {
    GateSettings settings = Fixtures.example(dir);
    int released = new ChangelogReader().read(settings.changelog()).size();
    Classification c = new Classifier().classify(gate.build(settings, released), List.of());
    assertThat(c.level()).isEqualTo(Bump.NONE);
    assertThat(c.reasons()).isEmpty();
    assertThat(c.requiredNext(RELEASED)).isEqualTo(RELEASED);
  }

  @Test
  void aDroppedColumnIsMajorNamingTheColumnAndTheChangeset() {
    Classification c = classify("    <dropColumn tableName=\"orders\" columnName=\"note\"/>");
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
    // seen by DBD103 in the changeset and in the state diff, and by the typed diff: one reason
    assertThat(c.reasons()).hasSize(1);
    Reason driver = c.drivers().get(0);
    assertThat(driver.object()).isEqualTo("orders.note");
    assertThat(driver.change()).isEqualTo("orders.note is dropped");
    assertThat(driver.rule()).contains("DBD103 drop-column");
    assertThat(driver.describe()).isEqualTo("MAJOR orders.note is dropped by changeset 100-change "
        + "(db/changelog/changes/100-change.xml:5) [DBD103 drop-column]");
    assertThat(c.requiredNext(RELEASED)).contains(SemanticVersion.parse("2.0.0"));
    assertThat(c.met(SemanticVersion.parse("2.0.0-SNAPSHOT"), RELEASED)).isTrue();
    assertThat(c.met(SemanticVersion.parse("1.3.0-SNAPSHOT"), RELEASED)).isFalse();
    assertThat(c.requiredNext(Optional.empty())).isEmpty();
  }

  @Test
  void aDroppedTableIsMajor() {
    Classification c = classify("    <dropView viewName=\"order_totals\"/>\n    <dropTable tableName=\"order_lines\"/>");
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
    assertThat(c.drivers()).extracting(Reason::object).contains("order_lines", "order_totals");
  }

  @Test
  void aRenameIsMajorThroughTheRenameRule() {
    Classification c = classify("    <renameColumn tableName=\"orders\" oldColumnName=\"note\" newColumnName=\"remark\""
        + " columnDataType=\"VARCHAR(500)\"/>");
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
    assertThat(c.drivers()).extracting(r -> r.rule().orElse("")).contains("DBD202 rename-column");
  }

  @Test
  void narrowingIsMajorWideningMinor() {
    Classification narrow = classify("    <modifyDataType tableName=\"orders\" columnName=\"note\" newDataType=\"VARCHAR(100)\"/>");
    assertThat(narrow.level()).isEqualTo(Bump.MAJOR);
    assertThat(narrow.drivers()).extracting(r -> r.rule().orElse("")).contains("DBD203 narrow-type");
  }

  @Test
  void wideningIsMinor() {
    Classification wide = classify("    <modifyDataType tableName=\"orders\" columnName=\"note\" newDataType=\"VARCHAR(1000)\"/>");
    assertThat(wide.level()).isEqualTo(Bump.MINOR);
    assertThat(wide.drivers()).extracting(Reason::object).containsExactly("orders.note");
    assertThat(wide.requiredNext(RELEASED)).contains(SemanticVersion.parse("1.3.0"));
  }

  @Test
  void notNullOnAnExistingColumnIsMajor() {
    Classification c = classify("    <addNotNullConstraint tableName=\"orders\" columnName=\"note\" "
        + "columnDataType=\"VARCHAR(500)\" defaultNullValue=\"-\"/>");
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
    assertThat(c.drivers()).extracting(Reason::object).contains("orders.note");
  }

  @Test
  void uniqueOnExistingColumnsIsMajor() {
    Classification c = classify("    <addUniqueConstraint tableName=\"orders\" columnNames=\"note\" "
        + "constraintName=\"uq_orders_note\"/>");
    assertThat(c.level()).isEqualTo(Bump.MAJOR);
  }

  @Test
  void aRequiredColumnOnAnExistingTableIsMajorOneWithADefaultMinor() {
    Classification required = classify("""
            <addColumn tableName="orders">
              <column name="channel" type="VARCHAR(20)"><constraints nullable="false"/></column>
            </addColumn>""");
    assertThat(required.level()).isEqualTo(Bump.MAJOR);
    assertThat(required.drivers()).extracting(Reason::object).contains("orders.channel");
  }

  @Test
  void aColumnWithADefaultANullableColumnANewTableAndAnIndexAreMinor() {
    Classification c = classify("""
            <addColumn tableName="orders">
              <column name="channel" type="VARCHAR(20)" defaultValue="web"><constraints nullable="false"/></column>
              <column name="coupon" type="VARCHAR(20)"/>
            </addColumn>
            <createTable tableName="coupons">
              <column name="code" type="VARCHAR(20)"><constraints primaryKey="true"/></column>
            </createTable>
            <createIndex tableName="orders" indexName="ix_orders_coupon"><column name="coupon"/></createIndex>""");
    assertThat(c.level()).isEqualTo(Bump.MINOR);
    assertThat(c.reasons()).extracting(Reason::object)
        .contains("orders.channel", "orders.coupon", "coupons", "orders");
    assertThat(c.reasons()).allSatisfy(r -> assertThat(r.where()).isEqualTo(
        "changeset 100-change (db/changelog/changes/100-change.xml:5)"));
    assertThat(c.requiredNext(Optional.of(SemanticVersion.parse("0.4.2")))).contains(SemanticVersion.parse("0.5.0"));
  }

  @Test
  void dataOnlyIsPatch() {
    Classification c = classify("""
            <insert tableName="order_status">
              <column name="code" value="ON_HOLD"/>
              <column name="description" value="On hold"/>
            </insert>""");
    assertThat(c.level()).isEqualTo(Bump.PATCH);
    assertThat(c.drivers()).singleElement().satisfies(r -> assertThat(r.change())
        .isEqualTo("only data, no schema object, is changed"));
    assertThat(c.requiredNext(RELEASED)).contains(SemanticVersion.parse("1.2.1"));
  }

  @Test
  void aCommentIsPatch() {
    Classification c = classify("    <setTableRemarks tableName=\"orders\" remarks=\"What customers ordered\"/>");
    assertThat(c.level()).isEqualTo(Bump.PATCH);
    assertThat(c.drivers()).extracting(Reason::object).containsExactly("orders");
  }

  @Test
  void aGrantAddedIsPatchARevokeMajor() {
    Classification grant = classify("""
            <sql>CREATE ROLE reporting</sql>
            <sql>GRANT SELECT ON orders TO reporting</sql>""");
    assertThat(grant.level()).isEqualTo(Bump.PATCH);
    assertThat(grant.drivers()).extracting(Reason::change).contains("GRANT SELECT on orders TO reporting");
  }

  @Test
  void aRevokedGrantIsMajor() {
    Classification revoke = classify("""
            <sql>CREATE ROLE reporting</sql>
            <sql>GRANT SELECT ON orders TO reporting</sql>
            <sql>REVOKE SELECT ON orders FROM reporting</sql>""");
    assertThat(revoke.level()).isEqualTo(Bump.MAJOR);
    assertThat(revoke.drivers()).singleElement().satisfies(r -> {
      assertThat(r.change()).startsWith("REVOKE SELECT ON orders FROM reporting");
      assertThat(located(revoke)).isEqualTo("changeset 100-change (db/changelog/changes/100-change.xml:5)");
    });
  }
}
