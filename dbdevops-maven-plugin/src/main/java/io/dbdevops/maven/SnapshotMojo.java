package io.dbdevops.maven;

import io.dbdevops.gate.Gate;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateWriter.WriteSummary;
import org.apache.maven.plugins.annotations.Mojo;

/** Applies the changelog to a shadow database and rewrites the committed state from it. Review and commit it. */
@Mojo(name = "snapshot", threadSafe = true)
public class SnapshotMojo extends AbstractDbDevOpsMojo {

  @Override
  protected void executeGoal() {
    Gate gate = new Gate(ShadowProviders.load(), consoleListener());
    Gate.SnapshotResult result = gate.snapshot(gateSettings());
    WriteSummary w = result.written();
    getLog().info("dbdevops: state " + relative(stateDirectory.toPath()) + ": " + w.written() + " written, "
        + w.unchanged() + " unchanged, " + w.removed() + " removed (" + Plural.of(result.built().model().objectCount(), "object")
        + ")" + (w.written() + w.removed() > 0 ? ". Review the change with `git diff` and commit it." : "; nothing changed."));
  }
}
