package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.SetupException;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example project's order_status as reference data, on the H2 gate: snapshot, verify, and the clear errors. */
class ReferenceDataH2Test {

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  private GateSettings example() {
    return Fixtures.example(dir).withReferenceData(List.of("order_status"));
  }

  @Test
  void theExamplesCommittedRowsMatchTheChangelog() throws Exception {
    GateSettings settings = example();
    assertThat(Files.readString(dir.resolve("schema/data/order_status.csv"))).isEqualTo("""
        code,description
        NEW,"Received, not yet paid"
        PAID,"Paid, waiting for shipment"
        SHIPPED,Handed to the carrier
        """);
    assertThat(gate.verify(settings).passed()).isTrue();
  }

  @Test
  void anEditedRowFailsVerifyNamingItsKeyAndTheValues() throws Exception {
    GateSettings settings = example();
    Path csv = dir.resolve("schema/data/order_status.csv");
    Files.writeString(csv, Files.readString(csv).replace("Handed to the carrier", "Versandt"));
    VerifyResult result = gate.verify(settings);
    assertThat(result.passed()).isFalse();
    assertThat(DiffRendering.lines(result.differences())).containsExactly("data order_status",
        "  ~ row (code=SHIPPED): description 'Versandt' -> 'Handed to the carrier'");
  }

  @Test
  void snapshotWritesTheCsvAndRemovesNothingElse() throws Exception {
    GateSettings settings = example();
    Path csv = dir.resolve("schema/data/order_status.csv");
    String committed = Files.readString(csv);
    Files.delete(csv);
    Gate.SnapshotResult result = gate.snapshot(settings);
    assertThat(Files.readString(csv)).isEqualTo(committed);
    assertThat(result.written().written()).isEqualTo(1);
    assertThat(result.built().data()).singleElement().satisfies(d -> assertThat(d.rows()).hasSize(3));
  }

  @Test
  void aMissingCsvCountsEveryRowAsMissingFromTheState() throws Exception {
    GateSettings settings = example();
    Files.delete(dir.resolve("schema/data/order_status.csv"));
    assertThat(DiffRendering.lines(gate.verify(settings).differences())).containsExactly("data order_status",
        "  + row (code=NEW): description 'Received, not yet paid'",
        "  + row (code=PAID): description 'Paid, waiting for shipment'",
        "  + row (code=SHIPPED): description 'Handed to the carrier'");
  }

  @Test
  void anUnknownReferenceTableNamesTheSetting() {
    GateSettings settings = Fixtures.example(dir).withReferenceData(List.of("order_states"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(SetupException.class)
        .hasMessageStartingWith("<referenceData> names the table 'order_states', which the changelog's result does not "
            + "hold (its tables: customers, order_lines, order_status, orders, products)");
  }

  @Test
  void aReferenceTableWithoutPrimaryKeyIsAnError() {
    GateSettings settings = Fixtures.example(dir).withReferenceData(List.of("audit_note"));
    Fixtures.addChangeset(dir, "100-audit-note.xml", Fixtures.xmlChangeset("100-audit-note",
        "<createTable tableName=\"audit_note\"><column name=\"text\" type=\"VARCHAR(30)\"/></createTable>"));
    assertThatThrownBy(() -> gate.snapshot(settings)).isInstanceOf(InvalidChangeException.class)
        .hasMessage("reference table audit_note has no primary key: its rows are compared and changed by primary key; "
            + "give it one in the changelog, or take it out of <referenceData>");
    assertThat(dir.resolve("schema/data/audit_note.csv")).doesNotExist();
  }

  @Test
  void aMalformedCsvFailsBeforeAnyDatabaseWorkNamingFileAndLine() throws Exception {
    GateSettings settings = example();
    Path csv = dir.resolve("schema/data/order_status.csv");
    Files.writeString(csv, "code,description\nNEW,\"Received\nPAID,x\n");
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(StateFileException.class)
        .hasMessageEndingWith("order_status.csv: line 2: not valid CSV (RFC 4180): a quoted value starts on this line "
            + "and is never closed");
  }

  @Test
  void aCsvWithoutItsTablesStateFileSaysToSnapshot() throws Exception {
    GateSettings settings = example();
    Files.delete(dir.resolve("schema/tables/order_status.yaml"));
    assertThatThrownBy(() -> gate.verify(settings)).isInstanceOf(StateFileException.class)
        .hasMessageEndingWith("order_status.csv: the state has no tables/order_status.yaml for these rows: run mvn "
            + "dbdevops:snapshot");
  }
}
