package io.dbdevops.maven;

import io.dbdevops.gate.GateSettings;
import io.dbdevops.integrity.IntegrityViolation;
import io.dbdevops.integrity.ReleaseMarker;
import io.dbdevops.liquibase.ChangeSetInfo;
import io.dbdevops.liquibase.Selection;
import io.dbdevops.release.SemanticVersion;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Marks every changeset the configured contexts and labels select for the target database as released: rewrites the
 * integrity file (dbdevops.sum) with their checksums. Run it when you release; commit the file. Refuses while a released changeset was edited, reordered or
 * removed (DBD801/DBD802): fix the changelog first. Records the project version ({@code X-SNAPSHOT} as {@code X}) as a
 * {@code release X} line after the changesets it releases; refuses a version below the last one recorded.
 */
@Mojo(name = "mark-released", threadSafe = true)
public class MarkReleasedMojo extends AbstractLintingMojo {


  @Override
  protected void executeGoal() throws MojoFailureException {
    GateSettings settings = gateSettings();
    // the changesets the update selects (contexts, labels, target database), as verify checks them
    Selection selection = selection(settings, shadowDialect(settings));
    boolean existed = Files.isRegularFile(sumFile.toPath());
    String name = relative(sumFile.toPath());
    Optional<SemanticVersion> version = SemanticVersion.tryParse(project.getVersion());
    if (version.isEmpty()) {
      getLog().warn("dbdevops: the project version '" + project.getVersion() + "' is not a semantic version "
          + "(MAJOR.MINOR.PATCH): " + name + " records no version for this release, and DBD901 cannot tell which "
          + "version the next release needs");
    }
    ReleaseMarker.Marked marked = new ReleaseMarker().mark(sumFile.toPath(), settings.changelog(), selection, version);
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
    boolean recorded = version.isPresent() && marked.written() && (!marked.newlyReleased().isEmpty()
        || !marked.version().equals(marked.previous()));
    if (marked.newlyReleased().isEmpty()) {
      getLog().info("dbdevops: nothing new to mark: all " + marked.released() + " changesets are already released ("
          + name + (marked.written() && !recorded ? ", rewritten" : "") + ")");
    } else {
      for (ChangeSetInfo cs : marked.newlyReleased()) {
        getLog().info("dbdevops:   released " + cs.id() + " by " + cs.author() + " (" + cs.location() + ")");
      }
      getLog().info("dbdevops: marked " + marked.newlyReleased().size() + " changesets as released ("
          + marked.released() + " in total); wrote " + name + ": commit it");
    }
    if (recorded) {
      getLog().info("dbdevops: recorded release " + marked.version().get() + " in " + name + " (the last release "
          + "recorded before: " + marked.previous().map(Object::toString).orElse("none") + ")");
    } else if (version.isPresent()) {
      getLog().info("dbdevops: release " + marked.version().get() + " is already recorded in " + name);
    }
  }
}
