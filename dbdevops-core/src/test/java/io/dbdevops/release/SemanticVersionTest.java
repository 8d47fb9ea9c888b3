package io.dbdevops.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {

  private static SemanticVersion v(String text) {
    return SemanticVersion.parse(text);
  }

  @Test
  void parsesFullShortAndQualifiedVersions() {
    assertThat(v("1.2.3")).isEqualTo(SemanticVersion.of(1, 2, 3));
    assertThat(v("1.2")).isEqualTo(SemanticVersion.of(1, 2, 0));
    assertThat(v("7")).isEqualTo(SemanticVersion.of(7, 0, 0));
    assertThat(v("1.2.3-SNAPSHOT").qualifier()).contains("SNAPSHOT");
    assertThat(v("2.0.0-rc.1+build.5").qualifier()).contains("rc.1");
    assertThat(v(" 1.0.0 ").toString()).isEqualTo("1.0.0");
    assertThat(v("1.2-SNAPSHOT").toString()).isEqualTo("1.2.0-SNAPSHOT");
  }

  @Test
  void refusesWhatIsNoVersionNamingTheForm() {
    for (String bad : List.of("", "v1.2.3", "1.2.3.4", "01.2.3", "1..2", "latest", "1.2.3-")) {
      assertThat(SemanticVersion.tryParse(bad)).as(bad).isEmpty();
    }
    assertThatThrownBy(() -> v("trunk")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'trunk' is not a semantic version (MAJOR.MINOR.PATCH, optionally with -QUALIFIER, e.g. 1.4.0 or "
            + "1.4.0-SNAPSHOT)");
  }

  @Test
  void ordersBySemverPrecedence() {
    List<String> ordered = List.of("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-SNAPSHOT", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
    for (int i = 1; i < ordered.size(); i++) {
      assertThat(v(ordered.get(i - 1))).as("%s < %s", ordered.get(i - 1), ordered.get(i))
          .isLessThan(v(ordered.get(i)));
    }
    assertThat(v("1.2").sameAs(v("1.2.0"))).isTrue();
    assertThat(v("1.0.0+a").compareTo(v("1.0.0+b"))).isZero();
  }

  @Test
  void bumpsTheReleasedVersion() {
    assertThat(v("1.2.0").bump(Bump.MAJOR)).hasToString("2.0.0");
    assertThat(v("1.2.0").bump(Bump.MINOR)).hasToString("1.3.0");
    assertThat(v("1.2.0").bump(Bump.PATCH)).hasToString("1.2.1");
    assertThat(v("1.2.7").bump(Bump.MINOR)).hasToString("1.3.0");
    assertThat(v("1.2.7").bump(Bump.NONE)).hasToString("1.2.7");
    assertThat(v("1.2.0-rc.1").bump(Bump.PATCH)).hasToString("1.2.1");
  }

  @Test
  void onZeroMajorABreakingChangeRaisesTheMinorVersion() {
    assertThat(v("0.3.1").bump(Bump.MAJOR)).hasToString("0.4.0");
    assertThat(v("0.3.1").bump(Bump.MINOR)).hasToString("0.4.0");
    assertThat(v("0.3.1").bump(Bump.PATCH)).hasToString("0.3.2");
    assertThat(v("1.0.0").meets(v("0.3.1").bump(Bump.MAJOR))).isTrue();
  }

  @Test
  void aSnapshotMeetsTheVersionItWillRelease() {
    assertThat(v("2.0.0-SNAPSHOT").release()).isEqualTo(v("2.0.0"));
    assertThat(v("2.0.0-snapshot").snapshot()).isTrue();
    assertThat(v("2.0.0-SNAPSHOT").meets(v("2.0.0"))).isTrue();
    assertThat(v("1.9.0-SNAPSHOT").meets(v("2.0.0"))).isFalse();
    assertThat(v("2.0.0-rc.1").meets(v("2.0.0"))).isFalse();
    assertThat(v("2.1.0").meets(v("2.0.0"))).isTrue();
    assertThat(v("1.2.3-rc.1").release().qualifier()).isEqualTo(Optional.of("rc.1"));
  }

  @Test
  void bumpOrderAndMax() {
    assertThat(Bump.MINOR.max(Bump.MAJOR)).isEqualTo(Bump.MAJOR);
    assertThat(Bump.PATCH.max(Bump.NONE)).isEqualTo(Bump.PATCH);
    assertThat(Bump.values()).containsExactly(Bump.NONE, Bump.PATCH, Bump.MINOR, Bump.MAJOR);
  }
}
