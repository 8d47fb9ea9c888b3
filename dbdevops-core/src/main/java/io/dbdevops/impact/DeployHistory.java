package io.dbdevops.impact;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import io.dbdevops.env.LiveTarget;
import io.dbdevops.shadow.JdbcUrls;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deploys an environment has had, read on a read-only session: Liquibase's DATABASECHANGELOG grouped by
 * DEPLOYMENT_ID (when, how many changesets, which), joined with dbdevops's own record ({@link DeployHistoryTable})
 * where there is one — a dbdevops deploy whose lock retries ran the update more than once is one deploy of several
 * DEPLOYMENT_IDs; a deploy made by plain Liquibase has no record; a failed deploy that recorded nothing in
 * DATABASECHANGELOG has only its record. Newest first.
 */
public final class DeployHistory {

  /** One deploy. {@code changeSets}: {@code id (author)} of each changeset it recorded, in order. */
  public record Deploy(Instant when, List<String> deploymentIds, List<String> changeSets,
      Optional<DeployHistoryTable.Entry> record) {
    public Deploy {
      deploymentIds = List.copyOf(deploymentIds);
      changeSets = List.copyOf(changeSets);
      record = Objects.requireNonNullElse(record, Optional.<DeployHistoryTable.Entry>empty());
    }

    /** The record's version, or empty for a plain Liquibase deploy. */
    public String version() {
      return record.map(DeployHistoryTable.Entry::version).orElse("");
    }

    public String outcome() {
      return record.map(DeployHistoryTable.Entry::outcome).orElse("LIQUIBASE");
    }

    public Optional<Duration> took() {
      return record.map(DeployHistoryTable.Entry::took);
    }
  }

  /** The history of one environment. */
  public record Result(String environment, String database, Dialect dialect, boolean deployed, List<Deploy> deploys) {
    public Result {
      deploys = List.copyOf(deploys);
    }
  }

  private DeployHistory() {
  }

  public static Result read(LiveTarget target) {
    try (Connection c = target.connect(true)) {
      Dialect dialect = Dialect.of(c);
      return new Result(target.environment().name(), JdbcUrls.redact(target.url()), dialect, hasChangelog(c, dialect),
          join(changelogGroups(c, dialect), DeployHistoryTable.read(c, dialect)));
    } catch (SQLException e) {
      throw new SetupException("cannot read the deploy history of " + target.description() + ": "
          + target.secrets().mask(String.valueOf(e.getMessage())), e);
    }
  }

  /** One DEPLOYMENT_ID of DATABASECHANGELOG. */
  record Group(String deploymentId, Instant first, List<String> changeSets) {
  }

  static List<Group> changelogGroups(Connection c, Dialect dialect) throws SQLException {
    if (!hasChangelog(c, dialect)) {
      return List.of();
    }
    Map<String, Instant> first = new LinkedHashMap<>();
    Map<String, List<String>> changeSets = new LinkedHashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DEPLOYMENT_ID, ID, AUTHOR, "
        + "DATEEXECUTED, EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED, DATEEXECUTED")) {
      while (rs.next()) {
        String id = Objects.requireNonNullElse(rs.getString(1), "(none)");
        java.time.LocalDateTime when = rs.getObject(4, java.time.LocalDateTime.class);
        // Liquibase writes DATEEXECUTED in the database session's local time; the servers here run in UTC
        first.putIfAbsent(id, when == null ? Instant.EPOCH : when.toInstant(ZoneOffset.UTC));
        changeSets.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(2) + " (" + rs.getString(3) + ")"
            + ("EXECUTED".equals(rs.getString(5)) ? "" : " " + rs.getString(5)));
      }
    }
    List<Group> groups = new ArrayList<>();
    first.forEach((id, when) -> groups.add(new Group(id, when, changeSets.get(id))));
    return groups;
  }

  static List<Deploy> join(List<Group> groups, List<DeployHistoryTable.Entry> entries) {
    List<Deploy> deploys = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    for (DeployHistoryTable.Entry e : entries) {
      List<Group> mine = groups.stream().filter(g -> e.deploymentIds().contains(g.deploymentId())).toList();
      claimed.addAll(mine.stream().map(Group::deploymentId).toList());
      deploys.add(new Deploy(e.started(), mine.stream().map(Group::deploymentId).toList(),
          mine.stream().flatMap(g -> g.changeSets().stream()).toList(), Optional.of(e)));
    }
    for (Group g : groups) {
      if (!claimed.contains(g.deploymentId())) {
        deploys.add(new Deploy(g.first(), List.of(g.deploymentId()), g.changeSets(), Optional.empty()));
      }
    }
    deploys.sort(Comparator.comparing(Deploy::when).reversed());
    return deploys;
  }

  private static boolean hasChangelog(Connection c, Dialect dialect) throws SQLException {
    var meta = c.getMetaData();
    boolean mariadb = dialect == Dialect.MARIADB;
    try (ResultSet rs = meta.getTables(mariadb ? c.getCatalog() : null, mariadb ? null : c.getSchema(), "%",
        new String[] {"TABLE"})) {
      while (rs.next()) {
        if ("DATABASECHANGELOG".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
