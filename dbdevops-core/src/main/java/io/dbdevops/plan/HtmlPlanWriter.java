package io.dbdevops.plan;

import io.dbdevops.report.Parts.Card;
import io.dbdevops.report.Parts.Detail;
import io.dbdevops.report.Parts.Lines;
import io.dbdevops.report.Templates;
import java.util.List;

/**
 * plan.html: the page a DBA reviews before approving a deploy, in the reports' style (one file, no network): the
 * plan id and what it covers, then per changeset its flags and the SQL that will run, the diff, drift and lint.
 */
public final class HtmlPlanWriter implements PlanWriter {

  @Override
  public String fileName() {
    return "plan.html";
  }

  record Statement(int n, String sql, String separator) {
  }

  record ChangeSet(int n, String id, String author, String location, String reversibility, String lossClass,
      String lossWord, String checksum, String statementCount, List<String> lossReasons, List<Statement> statements) {
    public boolean hasLossReasons() {
      return !lossReasons.isEmpty();
    }
  }

  record Finding(String severity, String code, String name, String object, String location, String message,
      String acceptedReason) {
  }

  record Page(String planId, String environment, String summary, List<Card> cards, List<Detail> details,
      List<ChangeSet> changeSets, List<Lines> sections, String lintCount, List<Finding> lint) {
    public boolean hasLint() {
      return !lint.isEmpty();
    }
  }

  @Override
  public String render(Plan plan) {
    long lossy = plan.changeSets().stream().filter(Plan.PlannedChangeSet::lossy).count();
    List<Card> cards = List.of(
        new Card("Changesets", String.valueOf(plan.changeSets().size()), "pending on " + plan.environment(), false),
        new Card("Statements", String.valueOf(plan.statements()), "executed on the shadow", false),
        new Card("Lossy", String.valueOf(lossy), lossy == 0 ? "no data dropped" : "drop or overwrite data", lossy > 0),
        new Card("Irreversible", String.valueOf(plan.irreversible()), "no rollback possible", plan.irreversible() > 0),
        new Card("Drift", plan.drift().isEmpty() ? "none" : "yes", "live vs its applied changesets", !plan.drift().isEmpty()),
        new Card("Lint findings", String.valueOf(plan.lint().size()),
            plan.lint().stream().filter(Plan.PlannedFinding::accepted).count() + " accepted", false));
    List<Detail> details = List.of(new Detail("Environment", plan.environment(), false),
        new Detail("Engine", plan.engine(), false), new Detail("Live state", plan.liveFingerprint(), true),
        new Detail("Contexts", plan.settings().contexts().orElse("(none)"), false),
        new Detail("Labels", plan.settings().labels().orElse("(none)"), false),
        plan.settings().parameters().isEmpty() ? new Detail("Parameters", "(none)", false)
            : new Detail("Parameters", plan.settings().parameters().toString(), true),
        new Detail("Version bump", plan.requiredVersionBump().orElse("(not classified)"), false));
    List<ChangeSet> changeSets = new java.util.ArrayList<>();
    for (Plan.PlannedChangeSet c : plan.changeSets()) {
      List<Statement> statements = new java.util.ArrayList<>();
      for (String s : c.sql()) {
        String sql = s.strip();
        statements.add(new Statement(statements.size() + 1, sql + (sql.endsWith(";") ? "" : ";"),
            statements.isEmpty() ? "" : "\n"));
      }
      changeSets.add(new ChangeSet(changeSets.size() + 1, c.id(), c.author(), c.location(), c.reversibility().word(),
          c.lossy() ? "lossy" : "safe", c.lossy() ? "lossy" : "no data loss", c.checksum(),
          TextCount.of(c.sql().size(), "statement"), c.lossReasons(), statements));
    }
    List<Finding> lint = plan.lint().stream().map(f -> new Finding(f.accepted() ? "accepted" : f.severity(), f.code(),
        f.name(), f.object(), f.location(), f.message(), f.acceptedReason().orElse(null))).toList();
    return Templates.render("plan", new Page(plan.planId(), plan.environment(), PlanText.summary(plan), cards, details,
        changeSets, List.of(Lines.of("Diff live → after", plan.diff(), "No schema change."),
            Lines.of("Drift", plan.drift(), "None: the live state equals the expected state at its applied changesets.")),
        TextCount.of(plan.lint().size(), "finding"), lint));
  }

  /** {@code 1 statement}, {@code 2 statements}. */
  private static final class TextCount {
    static String of(long n, String word) {
      return PlanText.count(n, word);
    }
  }
}
