package io.dbdevops.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSetSourcesTest {

  @TempDir
  Path root;

  @Test
  void xmlChangesetTextIncludesTheCommentsAboveItAndEndsAtItsClosingTag() throws Exception {
    Files.createDirectories(root.resolve("db"));
    Files.writeString(root.resolve("db/c.xml"), """
        <databaseChangeLog>
          <changeSet id="1" author="a">
            <createTable tableName="t"><column name="id" type="int"/></createTable>
          </changeSet>
          <!-- dbdevops:allow DBD103 "unused since 2.3" -->
          <changeSet id="2" author="a">
            <dropColumn tableName="t" columnName="x"/>
          </changeSet>
        </databaseChangeLog>
        """);
    ChangeSetInfo one = new ChangeSetInfo("db/c.xml", "1", "a", "9:0", 2, true, false, Optional.empty(), List.of());
    ChangeSetInfo two = new ChangeSetInfo("db/c.xml", "2", "a", "9:0", 6, true, false, Optional.empty(), List.of());

    Map<String, String> text = ChangeSetSources.read(root, List.of(one, two));

    assertThat(text.get(one.key())).contains("createTable").doesNotContain("dbdevops:allow");
    assertThat(text.get(two.key())).startsWith("  <!-- dbdevops:allow DBD103").endsWith("</changeSet>");
  }

  @Test
  void formattedSqlChangesetTextRunsToTheNextChangeset() throws Exception {
    Files.writeString(root.resolve("c.sql"), """
        --liquibase formatted sql
        --changeset a:1
        -- dbdevops:allow DBD101 "replaced by orders_v2 in 3.0"
        DROP TABLE orders;
        --changeset a:2
        SELECT 1;
        """);
    ChangeSetInfo one = new ChangeSetInfo("c.sql", "1", "a", "9:0", 2, true, false, Optional.empty(), List.of());
    ChangeSetInfo two = new ChangeSetInfo("c.sql", "2", "a", "9:0", 5, true, false, Optional.empty(), List.of());

    Map<String, String> text = ChangeSetSources.read(root, List.of(one, two));

    assertThat(text.get(one.key())).contains("dbdevops:allow DBD101").doesNotContain("SELECT 1");
  }
}
