package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.testdb.TestDatabases;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight deploys of one changelog to one database, each in a process of its own, started at the same moment: every
 * process succeeds, each changeset is applied exactly once (by whichever deploy got the deploy lock first; the others
 * wait for it, then find nothing pending), and no lock is left behind.
 */
class DeployConcurrencyTest {

  private static final int PROCESSES = 8;
  private static final int CHANGESETS = 12;
  private static final Pattern DONE = Pattern.compile("done applied=(\\d+) blocked=false validated=true");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void eightConcurrentDeployProcessesApplyEachChangesetOnce(Engine engine, @TempDir Path dir) throws Exception {
    Server server = TestDatabases.require(engine);
    ChangelogSource changelog = DeployProcesses.changelog(dir, engine, CHANGESETS, false);
    List<DeployProcesses.Child> children = new ArrayList<>();
    try (TempDatabase db = server.createDatabase()) {
      try {
        for (int i = 0; i < PROCESSES; i++) {
          children.add(DeployProcesses.start(changelog, server));
        }
        for (DeployProcesses.Child child : children) {
          child.await("ready");
        }
        children.forEach(child -> child.go(db.url()));
        int applied = 0;
        List<Integer> perProcess = new ArrayList<>();
        for (DeployProcesses.Child child : children) {
          String done = child.await("done");
          Matcher m = DONE.matcher(done);
          assertThat(m.matches()).as(done).isTrue();
          perProcess.add(Integer.parseInt(m.group(1)));
          applied += Integer.parseInt(m.group(1));
          assertThat(child.process.waitFor()).as("exit code").isZero();
        }
        System.err.println("[dbdevops tests] " + engine + ": changesets applied per deploy process: " + perProcess);
        assertThat(applied).as("changesets applied over all processes " + perProcess).isEqualTo(CHANGESETS);
        DeployProcesses.assertDeployedOnceAndUnlocked(db, CHANGESETS);
      } finally {
        for (DeployProcesses.Child child : children) {
          child.close();
        }
      }
    }
  }
}
