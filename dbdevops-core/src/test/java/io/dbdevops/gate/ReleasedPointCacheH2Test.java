package io.dbdevops.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.ChangelogReader;
import io.dbdevops.shadow.ShadowProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image of the shadow at the released point: the first build saves it, the next starts from it and applies only
 * the pending changeset, and neither changes a result. A damaged image is detected and built again; another released
 * point gets an image of its own.
 */
class ReleasedPointCacheH2Test {

  @TempDir
  Path dir;

  private final List<String> events = new ArrayList<>();
  private final Gate gate = new Gate(ShadowProviders.load(), new GateListener() {
    @Override
    public void releasedPointRestored(int changesets, long millis) {
      events.add("restored " + changesets);
    }

    @Override
    public void cacheNote(String note) {
      events.add(note);
    }

    @Override
    public void changesetApplied(Progress progress) {
      counts.add(progress.applied() + " of " + progress.total());
    }
  });
  private final List<String> counts = new ArrayList<>();

  private GateSettings settings;
  private List<ChangeSetInfo> released;
  private Path cache;

  @BeforeEach
  void releasedExampleWithAPendingDrop() {
    settings = Fixtures.example(dir);
    released = new ChangelogReader().read(settings.changelog());
    Fixtures.addChangeset(dir, "100-drop-note.xml", Fixtures.xmlChangeset("100-drop-note",
        "    <dropColumn tableName=\"orders\" columnName=\"note\"/>"));
    cache = dir.resolve("cache");
  }

  private Gate.Verified verify(GateSettings s, List<ChangeSetInfo> releasedPart) {
    return gate.verify(s, ReleasedPoint.of(releasedPart.size(), releasedPart), RoundTripScope.ALL);
  }

  /** What a report shows of a verify, all but its timings. */
  private static List<Object> outcome(Gate.Verified v) {
    VerifyResult r = v.result();
    return List.of(r.changesetsApplied(), r.objectsInState(), r.objectsInShadow(), r.differences(), r.dialect(),
        v.staged().released(), v.staged().pendingChanges(), v.staged().built().model(),
        v.staged().rollbackRoundTrip().map(t -> List.of(t.outcome(), t.message())));
  }

  @Test
  void theNextBuildStartsFromTheReleasedPointAndGetsTheSameResult() {
    Gate.Verified without = verify(settings, released);
    assertThat(events).isEmpty();

    Gate.Verified first = verify(settings.withShadowCache(cache), released);
    assertThat(events).containsExactly("saved the released point (" + released.size() + " changesets) for the next build");
    assertThat(first.staged().built().restored()).isZero();

    events.clear();
    counts.clear();
    Gate.Verified second = verify(settings.withShadowCache(cache), released);
    assertThat(events).containsExactly("restored " + released.size());
    // progress goes on from the restored point: the one pending changeset is the last of them all
    int all = released.size() + 1;
    assertThat(counts).containsExactly(all + " of " + all);
    assertThat(second.staged().built().restored()).isEqualTo(released.size());
    assertThat(second.staged().built().update().applied()).extracting(a -> a.id()).containsExactly("100-drop-note");

    assertThat(outcome(first)).isEqualTo(outcome(without));
    assertThat(outcome(second)).isEqualTo(outcome(without));
    assertThat(without.result().differences()).as("the committed state still has the dropped column").isNotEmpty();
  }

  @Test
  void aTamperedImageIsDetectedAndBuiltAgain() throws IOException {
    Gate.Verified without = verify(settings, released);
    verify(settings.withShadowCache(cache), released);
    Path image = onlyEntry().resolve("image.sql");
    Files.writeString(image, Files.readString(image) + "\nCREATE TABLE PUBLIC.SMUGGLED (ID INT);\n");

    events.clear();
    Gate.Verified rebuilt = verify(settings.withShadowCache(cache), released);

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).contains("does not match its manifest").endsWith("building it again");
    assertThat(events.get(1)).startsWith("saved the released point");
    assertThat(rebuilt.staged().built().model().table("smuggled")).isEmpty();
    assertThat(outcome(rebuilt)).isEqualTo(outcome(without));
    assertThat(Files.readString(onlyEntry().resolve("image.sql"))).doesNotContain("SMUGGLED");
  }

  @Test
  void anotherReleasedPointIsNotTakenFromTheCache() throws IOException {
    verify(settings.withShadowCache(cache), released);
    List<ChangeSetInfo> fewer = released.subList(0, released.size() - 1);
    Gate.Verified without = verify(settings, fewer);

    events.clear();
    Gate.Verified other = verify(settings.withShadowCache(cache), fewer);

    assertThat(events).containsExactly("saved the released point (" + fewer.size() + " changesets) for the next build");
    assertThat(outcome(other)).isEqualTo(outcome(without));
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.toList()).hasSize(2);
    }
  }

  @Test
  void withoutAFingerprintNothingIsCached() {
    gate.verify(settings.withShadowCache(cache), ReleasedPoint.of(released.size()), RoundTripScope.ALL);
    assertThat(events).isEmpty();
    assertThat(cache).doesNotExist();
  }

  private Path onlyEntry() throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("tmp-"))
          .reduce((a, b) -> {
            throw new AssertionError("more than one entry: " + a + ", " + b);
          }).orElseThrow();
    }
  }
}
