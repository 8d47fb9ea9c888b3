package io.dbdevops.lint.rules;

import io.dbdevops.lint.Finding;
import io.dbdevops.lint.LintContext;
import io.dbdevops.lint.Rule;
import io.dbdevops.lint.RuleMeta;
import io.dbdevops.lint.RuleRegistry;
import io.dbdevops.lint.Severity;
import io.dbdevops.release.Bump;
import io.dbdevops.release.Classification;
import io.dbdevops.release.Classifier;
import io.dbdevops.release.Reason;
import io.dbdevops.release.SemanticVersion;
import java.util.List;
import java.util.Optional;

/**
 * DBD901: the project version is below the version the pending changes need over the last released one (MAJOR, MINOR
 * or PATCH, {@link Classifier}); {@code X-SNAPSHOT} counts as {@code X}. One finding, at the change that requires the
 * version (the first of the largest class), naming the version to use. Judges nothing when the project version or
 * the last released version (a {@code release} line of dbdevops.sum) is unknown.
 */
@RuleMeta(code = "DBD901", name = "version-too-small", severity = Severity.ERROR, bump = Bump.NONE,
    summary = "The project version is below the next version the pending changes need over the last release "
        + "(semantic versioning: MAJOR for breaking changes, MINOR for additions, PATCH for the rest).")
public final class VersionTooSmallRule implements Rule {

  @Override
  public List<Finding> check(LintContext context) {
    Optional<SemanticVersion> project = context.projectVersion();
    Optional<SemanticVersion> last = context.lastRelease();
    if (project.isEmpty() || last.isEmpty() || context.pending().isEmpty()) {
      return List.of();
    }
    Classification classification = new Classifier(RuleRegistry.load()).classify(context);
    SemanticVersion required = classification.requiredNext(last).orElseThrow();
    if (project.get().meets(required)) {
      return List.of();
    }
    Reason driver = classification.drivers().get(0);
    int others = classification.drivers().size() - 1;
    String message = "the project version " + project.get() + " is below " + required + ", the version a "
        + classification.level() + " change needs after release " + last.get() + ": " + driver.change()
        + driver.rule().map(r -> " (" + r + ")").orElse("")
        + (others > 0 ? " and " + others + (others == 1 ? " other " : " others ") + classification.level()
            + (others == 1 ? " change" : " changes") : "");
    String why = switch (classification.level()) {
      case MAJOR -> "applications built for " + last.get() + " break on it, and a version that does not say so "
          + "tells whoever deploys it that they do not";
      case MINOR -> "it adds to the schema " + last.get() + " had, which semantic versioning announces with a new "
          + "minor version";
      default -> "every release needs a version of its own";
    };
    String fix = "Set the project version to " + required + " (" + required + "-SNAPSHOT while building it); mvn "
        + "dbdevops:version lists every pending change and its class";
    RuleMeta meta = meta();
    return List.of(new Finding(meta.code(), meta.name(), meta.severity(), driver.object(), driver.site(), message, why,
        fix, Optional.empty()));
  }
}
