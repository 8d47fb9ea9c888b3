package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Table;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateReader;
import io.dbdevops.state.StateWriter;
import io.dbdevops.testdb.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The state keeps what the changelog made, on every engine, in the shapes generated changelogs have: an explicit
 * index named like the foreign key created after it, twin foreign keys on the same columns, an explicit name that
 * looks like one InnoDB would generate, RESTRICT rules, and MariaDB / PostgreSQL types that must not merge.
 */
class ConstraintFidelityTest {

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;

  /** Portable: runs on H2, PostgreSQL and MariaDB alike. */
  private static final String PORTABLE = """
        <changeSet id="1" author="gen">
          <createTable tableName="customer">
            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
            <column name="name" type="varchar(40)"/>
          </createTable>
          <createTable tableName="orders">
            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
            <column name="customer_id" type="bigint"/>
            <column name="billing_id" type="bigint"/>
            <column name="other_id" type="bigint"/>
            <column name="anon_ref" type="bigint"/>
            <column name="created" type="datetime" defaultValueDate="1970-01-01T00:00:00"/>
            <column name="unnamed_ref" type="bigint">
              <constraints references="customer(id)" foreignKeyName="orders_ibfk_7"/>
            </column>
          </createTable>
        </changeSet>
        <changeSet id="2" author="gen">
          <createIndex tableName="orders" indexName="FK_ORDERS_CUSTOMER"><column name="customer_id"/></createIndex>
          <addForeignKeyConstraint baseTableName="orders" baseColumnNames="customer_id" constraintName="FK_ORDERS_CUSTOMER"
              referencedTableName="customer" referencedColumnNames="id" onDelete="RESTRICT"/>
          <addForeignKeyConstraint baseTableName="orders" baseColumnNames="customer_id" constraintName="FK_ORDERS_CUSTOMER2"
              referencedTableName="customer" referencedColumnNames="id" onDelete="CASCADE"/>
          <addForeignKeyConstraint baseTableName="orders" baseColumnNames="other_id" constraintName="FK_ORDERS_OTHER"
              referencedTableName="customer" referencedColumnNames="id"/>
          <createIndex tableName="orders" indexName="idx_billing"><column name="billing_id"/></createIndex>
          <addForeignKeyConstraint baseTableName="orders" baseColumnNames="billing_id" constraintName="FK_ORDERS_BILLING"
              referencedTableName="customer" referencedColumnNames="id"/>
          <sql>ALTER TABLE orders ADD FOREIGN KEY (anon_ref) REFERENCES customer (id)</sql>
          <addUniqueConstraint tableName="customer" columnNames="name" constraintName="uq_customer_name"/>
        </changeSet>
      """;

  private static final String MARIADB_TYPES = """
        <changeSet id="3" author="gen" dbms="mariadb">
          <sql>CREATE TABLE mtypes (id BIGINT PRIMARY KEY, t4 TINYINT(4) DEFAULT 2, t1 TINYINT(1) DEFAULT 1,
            d6 DATETIME(6) DEFAULT '1970-01-01 00:00:00.000000', d0 DATETIME DEFAULT '1970-01-01 00:00:00',
            lt LONGTEXT, mt MEDIUMTEXT, tt TEXT, mb MEDIUMBLOB)</sql>
        </changeSet>
      """;

  private static final String POSTGRES_TYPES = """
        <changeSet id="4" author="gen" dbms="postgresql">
          <sql>CREATE TABLE ptypes (id BIGINT PRIMARY KEY, o OID, ts3 TIMESTAMP(3), ts TIMESTAMP,
            d TIMESTAMP(6) DEFAULT '1970-01-01 00:00:00.000000')</sql>
        </changeSet>
      """;

  @TempDir
  Path dir;

  private SchemaModel build(Engine engine, String... changeSets) throws IOException {
    Path changelog = dir.resolve(engine.name()).resolve("db/changelog.xml");
    Files.createDirectories(changelog.getParent());
    Files.writeString(changelog, HEADER + String.join("", changeSets) + "</databaseChangeLog>\n");
    GateSettings settings = new GateSettings(new ChangelogSource(dir.resolve(engine.name()), "db/changelog.xml"),
        dir.resolve("state-" + engine), engine.shadow(), List.of(), null);
    return new Gate(ShadowProviders.load(), GateListener.SILENT).build(settings).model();
  }

