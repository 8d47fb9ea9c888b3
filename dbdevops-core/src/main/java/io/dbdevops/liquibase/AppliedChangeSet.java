package io.dbdevops.liquibase;

import java.time.Duration;

/** One changeset the runner applied: where it is, and how long it took. */
public record AppliedChangeSet(String file, String id, String author, Duration took) {

  public String label() {
    return file + "::" + id + "::" + author;
  }
}
