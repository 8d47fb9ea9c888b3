package io.dbdevops.maven;

import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityViolation;
import io.dbdevops.integrity.ReleaseMarker;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.Selection;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Marks every changeset the configured contexts and labels select for the target database as released: rewrites the
 * integrity file (dbdevops.sum) with their checksums. Run it when you release; commit the file. Refuses while a released changeset was edited, reordered or
 * removed (DBD801/DBD802): fix the changelog first.
 */
@Mojo(name = "mark-released", threadSafe = true)
public class MarkReleasedMojo extends AbstractLintingMojo {


  @Override
  protected void executeGoal() throws MojoFailureException {
    GateSettings settings = gateSettings();
    // the changesets the update selects (contexts, labels, target database), as verify checks them
    Selection selection = selection(settings, shadowDialect(settings));
    boolean existed = Files.isRegularFile(sumFile.toPath());
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sumFile.toPath(), settings.changelog(), selection);
    String name = relative(sumFile.toPath());
    if (marked.refused()) {
      int violations = marked.check().violations().size();
      StringBuilder message = new StringBuilder("not marking changesets as released: " + (existed
          ? "the released history in " + name + " does not hold (" + Plural.of(violations, "violation") + ")"
          : "the changelog has " + Plural.of(violations, "violation")) + "; fix the changelog first");
      for (IntegrityViolation violation : marked.check().violations()) {
        getLog().error(violation.message());
        message.append(System.lineSeparator()).append("  ").append(violation.message());
      }
      throw new MojoFailureException(message.toString());
    }
    marked.check().sumFileProblem().ifPresent(problem -> getLog().warn("dbdevops: " + name + " was edited by hand or "
        + "merged (" + problem + "); its entries agree with the changelog, so it is rewritten: review its diff before "
        + "committing"));
    if (marked.newlyReleased().isEmpty()) {
      getLog().info("dbdevops: nothing new to mark: all " + marked.released() + " changesets are already released ("
          + name + (marked.written() ? ", rewritten" : "") + ")");
      return;
    }
    for (ChangeSetInfo cs : marked.newlyReleased()) {
      getLog().info("dbdevops:   released " + cs.id() + " by " + cs.author() + " (" + cs.location() + ")");
    }
    getLog().info("dbdevops: marked " + marked.newlyReleased().size() + " changesets as released (" + marked.released()
        + " in total); wrote " + name + ": commit it");
  }
}
