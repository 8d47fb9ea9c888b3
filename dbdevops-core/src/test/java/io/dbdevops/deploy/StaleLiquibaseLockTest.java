package io.dbdevops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.SetupException;
import io.dbdevops.testdb.Engine;
import io.dbdevops.testdb.TestDatabases.TempDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A locked DATABASECHANGELOGLOCK is released only when nobody else is connected: an application that runs its
 * changelog at start-up (Spring Boot) holds a session while it updates, and its live lock must not be taken from it.
 */
class StaleLiquibaseLockTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
  void aLockIsReleasedOnlyWhenNoOtherSessionIsConnected(Engine engine) throws Exception {
    try (TempDatabase db = engine.server().createDatabase(); Connection deploy = db.connect()) {
      try (Statement st = deploy.createStatement()) {
        st.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL, "
            + "LOCKGRANTED TIMESTAMP NULL, LOCKEDBY VARCHAR(255))");
        st.execute("INSERT INTO DATABASECHANGELOGLOCK VALUES (1, TRUE, CURRENT_TIMESTAMP, 'app-host (10.0.0.7)')");
      }
      try (Connection application = db.connect()) {
        application.createStatement().execute("SELECT 1");
        assertThatThrownBy(() -> StaleLiquibaseLock.release(deploy, engine.dialect(), "environment 'prod'"))
            .isInstanceOf(SetupException.class)
            .hasMessageContaining("DATABASECHANGELOGLOCK of environment 'prod' is locked since ")
            .hasMessageContaining("by app-host (10.0.0.7), and 1 other session is connected")
            .hasMessageContaining("nothing was changed").hasMessageContaining("liquibase release-locks");
        assertThat(locked(deploy)).as("the live holder's lock is left alone").isTrue();
      }
      assertThat(StaleLiquibaseLock.release(deploy, engine.dialect(), "environment 'prod'")).hasValueSatisfying(line ->
          assertThat(line).startsWith("released a stale Liquibase lock (DATABASECHANGELOGLOCK) held since ")
              .contains("by app-host (10.0.0.7)"));
      assertThat(locked(deploy)).isFalse();
    }
  }

  private static boolean locked(Connection c) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
