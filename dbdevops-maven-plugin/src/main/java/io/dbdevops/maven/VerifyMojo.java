package io.dbdevops.maven;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.VerifyResult;
import io.dbdevops.report.ReportContext;
import io.dbdevops.report.Reports;
import io.dbdevops.shadow.ShadowProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The gate: applies the changelog to a shadow database, snapshots it and fails when the result differs from the
 * committed state. Writes report.json, report.md and report.html.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractDbDevOpsMojo {

  static final String FIX_SNAPSHOT = "if you changed the changelog, run `mvn dbdevops:snapshot`, review and commit the state";
  static final String FIX_GENERATE = "if you edited the state by hand, run `mvn dbdevops:generate` to write the changeset";

  @Override
  protected void executeGoal() throws MojoFailureException {
    Gate gate = new Gate(ShadowProviders.load(), new ConsoleListener(getLog()));
    VerifyResult result = gate.verify(gateSettings());
    String fix = stateEditedLast() ? FIX_GENERATE + "; " + FIX_SNAPSHOT : FIX_SNAPSHOT + "; " + FIX_GENERATE;
    List<Path> reports = Reports.writeAll(result, new ReportContext("verify", result.passed() ? "" : fix),
        reportDirectory.toPath());
    String reportPath = relative(reports.get(reports.size() - 1));
    if (result.passed()) {
      getLog().info("dbdevops: state matches the changelog (" + result.objectsInShadow() + " objects, "
          + result.changesetsApplied() + " changesets, " + result.timings().total().toMillis() + " ms); report "
          + reportPath);
      return;
    }
    List<String> lines = DiffRendering.lines(result.differences());
    long objects = DiffRendering.group(result.differences()).size();
    StringBuilder message = new StringBuilder("the committed state (" + relative(stateDirectory.toPath())
        + ") differs from what the changelog makes: " + result.differences().size() + " differences in " + objects
        + (objects == 1 ? " object" : " objects") + " (+ made by the changelog, missing from the state; - in the state, "
        + "not made by the changelog; ~ differs)");
    getLog().error("dbdevops: " + message);
    for (String line : lines) {
      getLog().error("  " + line);
      message.append(System.lineSeparator()).append("  ").append(line);
    }
    getLog().error("dbdevops: fix: " + fix);
    getLog().error("dbdevops: report " + reportPath);
    message.append(System.lineSeparator()).append("Fix: ").append(fix);
    throw new MojoFailureException(message.toString());
  }

  /** True when a state file is newer than every changelog file: the state was probably edited by hand. */
  private boolean stateEditedLast() {
    try {
      return newest(stateDirectory.toPath()).compareTo(newest(changelogSource().file().getParent())) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static FileTime newest(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return FileTime.fromMillis(0);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> {
        try {
          return Files.getLastModifiedTime(p);
        } catch (IOException e) {
          return FileTime.fromMillis(0);
        }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }
}
