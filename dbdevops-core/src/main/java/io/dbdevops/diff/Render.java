package io.dbdevops.diff;

import io.dbdevops.diff.SchemaChange.ColumnChangeKind;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Short human-readable text for model parts, shared by the change descriptions. */
final class Render {

  private Render() {
  }

  static String cols(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  static String opt(Optional<String> value) {
    return value.map(v -> "'" + v + "'").orElse("none");
  }

  static String column(Column c) {
    StringBuilder sb = new StringBuilder(c.name()).append(' ').append(c.type()).append(c.nullable() ? " null" : " not null");
    c.defaultValue().ifPresent(d -> sb.append(" default ").append(d));
    if (c.identity()) {
      sb.append(" identity");
    }
    return sb.toString();
  }

  static String columnDelta(Column from, Column to, Set<ColumnChangeKind> kinds) {
    List<String> parts = new ArrayList<>();
    for (ColumnChangeKind kind : ColumnChangeKind.values()) {
      if (!kinds.contains(kind)) {
        continue;
      }
      parts.add(switch (kind) {
        case TYPE -> "type " + from.type() + " -> " + to.type();
        case NULLABILITY -> (from.nullable() ? "null" : "not null") + " -> " + (to.nullable() ? "null" : "not null");
        case DEFAULT -> "default " + from.defaultValue().orElse("none") + " -> " + to.defaultValue().orElse("none");
        case IDENTITY -> (from.identity() ? "identity" : "no identity") + " -> " + (to.identity() ? "identity" : "no identity");
        case COMMENT -> "comment " + opt(from.comment()) + " -> " + opt(to.comment());
      });
    }
    return String.join(", ", parts);
  }

  static String foreignKey(ForeignKey fk) {
    return "foreign key " + fk.name().map(n -> n + " ").orElse("") + cols(fk.columns()) + " references "
        + fk.referencedTable() + cols(fk.referencedColumns())
        + ("no action".equals(fk.onDelete()) ? "" : " on delete " + fk.onDelete())
        + ("no action".equals(fk.onUpdate()) ? "" : " on update " + fk.onUpdate());
  }

  static String unique(UniqueConstraint u) {
    return "unique " + u.name().map(n -> n + " ").orElse("") + cols(u.columns());
  }

  static String index(Index i) {
    return (i.unique() ? "unique index " : "index ") + i.name() + " " + cols(i.columns())
        + i.predicate().map(p -> " where " + p).orElse("") + (i.dialectSpecific() ? " (dialect-specific)" : "");
  }

  static String check(CheckConstraint c) {
    return "check " + c.name().map(n -> n + " ").orElse("") + "(" + c.expression() + ")";
  }

  static String sequence(Sequence s) {
    return "sequence " + s.name() + " start " + s.start() + " increment " + s.increment() + (s.cycle() ? " cycle" : "");
  }

  static String viewDelta(View from, View to) {
    List<String> parts = new ArrayList<>();
    if (!from.columns().equals(to.columns())) {
      parts.add("columns " + from.columns() + " -> " + to.columns());
    }
    if (!from.definition().equals(to.definition())) {
      parts.add("definition changed: " + from.definition() + " -> " + to.definition());
    }
    if (!from.comment().equals(to.comment())) {
      parts.add("comment " + opt(from.comment()) + " -> " + opt(to.comment()));
    }
    return "view " + from.name() + ": " + String.join("; ", parts);
  }
}
