package io.dbdevops.model;

import java.util.List;

/** A primary key. Its name is left out of the state: PostgreSQL, MariaDB and H2 all name it differently. */
public record PrimaryKey(List<String> columns) {

  public PrimaryKey {
    columns = Names.requireColumns(columns, "primary key");
  }
}
