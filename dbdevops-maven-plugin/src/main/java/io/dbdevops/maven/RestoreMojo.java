package io.dbdevops.maven;

import io.dbdevops.recovery.Restorer;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts a backup's rows back into one environment: {@code -Ddbdevops.backup=<folder>} or {@code latest} (in the POM
 * {@code <backupToRestore>}, since {@code <backup>} is the policy). The manifest and every file's SHA-256 are checked
 * first; each table must exist with the same columns and types and be empty; the rows load in one transaction and are
 * counted against the manifest. A {@code <protected>} environment needs {@code -Ddbdevops.rollback.confirm=NAME}.
 */
@Mojo(name = "restore", threadSafe = true)
public class RestoreMojo extends AbstractEnvironmentMojo {

  /** The backup to restore, as in the POM ({@code -Ddbdevops.backup} on the command line wins). */
  @Parameter
  private String backupToRestore;

  /** The environment's name, to confirm a restore into a {@code <protected>} or {@code <requirePlan>} environment. */
  @Parameter(property = "dbdevops.rollback.confirm")
  private String confirm;

  @Override
  protected boolean backupSettingIsPolicy() {
    return false;
  }

  @Override
  protected void executeGoal() {
    // -Ddbdevops.backup names the backup here; otherwise <backupToRestore>
    String chosen = session.getUserProperties().getProperty("dbdevops.backup") != null ? backupSetting()
        : backupToRestore;
    var target = liveTarget();
    getLog().info("dbdevops: restoring " + chosen + " into " + target.description());
    Restorer.Result r = new Restorer().restore(new Restorer.Request(target, chosen, Optional.ofNullable(confirm)));
    getLog().info("dbdevops: backup " + relative(r.backup().directory()) + " (" + r.backup().purpose() + " of "
        + r.backup().time() + "): manifest and " + Plural.of(r.backup().tables().size(), "file")
        + " match their SHA-256");
    r.tables().forEach(t -> getLog().info("dbdevops: restored " + t.table() + ": " + Plural.of((int) t.rows(), "row")));
    getLog().info("dbdevops restore: " + Plural.of((int) r.rows(), "row") + " in " + Plural.of(r.tables().size(),
        "table") + " restored into environment '" + target.environment().name() + "' in " + r.took().toMillis()
        + " ms, each count equal to the manifest's");
  }
}
