package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum cache never changes a checksum: with it, every changeset's checksum is the one Liquibase computes
 * without it — after a file is edited, a property the file uses changes in another file, an {@code sqlFile}'s SQL
 * changes, a parameter is configured differently, or the cache file is garbage.
 */
class ChecksumCacheTest {

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.29.xsd">
      """;

  @TempDir
  Path root;
  @TempDir
  Path cache;

  @BeforeEach
  void changelog() throws Exception {
    master("40");
    Files.writeString(root.resolve("a.xml"), HEADER + """
          <changeSet id="1" author="t">
            <createTable tableName="t1"><column name="id" type="int"/><column name="name" type="varchar(${len})"/></createTable>
          </changeSet>
          <changeSet id="2" author="t">
            <createTable tableName="t2"><column name="id" type="int"/></createTable>
          </changeSet>
          <changeSet id="3" author="t">
            <sqlFile path="x.sql" relativeToChangelogFile="true"/>
          </changeSet>
          <changeSet id="4" author="t">
            <createTable tableName="${table}"><column name="id" type="int"/></createTable>
          </changeSet>
        </databaseChangeLog>
        """);
    Files.writeString(root.resolve("x.sql"), "CREATE TABLE t3 (id INT);");
  }

  private void master(String len) throws Exception {
    Files.writeString(root.resolve("master.xml"), HEADER + """
          <property name="len" value="%s"/>
          <include file="a.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """.formatted(len));
  }

  private List<String> checksums(Optional<Path> cacheDir, Map<String, String> parameters) {
    ParsedChangelog parsed = ParsedChangelog.parse(new ChangelogSource(root, "master.xml"),
        new Selection(new UpdateOptions(Optional.empty(), Optional.empty(), parameters), Dialect.H2), cacheDir);
    return parsed.changeSets().stream().map(c -> c.id() + " " + c.checksum()).toList();
  }

  private List<String> uncached(Map<String, String> parameters) {
    return checksums(Optional.empty(), parameters);
  }

  @Test
  void cachedChecksumsAreLiquibasesOwnThroughEveryKindOfEdit() throws Exception {
    Map<String, String> params = Map.of("table", "t4");
    Optional<Path> dir = Optional.of(cache);
    assertThat(checksums(dir, params)).isEqualTo(uncached(params));
    ParsedChangelog warm = ParsedChangelog.parse(new ChangelogSource(root, "master.xml"),
        new Selection(new UpdateOptions(Optional.empty(), Optional.empty(), params), Dialect.H2), dir);
    assertThat(warm.changeSets()).hasSize(4);
    // 1, 2 and 4 from the cache; 3 reads x.sql and is always computed
    assertThat(warm.checksumsCached()).isEqualTo(3);

    // a property the included file uses changes in the master: changeset 1's checksum follows it
    List<String> before = uncached(params);
    master("50");
    List<String> after = checksums(dir, params);
    assertThat(after).isEqualTo(uncached(params));
    assertThat(after.get(0)).isNotEqualTo(before.get(0));

    // the SQL file of the sqlFile changeset changes
    Files.writeString(root.resolve("x.sql"), "CREATE TABLE t3 (id INT, n INT);");
    assertThat(checksums(dir, params)).isEqualTo(uncached(params));

    // a configured parameter changes
    Map<String, String> other = Map.of("table", "t5");
    assertThat(checksums(dir, other)).isEqualTo(uncached(other)).isNotEqualTo(checksums(dir, params));

    // the file itself is edited
    Files.writeString(root.resolve("a.xml"), Files.readString(root.resolve("a.xml")).replace("\"t2\"", "\"t2b\""));
    assertThat(checksums(dir, params)).isEqualTo(uncached(params));
  }

  @Test
  void aGarbageCacheFileIsIgnoredAndWrittenAgain() throws Exception {
    Map<String, String> params = Map.of("table", "t4");
    checksums(Optional.of(cache), params);
    Path file;
    try (Stream<Path> files = Files.list(cache)) {
      file = files.filter(p -> p.toString().endsWith(".tsv")).findFirst().orElseThrow();
    }
    String good = Files.readString(file);
    // a wrong checksum for an unchanged file: the key is the file's hash, so only a forged line could do this
    Files.writeString(file, "not a cache\n\u0000\u0001 binary");
    assertThat(checksums(Optional.of(cache), params)).isEqualTo(uncached(params));
    assertThat(Files.readString(file)).isEqualTo(good);
  }
}
