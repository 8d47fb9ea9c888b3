package io.dbdevops.maven;

import io.dbdevops.gate.Gate;
import io.dbdevops.liquibase.ParsedChangelogs;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateWriter.WriteSummary;
import org.apache.maven.plugins.annotations.Mojo;

/** Applies the changelog to a shadow database and rewrites the committed state from it. Review and commit it. */
@Mojo(name = "snapshot", threadSafe = true)
public class SnapshotMojo extends AbstractDbDevOpsMojo {

  @Override
  protected void executeGoal() {
    ParsedChangelogs parses = new ParsedChangelogs();
    Gate gate = new Gate(ShadowProviders.load(), consoleListener(), parses);
    Gate.SnapshotResult result = gate.snapshot(gateSettings());
    parses.parsed().stream().flatMap(parsed -> parsed.warnings().stream()).distinct()
        .forEach(warning -> getLog().warn("dbdevops: " + warning));
    WriteSummary w = result.written();
    getLog().info("dbdevops: state " + relative(stateDirectory.toPath()) + ": " + w.written() + " written, "
        + w.unchanged() + " unchanged, " + w.removed() + " removed (" + Plural.of(result.built().model().objectCount(), "object")
        + (result.built().data().isEmpty() ? "" : ", " + Plural.of(result.built().data().size(), "reference table")) + ")"
        + (w.written() + w.removed() > 0 ? ". Review the change with `git diff` and commit it." : "; nothing changed."));
  }
}