  private static Table table(SchemaModel model, String name) {
    return model.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Column column(Table t, String name) {
    return t.column(name).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void explicitIndexesAreKeptAndOnlyWhatTheDatabaseMadeForAConstraintIsLeftOut(Engine engine) throws IOException {
    Table orders = table(build(engine, PORTABLE), "orders");
    // FK_ORDERS_CUSTOMER was created by createIndex before its foreign key of the same name: it is the changelog's.
    // FK_ORDERS_OTHER and the unnamed foreign key on anon_ref had no index: H2 and InnoDB made one, PostgreSQL none.
    assertThat(orders.indexes()).as("indexes on %s", engine)
        .containsExactly(Index.of("fk_orders_customer", false, "customer_id"), Index.of("idx_billing", false, "billing_id"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void twinForeignKeysStayTwoAndExplicitNamesAreNeverTakenForGeneratedOnes(Engine engine) throws IOException {
    Table orders = table(build(engine, PORTABLE), "orders");
    assertThat(orders.foreignKeys()).extracting(fk -> fk.name().orElse("(generated)"), ForeignKey::columns)
        .as("foreign keys on %s", engine)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("(generated)", List.of("anon_ref")),
            org.assertj.core.groups.Tuple.tuple("fk_orders_billing", List.of("billing_id")),
            org.assertj.core.groups.Tuple.tuple("fk_orders_customer", List.of("customer_id")),
            org.assertj.core.groups.Tuple.tuple("fk_orders_customer2", List.of("customer_id")),
            org.assertj.core.groups.Tuple.tuple("fk_orders_other", List.of("other_id")),
            // given explicitly by the changelog: kept on MariaDB, where it looks like InnoDB's own naming, as elsewhere
            org.assertj.core.groups.Tuple.tuple("orders_ibfk_7", List.of("unnamed_ref")));
    ForeignKey twin = orders.foreignKeys().stream().filter(f -> f.name().equals(Optional.of("fk_orders_customer2")))
        .findFirst().orElseThrow();
    assertThat(twin.onDelete()).isEqualTo("cascade");
    ForeignKey restrict = orders.foreignKeys().stream().filter(f -> f.name().equals(Optional.of("fk_orders_customer")))
        .findFirst().orElseThrow();
    // only PostgreSQL tells RESTRICT (checked at once) from NO ACTION; H2 and MariaDB treat them alike
    assertThat(restrict.onDelete()).isEqualTo(engine == Engine.POSTGRESQL ? "restrict" : "no action");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void theStateWrittenFromASnapshotReadsBackWithoutADifference(Engine engine) throws IOException {
    SchemaModel model = build(engine, PORTABLE, MARIADB_TYPES, POSTGRES_TYPES);
    Path state = dir.resolve("committed-" + engine);
    new StateWriter().write(model, state);
    assertThat(SchemaDiff.between(new StateReader().read(state), model)).as("snapshot, then verify, on %s", engine).isEmpty();
  }

  @Test
  void aPortableChangelogGivesTheSameTablesOnEveryEngine() throws IOException {
    Map<Engine, SchemaModel> models = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      models.put(engine, build(engine, PORTABLE));
    }
    for (Engine engine : List.of(Engine.H2, Engine.MARIADB)) {
      List<SchemaChange> differences = SchemaDiff.between(models.get(Engine.POSTGRESQL), models.get(engine));
      // the one real difference: RESTRICT is NO ACTION on H2 and MariaDB
      assertThat(differences).as("PostgreSQL vs %s", engine).singleElement()
          .isInstanceOfSatisfying(SchemaChange.ForeignKeyModified.class, m -> {
            assertThat(m.from().onDelete()).isEqualTo("restrict");
            assertThat(m.to().onDelete()).isEqualTo("no action");
          });
    }
  }

  /** Found by SchemaFuzzTest: on H2 the declared unique index was taken for the constraint's own and left out. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Engine.class)
  void aUniqueIndexOnAUniqueConstraintsColumnsIsKeptBesideItAlsoAfterTheTableIsRebuilt(Engine engine) throws IOException {
    String table = """
          <changeSet id="1" author="fuzz">
            <createTable tableName="t0">
              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
              <column name="c0" type="bigint"><constraints nullable="false"/></column>
            </createTable>
            <addUniqueConstraint tableName="t0" columnNames="c0"/>
            <createIndex tableName="t0" indexName="ix_t0_0" unique="true"><column name="c0"/></createIndex>
            <createIndex tableName="t0" indexName="ix_t0_1"><column name="c0"/></createIndex>
          </changeSet>
        """;
    Table before = table(build(engine, table), "t0");
    // H2 rebuilds the table for a new column and moves the constraint onto ix_t0_0
    Table after = table(build(engine, table, """
          <changeSet id="2" author="fuzz"><addColumn tableName="t0"><column name="e0" type="int"/></addColumn></changeSet>
        """), "t0");
    assertThat(before.uniqueConstraints()).as("unique constraints on %s", engine).extracting(u -> u.columns())
        .containsExactly(List.of("c0"));
    // MariaDB has no unique index apart from a unique constraint: there the two are one unique constraint
    List<Index> expected = engine == Engine.MARIADB ? List.of(Index.of("ix_t0_1", false, "c0"))
        : List.of(Index.of("ix_t0_0", true, "c0"), Index.of("ix_t0_1", false, "c0"));
    assertThat(before.indexes()).as("indexes on %s", engine).containsExactlyElementsOf(expected);
    assertThat(after.uniqueConstraints()).isEqualTo(before.uniqueConstraints());
    assertThat(after.indexes()).isEqualTo(before.indexes());
  }

  @Test
  void droppingAnIndexNamedLikeAForeignKeyIsADifference() throws IOException {
    // PostgreSQL lets the index go (a foreign key needs none there); H2 and MariaDB refuse while the key needs it
    SchemaModel before = build(Engine.POSTGRESQL, PORTABLE);
    SchemaModel after = build(Engine.POSTGRESQL, PORTABLE, """
          <changeSet id="5" author="gen"><dropIndex tableName="orders" indexName="FK_ORDERS_CUSTOMER"/></changeSet>
        """);
    assertThat(SchemaDiff.between(before, after)).singleElement().isInstanceOfSatisfying(SchemaChange.IndexDropped.class,
        d -> assertThat(d.index().name()).isEqualTo("fk_orders_customer"));
  }

  @Test
  void mariadbTypesThatDifferStayApart() throws IOException {
    Table t = table(build(Engine.MARIADB, PORTABLE, MARIADB_TYPES), "mtypes");
    assertThat(column(t, "t4").type()).hasToString("tinyint");
    assertThat(column(t, "t4").defaultValue()).contains("2");
    assertThat(column(t, "t1").type()).hasToString("boolean");
    assertThat(column(t, "t1").defaultValue()).contains("true");
    assertThat(column(t, "d6").type()).hasToString("timestamp(6)");
    assertThat(column(t, "d0").type()).hasToString("timestamp");
    assertThat(column(t, "d6").defaultValue()).as("the fraction is the precision's rendering").contains("'1970-01-01 00:00:00'");
    assertThat(column(t, "d0").defaultValue()).contains("'1970-01-01 00:00:00'");
    assertThat(column(t, "lt").type()).hasToString("longtext");
    assertThat(column(t, "mt").type()).hasToString("mediumtext");
    assertThat(column(t, "tt").type()).hasToString("text");
    assertThat(column(t, "mb").type()).hasToString("mediumblob");
  }

  @Test
  void postgresTypesThatDifferStayApart() throws IOException {
    Table t = table(build(Engine.POSTGRESQL, PORTABLE, POSTGRES_TYPES), "ptypes");
    assertThat(column(t, "o").type()).hasToString("oid");
    assertThat(column(t, "ts3").type()).hasToString("timestamp(3)");
    assertThat(column(t, "ts").type()).hasToString("timestamp");
    assertThat(column(t, "d").defaultValue()).contains("'1970-01-01 00:00:00'");
  }
}
