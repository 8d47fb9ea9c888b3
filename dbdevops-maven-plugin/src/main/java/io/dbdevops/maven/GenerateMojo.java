package io.dbdevops.maven;

import io.dbdevops.diff.DiffRendering;
import io.dbdevops.gate.Gate;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.generate.ChangesetGenerator;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.TableData;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.state.StateReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * State-first: writes a new changeset that takes the changelog to the edited committed state, and includes it from
 * the master changelog. Afterwards {@code dbdevops:verify} passes.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractDbDevOpsMojo {

  /** The new changeset's id (also its file name); default: a timestamp, e.g. 20261124-153000-generated. */
  @Parameter(property = "dbdevops.generate.id")
  private String changesetId;

  /** The new changeset's author. */
  @Parameter(property = "dbdevops.generate.author", defaultValue = "${user.name}")
  private String author;

  /** The folder, relative to the master changelog, the new file goes into. */
  @Parameter(property = "dbdevops.generate.folder", defaultValue = "changes")
  private String folder;

  @Override
  protected void executeGoal() {
    GateSettings settings = gateSettings();
    StateReader reader = new StateReader();
    SchemaModel desired = reader.read(settings.stateDirectory());
    List<TableData> desiredData = reader.readData(settings.stateDirectory(), desired, settings.referenceData());
    Gate.Built current = new Gate(ShadowProviders.load(), consoleListener()).build(settings);
    String id = changesetId != null && !changesetId.isBlank() ? changesetId
        : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-generated";
    ChangesetGenerator.Generated generated = new ChangesetGenerator()
        .generate(settings.changelog(), current.model(), current.data(), desired, desiredData,
            new ChangesetGenerator.Request(id, author, folder));
    if (generated.file().isEmpty()) {
      getLog().info("dbdevops: nothing to generate: the changelog already makes the committed state");
      return;
    }
    getLog().info("dbdevops: wrote changeset " + id + " to " + generated.file().get() + " ("
        + generated.changes().size() + " changes)" + (generated.masterUpdated() ? ", included from "
        + settings.changelog().path() : ""));
    for (String line : DiffRendering.lines(generated.changes())) {
      getLog().info("  " + line);
    }
    getLog().info("dbdevops: review the changeset, then run `mvn verify`");
  }
}
