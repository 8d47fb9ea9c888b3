package io.dbdevops.integrity;

import static io.dbdevops.integrity.Changesets.cs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.release.SemanticVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two branches that each release changesets must not merge silently: git stops on a conflict in dbdevops.sum. Runs the
 * real git in a temporary repository, isolated from the user's and the system's git configuration.
 */
class SumFileGitMergeTest {

  private static final String SUM = "src/main/db/dbdevops.sum";
  private static final List<ChangeSetInfo> BASE = List.of(cs("001", "aa"), cs("002", "bb"), cs("003", "cc"));

  @TempDir
  Path repo;

  @BeforeEach
  void initRepository() throws Exception {
    if (!gitAvailable()) {
      // like a missing database: a skip on a developer's machine, a failure in CI, where nothing may be skipped
      if (io.dbdevops.testdb.TestDatabases.realDatabasesRequired()) {
        org.junit.jupiter.api.Assertions.fail("git is not installed, and DBDEVOPS_REQUIRE_REAL_DBS=true forbids skipping");
      }
      Assumptions.abort("git is not installed");
    }
    git("init", "-q");
    git("symbolic-ref", "HEAD", "refs/heads/main");
    git("config", "user.name", "dbdevops test");
    git("config", "user.email", "test@dbdevops.invalid");
    git("config", "commit.gpgsign", "false");
    release(BASE, "release 1.0");
  }

  @Test
  void twoBranchesThatEachReleaseChangesetsConflictOnTheSumFile() throws Exception {
    git("checkout", "-q", "-b", "feature-a");
    release(plus(BASE, cs("004-a", "dd")), "release a");
    git("checkout", "-q", "main");
    git("checkout", "-q", "-b", "feature-b");
    release(plus(BASE, cs("004-b", "ee"), cs("005-b", "ff")), "release b");

    git("checkout", "-q", "feature-a");
    Result merge = run("git", "merge", "--no-edit", "feature-b");
    assertThat(merge.exit()).as("merge must fail: %s", merge.output()).isNotZero();
    assertThat(merge.output()).contains("CONFLICT (content): Merge conflict in " + SUM);
    assertThat(git("diff", "--name-only", "--diff-filter=U").output().strip()).isEqualTo(SUM);
    Path sum = repo.resolve(SUM);
    assertThat(Files.readString(sum)).contains("<<<<<<<", ">>>>>>>");
    assertThatThrownBy(() -> SumFile.read(sum)).isInstanceOf(SumFileException.class)
        .hasMessageContaining("unresolved merge conflict");

    // the documented fix: keep one side, then mark-released adds the other side's changesets. The merged changelog
    // runs a's 004-a before b's 004-b: keeping b's side makes 004-a a new changeset before released ones (DBD802) ...
    List<ChangeSetInfo> merged = plus(BASE, cs("004-a", "dd"), cs("004-b", "ee"), cs("005-b", "ff"));
    git("checkout", "--theirs", "--", SUM);
    assertThat(SumFile.read(sum).intact()).isTrue();
    ReleaseMarker.Marked refused = new ReleaseMarker().mark(sum, merged);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.check().violations()).extracting(IntegrityViolation::rule, IntegrityViolation::changeset)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(IntegrityRule.OUT_OF_ORDER, "changeset 004-a by team"));

    // ... keeping a's side (whose changesets come first) releases b's after them
    git("checkout", "--ours", "--", SUM);
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sum, merged);
    assertThat(marked.check().violations()).isEmpty();
    assertThat(marked.newlyReleased()).extracting(ChangeSetInfo::id).containsExactly("004-b", "005-b");
    assertThat(SumFile.read(sum)).isEqualTo(SumFile.releasing(merged));
  }

  @Test
  void twoBranchesThatEachRecordAReleaseVersionConflict() throws Exception {
    Path sum = repo.resolve(SUM);
    new ReleaseMarker().mark(sum, BASE, Optional.of(SemanticVersion.parse("1.0.0")));
    git("commit", "-q", "-am", "release 1.0.0");
    git("checkout", "-q", "-b", "feature-a");
    new ReleaseMarker().mark(sum, plus(BASE, cs("004-a", "dd")), Optional.of(SemanticVersion.parse("1.1.0")));
    git("commit", "-q", "-am", "release 1.1.0 on a");
    git("checkout", "-q", "main");
    git("checkout", "-q", "-b", "feature-b");
    new ReleaseMarker().mark(sum, plus(BASE, cs("004-b", "ee")), Optional.of(SemanticVersion.parse("2.0.0")));
    git("commit", "-q", "-am", "release 2.0.0 on b");

    git("checkout", "-q", "feature-a");
    Result merge = run("git", "merge", "--no-edit", "feature-b");
    assertThat(merge.exit()).as("merge must fail: %s", merge.output()).isNotZero();
    assertThat(merge.output()).contains("CONFLICT (content): Merge conflict in " + SUM);
    assertThatThrownBy(() -> SumFile.read(sum)).isInstanceOf(SumFileException.class)
        .hasMessageContaining("unresolved merge conflict");
  }

  @Test
  void theSameReleaseOnBothBranchesMergesCleanly() throws Exception {
    List<ChangeSetInfo> next = plus(BASE, cs("004", "dd"));
    git("checkout", "-q", "-b", "feature-a");
    release(next, "release on a");
    git("checkout", "-q", "main");
    git("checkout", "-q", "-b", "feature-b");
    Files.writeString(repo.resolve("README"), "other work\n");
    release(next, "the same release on b");

    git("checkout", "-q", "feature-a");
    assertThat(run("git", "merge", "--no-edit", "feature-b").exit()).isZero();
    assertThat(SumFile.read(repo.resolve(SUM))).isEqualTo(SumFile.releasing(next));
  }

  private void release(List<ChangeSetInfo> changesets, String message) throws Exception {
    SumFile.releasing(changesets).write(repo.resolve(SUM));
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }

  @SafeVarargs
  private static <T> List<T> plus(List<T> list, T... more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }

  private record Result(int exit, String output) {
  }

  private Result git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Result result = run(command.toArray(String[]::new));
    assertThat(result.exit()).as("%s: %s", command, result.output()).isZero();
    return result;
  }

  private Result run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", repo.resolve(".git-global-config-none").toString());
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private static boolean gitAvailable() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
