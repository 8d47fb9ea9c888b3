package io.dbdevops.liquibase;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.config.Dialect;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build's parses: each changelog parsed once per {@link Selection} (update options and the dialect it is selected
 * for), on first use, then shared by integrity, lint and every update of the build. Lives as long as one build: a
 * file changed afterwards is not seen, so a new build takes a new one.
 */
public final class ParsedChangelogs {

  private record Key(ChangelogSource changelog, Selection selection) {
  }

  private final Map<Key, ParsedChangelog> parsed = new LinkedHashMap<>();
  private final Optional<Path> checksumCache;

  /** Parses that compute every checksum. */
  public ParsedChangelogs() {
    this(Optional.empty());
  }

  /** Parses that keep the checksums of unchanged changesets in {@code checksumCache} between builds. */
  public ParsedChangelogs(Optional<Path> checksumCache) {
    this.checksumCache = Objects.requireNonNull(checksumCache, "checksumCache");
  }

  /** The changelog parsed for the selection: parsed now the first time, the same parse after that. */
  public synchronized ParsedChangelog get(ChangelogSource changelog, Selection selection) {
    Key key = new Key(changelog, selection);
    ParsedChangelog known = parsed.get(key);
    if (known == null) {
      known = ParsedChangelog.parse(changelog, selection, checksumCache);
      parsed.put(key, known);
    }
    return known;
  }

  public ParsedChangelog get(ChangelogSource changelog, UpdateOptions options, Dialect dialect) {
    return get(changelog, new Selection(options, dialect));
  }

  /** The parses made so far, in order. */
  public synchronized List<ParsedChangelog> parsed() {
    return List.copyOf(parsed.values());
  }
}
