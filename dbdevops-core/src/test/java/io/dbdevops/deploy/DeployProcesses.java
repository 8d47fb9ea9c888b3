package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.testdb.TestDatabases.Engine;
import io.dbdevops.testdb.TestDatabases.Server;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deploys in child JVMs ({@link DeployChild}) for the concurrency and crash tests, the changelog they deploy, and the
 * checks a user would make afterwards: every changeset once in DATABASECHANGELOG, Liquibase's lock and the deploy lock
 * free.
 */
final class DeployProcesses {

  /** How long a child may take for anything; a bound against a hang, never an assertion on speed. */
  static final long BOUND_SECONDS = 180;
  private static final Pattern SHADOW = Pattern.compile("dbdevops_shadow_\\w+");

  private DeployProcesses() {
  }

  /** A started child: its process, its stdout lines as they come, and the shadow databases it said it opened. */
  static final class Child implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Writer stdin;

    Child(Process process) {
      this.process = process;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith(DeployChild.PREFIX)) {
              String l = line.substring(DeployChild.PREFIX.length());
              all.add(l);
              lines.add(l);
            }
          }
        } catch (IOException e) {
          // the child was killed
        }
        lines.add("eof");
      }, "deploy-child-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next line starting with {@code prefix} (others are skipped); fails when the child ends or hangs first. */
    String await(String prefix) throws InterruptedException {
      while (true) {
        String line = lines.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("child output so far: " + all).isNotNull().isNotEqualTo("eof");
        if (line.startsWith(prefix) || line.startsWith("error")) {
          assertThat(line).as("child output: " + all).doesNotStartWith("error");
          return line;
        }
      }
    }

    void go(String url) {
      try {
        stdin.write("go " + url + "\n");
        stdin.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** SIGKILL (on Linux), and wait for the process to be gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /** The shadow databases the child said it opened. */
    List<String> shadows() {
      List<String> names = new ArrayList<>();
      synchronized (all) {
        for (String l : all) {
          Matcher m = SHADOW.matcher(l);
          if (l.startsWith("progress") && m.find()) {
            names.add(m.group());
          }
        }
      }
      return names;
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        kill();
      }
    }
  }

  /** Starts a child JVM on the test classpath, deploying {@code changelog}; it warms up, then waits for {@link Child#go}. */
  static Child start(ChangelogSource changelog, Server server) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), DeployChild.class.getName(),
        changelog.root().toString(), changelog.path(), server.user().orElse(""),
        server.engine() == Engine.POSTGRESQL ? "postgresql" : "mariadb");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    return new Child(pb.start());
  }

  /**
   * A changelog of {@code count} changesets: most create a table and an index; every sixth waits a little (on the
   * live database only: the shadow copies skip the wait) and every sixth from the third creates two tables with a
   * wait between them and adds a column, so a kill lands inside a changeset now and then.
   */
  static ChangelogSource changelog(Path dir, Engine engine, int count, boolean slow) throws IOException {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        """);
    for (int i = 1; i <= count; i++) {
      String id = String.format("%03d", i);
      xml.append("  <changeSet id=\"").append(id).append("\" author=\"crash\">\n");
      if (slow && i % 6 == 0) {
        xml.append("    <sql>").append(sleep(engine, "0.15")).append("</sql>\n");
        xml.append("    <createTable tableName=\"w").append(id).append("\"><column name=\"id\" type=\"int\"/></createTable>\n");
      } else if (i % 6 == 3) {
        xml.append("    <createTable tableName=\"a").append(id).append("\"><column name=\"id\" type=\"int\"/></createTable>\n");
        if (slow) {
          xml.append("    <sql>").append(sleep(engine, "0.1")).append("</sql>\n");
        }
        xml.append("    <createTable tableName=\"b").append(id).append("\"><column name=\"id\" type=\"int\"/></createTable>\n");
        xml.append("    <addColumn tableName=\"a").append(id).append("\"><column name=\"note\" type=\"varchar(40)\"/></addColumn>\n");
      } else {
        xml.append("    <createTable tableName=\"t").append(id).append("\">\n")
            .append("      <column name=\"id\" type=\"int\"><constraints primaryKey=\"true\"/></column>\n")
            .append("      <column name=\"name\" type=\"varchar(50)\"/>\n")
            .append("    </createTable>\n")
            .append("    <createIndex tableName=\"t").append(id).append("\" indexName=\"ix_t").append(id)
            .append("_name\"><column name=\"name\"/></createIndex>\n");
      }
      xml.append("  </changeSet>\n");
    }
    xml.append("</databaseChangeLog>\n");
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/changelog.xml"), xml);
    return new ChangelogSource(dir, "db/changelog.xml");
  }

  private static String sleep(Engine engine, String seconds) {
    return engine == Engine.POSTGRESQL
        ? "SELECT pg_sleep(CASE WHEN current_database() LIKE 'dbdevops_shadow%' THEN 0 ELSE " + seconds + " END)"
        : "DO SLEEP(IF(DATABASE() LIKE 'dbdevops_shadow%', 0, " + seconds + "))";
  }

  /** DATABASECHANGELOG: changeset id → how many rows it has. */
  static Map<String, Integer> history(TempDatabase db) throws SQLException {
    Map<String, Integer> ids = new LinkedHashMap<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT ID, COUNT(*) FROM DATABASECHANGELOG GROUP BY ID ORDER BY ID")) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getInt(2));
      }
    }
    return ids;
  }

  /** The other sessions on the database, for a failure's message. */
  static List<String> sessions(TempDatabase db) throws SQLException {
    String sql = db.server().engine() == Engine.POSTGRESQL
        ? "SELECT pid || ' ' || state || ' ' || backend_start || ' ' || left(query, 120) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        : "SELECT CONCAT(ID, ' ', COMMAND, ' ', TIME, ' ', COALESCE(STATE, ''), ' ', LEFT(COALESCE(INFO, ''), 120)) "
            + "FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()";
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /** Every changeset exactly once, Liquibase's lock unlocked, the deploy lock (advisory lock / GET_LOCK) free. */
  static void assertDeployedOnceAndUnlocked(TempDatabase db, int changesets) throws SQLException {
    Map<String, Integer> ids = history(db);
    assertThat(ids).hasSize(changesets);
    assertThat(ids.values()).as("rows per changeset in DATABASECHANGELOG: " + ids).containsOnly(1);
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT LOCKED, LOCKGRANTED, LOCKEDBY FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("DATABASECHANGELOGLOCK locked since %s by %s; sessions: %s", rs.getTimestamp(2),
            rs.getString(3), sessions(db)).isFalse();
      }
      String sql = db.server().engine() == Engine.POSTGRESQL
          ? "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' "
              + "AND d.datname = current_database()"
          : "SELECT CASE WHEN IS_FREE_LOCK(CONCAT('dbdevops_deploy:', DATABASE())) = 1 THEN 0 ELSE 1 END";
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        assertThat(rs.getInt(1)).as("deploy locks still held").isZero();
      }
    }
  }
}
