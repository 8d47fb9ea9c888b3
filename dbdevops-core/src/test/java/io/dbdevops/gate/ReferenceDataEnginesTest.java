package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.diff.DiffRendering;
import io.dbdevops.generate.ChangesetGenerator;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateReader;
import io.dbdevops.testdb.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same changelog rows give the same data/<table>.csv on H2, PostgreSQL and MariaDB (real servers): every type
 * family, NULL vs the empty string, a composite key; then an edited CSV → generate → verify passes on each engine.
 */
class ReferenceDataEnginesTest {

  static final String MASTER = "db/changelog/db.changelog-master.xml";

  static final String CHANGELOG = ReferenceDataEnginesTestChangelog.CHANGELOG;

  static final String REF_CSV = """
      id,big,amount,ratio,flag,tiny,day,at_time,stamp,code,label,note,bin
      1,9007199254740993,12.50,0.25,true,true,2026-01-31,10:15:00,2026-01-31T10:15:30,AB,"Grüße, ""quoted\"\"\","a
      b",cafe
      "2",,,,,,,,,,"",,
      10,-5,0.00,-1.5,false,false,1999-12-31,23:59:59,2000-01-01T00:00:00,ABCD,x,y,00ff
      """;

  static final String RATE_CSV = """
      region,tier,rate
      EU,9,0.125
      EU,10,1.500
      US,1,2.000
      """;

  @TempDir
  Path dir;

  private final Gate gate = new Gate(ShadowProviders.load(), GateListener.SILENT);

  private GateSettings settings(Engine engine) throws Exception {
    Path master = dir.resolve("resources").resolve(MASTER);
    Files.createDirectories(master.getParent());
    Files.writeString(master, CHANGELOG, StandardCharsets.UTF_8);
    return new GateSettings(new ChangelogSource(dir.resolve("resources"), MASTER), dir.resolve("schema"), engine.shadow(),
        List.of(), null).withReferenceData(List.of("ref", "rate"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theSameRowsGiveTheSameCsvOnEveryEngine(Engine engine) throws Exception {
    GateSettings settings = settings(engine);
    gate.snapshot(settings);
    assertThat(Files.readString(dir.resolve("schema/data/ref.csv"))).isEqualTo(REF_CSV);
    assertThat(Files.readString(dir.resolve("schema/data/rate.csv"))).isEqualTo(RATE_CSV);
    assertThat(gate.verify(settings).differences()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEditedCsvGeneratesAChangesetAfterWhichVerifyPasses(Engine engine) throws Exception {
    GateSettings settings = settings(engine);
    gate.snapshot(settings);
    Files.writeString(dir.resolve("schema/data/ref.csv"), """
        id,big,amount,ratio,flag,tiny,day,at_time,stamp,code,label,note,bin
        1,9007199254740993,12.50,0.25,false,true,2026-01-31,10:15:00,2026-01-31T10:15:30,AB,Neu,"it's",cafe
        "2",7,,,,,,,,,"",,
        3,,1.25,,true,false,2026-02-01,08:00:00,2026-02-01T08:00:00,Z,"","",
        """);
    Files.writeString(dir.resolve("schema/data/rate.csv"), "region,tier,rate\nEU,9,0.2\nEU,10,\nUS,2,3\n");
    List<String> before = DiffRendering.lines(gate.verify(settings).differences());
    assertThat(before).contains("data ref", "  ~ row (id=1): flag false -> true, label 'Neu' -> 'Grüße, \"quoted\"', "
        + "note 'it''s' -> 'a\nb'", "data rate", "  ~ row (region=EU, tier=9): rate 0.200 -> 0.125");

    StateReader reader = new StateReader();
    SchemaModel desired = reader.read(settings.stateDirectory());
    Gate.Built current = gate.build(settings);
    ChangesetGenerator.Generated generated = new ChangesetGenerator().generate(settings.changelog(), current.model(),
        current.data(), desired, reader.readData(settings.stateDirectory(), desired, settings.referenceData()),
        new ChangesetGenerator.Request("3-edit-rows", "test", "changes"));
    assertThat(DiffRendering.lines(generated.changes())).containsExactly(
        "data rate",
        "  ~ row (region=EU, tier=9): rate 0.125 -> 0.200",
        "  ~ row (region=EU, tier=10): rate 1.500 -> NULL",
        "  - row (region=US, tier=1): rate 2.000",
        "  + row (region=US, tier=2): rate 3.000",
        "data ref",
        "  ~ row (id=1): flag true -> false, label 'Grüße, \"quoted\"' -> 'Neu', note 'a\nb' -> 'it''s'",
        "  ~ row (id=2): big NULL -> 7",
        "  + row (id=3): big NULL, amount 1.25, ratio NULL, flag true, tiny false, day '2026-02-01', "
            + "at_time '08:00:00', stamp '2026-02-01T08:00:00', code 'Z', label '', note '', bin NULL",
        "  - row (id=10): big -5, amount 0.00, ratio -1.5, flag false, tiny false, day '1999-12-31', "
            + "at_time '23:59:59', stamp '2000-01-01T00:00:00', code 'ABCD', label 'x', note 'y', bin '00ff'");
    VerifyResult after = gate.verify(settings);
    assertThat(DiffRendering.lines(after.differences())).isEmpty();
    assertThat(after.changesetsApplied()).isEqualTo(3);
  }
}
