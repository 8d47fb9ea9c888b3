package io.dbdevops.liquibase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.util.LiquibaseUtil;

/**
 * The checksums of changesets whose file is unchanged, kept between builds: Liquibase computes a changeset's checksum
 * from its changes after the changelog parameters are substituted, which for a history of thousands costs a good part
 * of a build that only has a few pending. One file per (Liquibase version, checksum version, database the changelog is
 * selected for, the configured parameters, and every parameter the parse looked up — in which changelog, with the value
 * it got: whatever a substitution used); in it, one line per
 * changeset: its physical file, the SHA-256 of that file's bytes, id, author → checksum. A changeset whose changes read
 * another file ({@code sqlFile}, {@code loadData}, a {@code path}) is never cached: its checksum depends on that file.
 * An unreadable or malformed cache file is ignored and written again; the cache never decides a checksum on its own —
 * a changed file has another hash, so another key.
 */
final class ChecksumCache {

  private static final String FORMAT = "dbdevops checksums 1";

  private final Optional<Path> file;
  private final Path root;
  private final Map<String, String> known = new HashMap<>();
  private final Map<String, String> used = new TreeMap<>();
  private final Map<String, String> fileHashes = new HashMap<>();
  private int hits;

  private ChecksumCache(Optional<Path> file, Path root) {
    this.file = file;
    this.root = root;
  }

  /** No cache: every checksum computed. */
  static ChecksumCache none(Path root) {
    return new ChecksumCache(Optional.empty(), root);
  }

  /** The cache under {@code directory} for this parse's settings; its entries read now. */
  static ChecksumCache open(Path directory, Path root, Selection selection, ParsedParameters parameters) {
    StringBuilder settings = new StringBuilder(FORMAT).append('\n').append(LiquibaseUtil.getBuildVersion()).append('\n')
        .append(liquibase.ChecksumVersion.latest()).append('\n').append(selection.dbms()).append('\n')
        .append(new TreeMap<>(selection.options().parameters())).append('\n');
    parameters.lookups().forEach((k, v) -> settings.append(k).append('=').append(v).append('\n'));
    Path file = directory.resolve(sha256(settings.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".tsv");
    ChecksumCache cache = new ChecksumCache(Optional.of(file), root);
    cache.read();
    return cache;
  }

  /** The changeset's checksum: the cached one when its file is unchanged, else computed (and kept). */
  String checksum(ChangeSet changeSet, String physicalFile) {
    Optional<String> key = file.isPresent() && cacheable(changeSet) ? key(changeSet, physicalFile) : Optional.empty();
    if (key.isPresent()) {
      String cached = known.get(key.get());
      if (cached != null) {
        hits++;
        used.put(key.get(), cached);
        return cached;
      }
    }
    String computed = changeSet.generateCheckSum(liquibase.ChecksumVersion.latest()).toString();
    key.ifPresent(k -> used.put(k, computed));
    return computed;
  }

  int hits() {
    return hits;
  }

  /** Writes the entries this parse used (so the file follows the changelog), when they differ from what was read. */
  void save() {
    if (file.isEmpty() || used.equals(known)) {
      return;
    }
    StringBuilder out = new StringBuilder(FORMAT).append('\n');
    used.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
    try {
      Files.createDirectories(file.get().getParent());
      Path tmp = Files.createTempFile(file.get().getParent(), "checksums", ".tmp");
      Files.writeString(tmp, out, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // a cache that cannot be written only costs the next build the checksums
    }
  }

  private void read() {
    try {
      List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
        return;
      }
      for (String line : lines.subList(1, lines.size())) {
        int tab = line.lastIndexOf('\t');
        if (tab <= 0) {
          known.clear();
          return;
        }
        known.put(line.substring(0, tab), line.substring(tab + 1));
      }
    } catch (NoSuchFileException e) {
      // first build with this cache
    } catch (IOException | RuntimeException e) {
      known.clear();
    }
  }

  /** A changeset none of whose changes (nor rollback changes) reads a file of its own. */
  private static boolean cacheable(ChangeSet changeSet) {
    List<Change> changes = new ArrayList<>(changeSet.getChanges());
    if (changeSet.getRollback() != null) {
      changes.addAll(changeSet.getRollback().getChanges());
    }
    for (Change c : changes) {
      for (String field : List.of("path", "file")) {
        if (c.getSerializableFields().contains(field) && c.getSerializableFieldValue(field) != null) {
          return false;
        }
      }
    }
    return true;
  }

  private Optional<String> key(ChangeSet changeSet, String physicalFile) {
    String hash = fileHashes.computeIfAbsent(physicalFile, f -> {
      try {
        Path p = root.resolve(f).normalize();
        return p.startsWith(root) && Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "";
      } catch (IOException | RuntimeException e) {
        return "";
      }
    });
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(clean(physicalFile) + '\t' + hash + '\t' + clean(changeSet.getId()) + '\t'
        + clean(changeSet.getAuthor()) + '\t' + clean(String.valueOf(changeSet.getDbmsOriginalString())));
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
