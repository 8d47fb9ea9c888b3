package io.dbdevops.deploy;

import io.dbdevops.SetupException;
import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.drift.History;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.liquibase.ChangelogSelection;
import io.dbdevops.liquibase.ChangelogSelection.ChangeSetRef;
import io.dbdevops.shadow.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads an environment's status: one SELECT on DATABASECHANGELOG, read-only, and the changelog. */
public final class Status {

  public StatusReport read(LiveTarget target, ChangelogSource changelog) {
    try (Connection live = target.connect(true)) {
      Dialect dialect = Dialect.of(live);
      Optional<List<History.Row>> rows = History.read(live, target.description());
      List<History.Row> applied = rows.orElse(List.of());
      Set<String> keys = applied.stream().map(History.Row::key).collect(Collectors.toSet());
      List<ChangeSetRef> pending = new ChangelogSelection().select(changelog, target.environment().updateOptions(), dialect)
          .stream().filter(c -> !keys.contains(c.key())).toList();
      Optional<History.Row> last = applied.stream().max(Comparator.comparing(History.Row::dateExecuted)
          .thenComparing(History.Row::orderExecuted));
      return new StatusReport(target.environment().title(), JdbcUrls.redact(target.url()), rows.isPresent(),
          applied.size(), pending, last);
    } catch (SQLException e) {
      throw new SetupException("cannot read " + target.description() + ": " + e.getMessage(), e);
    }
  }
}
