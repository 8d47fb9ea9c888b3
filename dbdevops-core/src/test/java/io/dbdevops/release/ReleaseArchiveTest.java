package io.dbdevops.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.config.ChangelogSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseArchiveTest {

  @TempDir
  Path dir;

  private static SortedMap<String, byte[]> files() {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("changelog/db/changelog/db.changelog-master.xml", bytes("<databaseChangeLog/>"));
    files.put("changelog/db/changelog/changes/001.xml", bytes("<databaseChangeLog><changeSet id='1'/></databaseChangeLog>"));
    files.put("state/tables/orders.yaml", bytes("table: orders\n"));
    files.put("dbdevops.sum", bytes("h1:x\n"));
    files.put(ReleaseManifest.NOTES, bytes("# notes\n"));
    return files;
  }

  private static ReleaseManifest manifest(SortedMap<String, String> hashes) {
    return new ReleaseManifest("com.example", "shop", "1.1.0", "0.1.0", "db/changelog/db.changelog-master.xml",
        Optional.of("1.0.0"), "MINOR", Optional.of("1.1.0"), 2, hashes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Path write(String name, SortedMap<String, byte[]> files, Instant time) {
    Path zip = dir.resolve(name);
    ReleaseArchive.write(zip, files, ReleaseArchiveTest::manifest, time);
    return zip;
  }

  @Test
  void theSameContentGivesTheSameBytesInAnyTimeZone() throws IOException {
    Instant time = Instant.parse("2026-11-30T12:00:00Z");
    TimeZone before = TimeZone.getDefault();
    byte[] first;
    byte[] second;
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      first = Files.readAllBytes(write("a.zip", files(), time));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
      second = Files.readAllBytes(write("b.zip", files(), time));
    } finally {
      TimeZone.setDefault(before);
    }
    assertThat(second).isEqualTo(first);
    try (ZipFile zip = new ZipFile(dir.resolve("a.zip").toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      // the manifest first, then every file in path order
      assertThat(names).containsExactly("manifest.json", "RELEASE-NOTES.md",
          "changelog/db/changelog/changes/001.xml", "changelog/db/changelog/db.changelog-master.xml", "dbdevops.sum",
          "state/tables/orders.yaml");
      zip.stream().forEach(e -> assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 30, 12, 0)));
    }
  }

  @Test
  void openChecksEveryFileAndUnpacksThem() throws IOException {
    Path zip = write("r.zip", files(), ReleaseArchive.DEFAULT_TIME);
    ReleaseArchive.Opened opened = ReleaseArchive.open(zip);
    assertThat(opened.manifest().coordinates()).isEqualTo("com.example:shop:1.1.0");
    assertThat(opened.manifest().files()).containsEntry("state/tables/orders.yaml",
        ReleaseArchive.sha256(bytes("table: orders\n")));
    assertThat(opened.manifest().previousVersion()).contains("1.0.0");
    Path out = opened.extractTo(dir.resolve("out"));
    assertThat(out.resolve("state/tables/orders.yaml")).hasContent("table: orders");
    assertThat(out.resolve("manifest.json")).exists();
    // unpacking again starts from an empty folder: a file left from another release does not survive
    Files.writeString(out.resolve("changelog/stray.xml"), "x");
    opened.extractTo(out);
    assertThat(out.resolve("changelog/stray.xml")).doesNotExist();
  }

  /** A copy of {@code zip} with one entry's bytes replaced (null: left out) or one entry added. */
  private Path rewritten(Path zip, String name, Map<String, byte[]> replace) throws IOException {
    Path out = dir.resolve(name);
    try (ZipFile in = new ZipFile(zip.toFile()); OutputStream os = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] content = replace.containsKey(e.getName()) ? replace.get(e.getName()) : in.getInputStream(e).readAllBytes();
        if (content != null) {
          z.putNextEntry(new ZipEntry(e.getName()));
          z.write(content);
          z.closeEntry();
        }
      }
      for (Map.Entry<String, byte[]> added : replace.entrySet()) {
        if (in.getEntry(added.getKey()) == null && added.getValue() != null) {
          z.putNextEntry(new ZipEntry(added.getKey()));
          z.write(added.getValue());
          z.closeEntry();
        }
      }
    }
    return out;
  }

  @Test
  void aChangedFileIsRefusedNamingIt() throws IOException {
    Path zip = write("r.zip", files(), ReleaseArchive.DEFAULT_TIME);
    Path changed = rewritten(zip, "changed.zip", Map.of("changelog/db/changelog/changes/001.xml",
        bytes("<databaseChangeLog><changeSet id='1' author='evil'/></databaseChangeLog>")));
    assertThatThrownBy(() -> ReleaseArchive.open(changed)).isInstanceOf(ReleaseArchiveException.class)
        .hasMessageContaining("com.example:shop:1.1.0")
        .hasMessageContaining("changelog/db/changelog/changes/001.xml changed since it was packed")
        .hasMessageContaining("nothing was done on any database");
  }

  @Test
  void aMissingOrAddedFileIsRefusedNamingIt() throws IOException {
    Path zip = write("r.zip", files(), ReleaseArchive.DEFAULT_TIME);
    java.util.HashMap<String, byte[]> drop = new java.util.HashMap<>();
    drop.put("state/tables/orders.yaml", null);
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "missing.zip", drop)))
        .hasMessageContaining("state/tables/orders.yaml is listed in the manifest but missing from the archive");
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "added.zip",
        Map.of("changelog/db/changelog/changes/002.xml", bytes("<databaseChangeLog/>")))))
        .hasMessageContaining("changelog/db/changelog/changes/002.xml is not listed in the manifest (added after packing)");
  }

  @Test
  void anEntryOutsideTheArchiveOrNotAZipOrNoManifestIsRefused() throws IOException {
    Path zip = write("r.zip", files(), ReleaseArchive.DEFAULT_TIME);
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "slip.zip", Map.of("../../etc/evil", bytes("x")))))
        .isInstanceOf(ReleaseArchiveException.class).hasMessageContaining("'../../etc/evil' is not a plain relative path");
    Path text = Files.writeString(dir.resolve("text.zip"), "not a zip at all");
    assertThatThrownBy(() -> ReleaseArchive.open(text)).isInstanceOf(ReleaseArchiveException.class)
        .hasMessageContaining("has no manifest.json");
    java.util.HashMap<String, byte[]> noManifest = new java.util.HashMap<>();
    noManifest.put(ReleaseManifest.FILE, null);
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "bare.zip", noManifest)))
        .hasMessageContaining("has no manifest.json: it is not a release packed by mvn dbdevops:package");
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "badjson.zip", Map.of(ReleaseManifest.FILE,
        bytes("{\"format\": 1")))))
        .hasMessageContaining("manifest.json is not valid JSON");
    assertThatThrownBy(() -> ReleaseArchive.open(rewritten(zip, "newer.zip", Map.of(ReleaseManifest.FILE,
        bytes("{\"format\": 9, \"files\": {}, \"dbdevops\": \"9.0\"}")))))
        .hasMessageContaining("manifest format 9, newer than this dbdevops reads");
  }

  @Test
  void outputTimestampReadsAsMavenDoes() {
    assertThat(ReleaseArchive.outputTimestamp("2026-11-30T12:00:00Z")).contains(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(ReleaseArchive.outputTimestamp("1764504000")).contains(Instant.ofEpochSecond(1764504000));
    assertThat(ReleaseArchive.outputTimestamp("2026-11-30T13:00:00+01:00")).contains(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(ReleaseArchive.outputTimestamp(null)).isEmpty();
    assertThat(ReleaseArchive.outputTimestamp("a")).isEmpty();
    assertThatThrownBy(() -> ReleaseArchive.outputTimestamp("yesterday"))
        .hasMessageContaining("project.build.outputTimestamp 'yesterday'");
  }

  @Test
  void contentsTakeTheChangelogFolderAndTheFilesReadButNotTheApplicationsResources() throws IOException {
    Path resources = Files.createDirectories(dir.resolve("resources"));
    Files.createDirectories(resources.resolve("db/changelog/changes"));
    Files.createDirectories(resources.resolve("sql"));
    Files.writeString(resources.resolve("db/changelog/db.changelog-master.xml"), "<databaseChangeLog/>");
    Files.writeString(resources.resolve("db/changelog/changes/001.xml"), "<databaseChangeLog/>");
    Files.writeString(resources.resolve("db/changelog/changes/notes.png"), "binary");
    Files.writeString(resources.resolve("sql/view.sql"), "select 1");
    Files.writeString(resources.resolve("application.properties"), "spring.datasource.password=hunter2");
    Path state = Files.createDirectories(dir.resolve("schema/tables"));
    Files.writeString(state.resolve("orders.yaml"), "table: orders\n");
    ReleaseContents contents = new ReleaseContents()
        .changelog(new ChangelogSource(resources, "db/changelog/db.changelog-master.xml"),
            List.of("db/changelog/db.changelog-master.xml", "sql/view.sql"))
        .state(dir.resolve("schema")).sumFile(dir.resolve("no-such.sum"));
    assertThat(contents.files().keySet()).containsExactly("changelog/db/changelog/changes/001.xml",
        "changelog/db/changelog/db.changelog-master.xml", "changelog/sql/view.sql", "state/tables/orders.yaml");
  }
}
