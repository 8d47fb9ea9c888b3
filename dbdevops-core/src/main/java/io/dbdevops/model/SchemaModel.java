package io.dbdevops.model;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole owned schema: tables, views and sequences, each sorted by name. Names are canonical (lower case;
 * qualified as {@code schema.name} only when a project owns more than one schema).
 */
public record SchemaModel(List<Table> tables, List<View> views, List<Sequence> sequences) {

  public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of());

  public SchemaModel {
    tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
    views = views.stream().sorted(Comparator.comparing(View::name)).toList();
    sequences = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
    Set<String> seen = new HashSet<>();
    for (String n : names(tables, views)) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("two tables or views are named " + n);
      }
    }
  }

  private static List<String> names(List<Table> tables, List<View> views) {
    return java.util.stream.Stream.concat(tables.stream().map(Table::name), views.stream().map(View::name)).toList();
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<View> view(String name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<Sequence> sequence(String name) {
    return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public int objectCount() {
    return tables.size() + views.size() + sequences.size();
  }
}
