package io.dbdevops.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One file of a plan: {@code plan.json}, {@code plan.sql}, {@code plan.md}, {@code plan.html}. Deterministic. */
public interface PlanWriter {

  String fileName();

  String render(Plan plan);

  /** The writers of every plan file. */
  static List<PlanWriter> all() {
    return List.of(new JsonPlanWriter(), new SqlPlanWriter(), new MarkdownPlanWriter(), new HtmlPlanWriter());
  }

  /** Writes every plan file into {@code directory} (created when missing); returns their paths. */
  static List<Path> writeAll(Plan plan, Path directory) {
    return writeAll(plan, directory, java.util.function.UnaryOperator.identity());
  }

  /**
   * Writes every plan file, each text passed through {@code mask} first (the build's passwords out of it, should a
   * changeset's SQL carry one).
   */
  static List<Path> writeAll(Plan plan, Path directory, java.util.function.UnaryOperator<String> mask) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (PlanWriter w : all()) {
        Path file = directory.resolve(w.fileName());
        Files.writeString(file, mask.apply(w.render(plan)), StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan under " + directory + ": " + e.getMessage(), e);
    }
    return written;
  }

  /** plan.json: the id, then the canonical content it is the hash of. */
  final class JsonPlanWriter implements PlanWriter {
    public static final String FILE_NAME = "plan.json";

    @Override
    public String fileName() {
      return FILE_NAME;
    }

    @Override
    public String render(Plan plan) {
      return PlanJson.write(plan);
    }
  }

  /** plan.sql: the whole script as it runs on the environment, one commented block per changeset. */
  final class SqlPlanWriter implements PlanWriter {
    @Override
    public String fileName() {
      return "plan.sql";
    }

    @Override
    public String render(Plan plan) {
      StringBuilder s = new StringBuilder();
      s.append("-- dbdevops plan ").append(plan.planId()).append(" for environment ").append(plan.environment())
          .append(" (").append(plan.engine()).append(")\n");
      s.append("-- live state ").append(plan.liveFingerprint()).append("\n");
      s.append("-- ").append(PlanText.summary(plan)).append("\n");
      s.append("-- The statements Liquibase executed for each changeset on a shadow of the environment; Liquibase's own\n")
          .append("-- DATABASECHANGELOG bookkeeping is left out, a CREATE TABLE's constraints are in text order (Liquibase\n")
          .append("-- emits them in no fixed order). Deploy this plan with dbdevops:deploy -Ddbdevops.plan=")
          .append(plan.planId()).append("\n");
      for (Plan.PlannedChangeSet c : plan.changeSets()) {
        s.append("\n-- ------------------------------------------------------------------------\n");
        s.append("-- changeset ").append(c.id()).append(" (author ").append(c.author()).append(") ")
            .append(c.location()).append("\n");
        s.append("-- checksum ").append(c.checksum()).append("; reversibility ").append(c.reversibility().word())
            .append("; lossy ").append(c.lossy() ? "yes" : "no").append("\n");
        c.lossReasons().forEach(r -> s.append("--   ").append(r.replace("\n", " ")).append("\n"));
        s.append("-- ------------------------------------------------------------------------\n");
        if (c.sql().isEmpty()) {
          s.append("-- (no statement)\n");
        }
        for (String sql : c.sql()) {
          s.append(sql.strip()).append(sql.strip().endsWith(";") ? "\n" : ";\n");
        }
      }
      return s.toString();
    }
  }
}
