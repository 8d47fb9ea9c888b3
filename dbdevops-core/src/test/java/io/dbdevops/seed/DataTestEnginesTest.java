package io.dbdevops.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateListener;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.gate.ReleasedPoint;
import io.dbdevops.gate.RoundTripScope;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.testdb.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migrations tested against data (DBD610): the released point filled with generated rows, then the pending changeset;
 * each of the four changes that pass on an empty shadow and fail on a populated database fails here, on H2,
 * PostgreSQL and MariaDB, naming the changeset, its file:line and the database's message. Without the data test the
 * same changesets pass.
 */
class DataTestEnginesTest {

  private static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;
  private static final String RELEASED = """
        <changeSet id="001-tables" author="it">
          <createTable tableName="parent"><column name="id" type="INT"><constraints primaryKey="true"/></column></createTable>
          <createTable tableName="item">
            <column name="id" type="INT"><constraints primaryKey="true"/></column>
            <column name="name" type="VARCHAR(200)"/>
            <column name="code" type="VARCHAR(20)"/>
            <column name="parent_id" type="INT"/>
          </createTable>
        </changeSet>
      """;

  static List<Arguments> cases() {
    Map<String, String> changes = Map.of(
        "not-null", "<addNotNullConstraint tableName=\"item\" columnName=\"name\" columnDataType=\"VARCHAR(200)\"/>",
        "unique", "<addUniqueConstraint tableName=\"item\" columnNames=\"code\" constraintName=\"uq_item_code\"/>",
        "narrowing", "<modifyDataType tableName=\"item\" columnName=\"name\" newDataType=\"VARCHAR(3)\"/>",
        "orphans", "<addForeignKeyConstraint baseTableName=\"item\" baseColumnNames=\"parent_id\" "
            + "constraintName=\"fk_item_parent\" referencedTableName=\"parent\" referencedColumnNames=\"id\"/>");
    List<Arguments> out = new java.util.ArrayList<>();
    for (Engine engine : Engine.values()) {
      changes.keySet().stream().sorted().forEach(c -> out.add(Arguments.of(engine, c, changes.get(c))));
    }
    return out;
  }

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void aChangesetThatFailsOnDataIsDbd610(Engine engine, String name, String change) throws Exception {
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/master.xml"), HEAD + RELEASED + """
          <changeSet id="002-%s" author="it">
            %s
          </changeSet>
        </databaseChangeLog>
        """.formatted(name, change));
    GateSettings settings = new GateSettings(new ChangelogSource(dir, "db/master.xml"), dir.resolve("state"),
        engine.shadow(), List.of(), null);
    Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);
    // on an empty shadow it passes
    assertThat(gate.build(settings, ReleasedPoint.of(1), RoundTripScope.OFF).built().update().applied()).hasSize(2);
    // on the released point filled with data it fails, naming the changeset, its file:line and the database's words
    SeedSettings seed = new SeedSettings(1, 100, Map.of(), Map.of(), Set.of());
    assertThatThrownBy(() -> new Gate(ShadowProviders.load(), GateListener.SILENT)
        .build(settings.withDataTest(seed), ReleasedPoint.of(1), RoundTripScope.OFF))
        .isInstanceOf(InvalidChangeException.class)
        .hasMessageStartingWith("DBD610 fails-on-data: changeset 002-" + name + " (author it) in db/master.xml:")
        .hasMessageContaining("on the released point filled with generated rows");
  }
}
