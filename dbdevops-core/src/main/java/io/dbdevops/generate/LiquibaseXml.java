package io.dbdevops.generate;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.Row;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.TableData;
import io.dbdevops.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders typed changes as Liquibase XML change elements, in an order the database accepts: drops of dependants
 * first (views, foreign keys), then tables and columns, then the new foreign keys, indexes and views.
 */
final class LiquibaseXml {

  private final List<String> early = new ArrayList<>();
  private final List<String> main = new ArrayList<>();
  private final List<String> late = new ArrayList<>();

  static List<String> render(List<SchemaChange> changes) {
    LiquibaseXml xml = new LiquibaseXml();
    changes.forEach(xml::add);
    List<String> all = new ArrayList<>(xml.early);
    all.addAll(xml.main);
    all.addAll(xml.late);
    // reference rows once the tables are there: deletes, updates, inserts (a freed unique value can be reused)
    all.addAll(xml.deletes);
    all.addAll(xml.updates);
    all.addAll(xml.inserts);
    return all;
  }

  private final List<String> deletes = new ArrayList<>();
  private final List<String> updates = new ArrayList<>();
  private final List<String> inserts = new ArrayList<>();

  /** A reference row as a Liquibase insert, update or delete, found by its primary key. */
  private void row(SchemaChange change) {
    if (change instanceof SchemaChange.RowAdded c) {
      TableData t = c.table();
      StringBuilder sb = new StringBuilder("<insert tableName=\"" + a(t.table()) + "\">");
      for (int i = 0; i < t.columns().size(); i++) {
        if (c.row().value(i) != null) {
          sb.append("\n  ").append(columnValue(t, i, c.row().value(i)));
        }
      }
      inserts.add(sb.append("\n</insert>").toString());
    } else if (change instanceof SchemaChange.RowRemoved c) {
      deletes.add("<delete tableName=\"" + a(c.table().table()) + "\">\n  <where>" + text(where(c.table(), c.row()))
          + "</where>\n</delete>");
    } else if (change instanceof SchemaChange.RowModified c) {
      TableData t = c.table();
      StringBuilder sb = new StringBuilder("<update tableName=\"" + a(t.table()) + "\">");
      for (String column : c.columns()) {
        int i = t.index(column);
        sb.append("\n  ").append(columnValue(t, i, c.to().value(i)));
      }
      updates.add(sb.append("\n  <where>").append(text(where(t, c.from()))).append("</where>\n</update>").toString());
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
  }

  /** {@code <column name="label" value="Neu"/>}, typed: valueNumeric, valueBoolean, valueDate; NULL as NULL. */
  private static String columnValue(TableData t, int i, String value) {
    String name = t.columns().get(i).name();
    String open = "<column name=\"" + a(name) + "\" ";
    if (value == null) {
      return open + "valueComputed=\"NULL\"/>";
    }
    return open + switch (t.kind(i)) {
      case INTEGER, DECIMAL, FLOAT -> "valueNumeric";
      case BOOLEAN -> "valueBoolean";
      case DATE, TIME, TIMESTAMP -> "valueDate";
      case BINARY, UNSUPPORTED -> throw binary(t, name);
      default -> "value";
    } + "=\"" + a(value) + "\"/>";
  }

  /** The row's primary key as a SQL condition every engine reads the same: {@code code = 'NEW' AND region = 'EU'}. */
  private static String where(TableData t, Row row) {
    List<String> parts = new ArrayList<>();
    for (String column : t.key()) {
      int i = t.index(column);
      String v = row.value(i);
      parts.add(column + " = " + switch (t.kind(i)) {
        case INTEGER, DECIMAL, FLOAT, BOOLEAN -> v;
        case TIMESTAMP, TIMESTAMP_TZ -> "'" + v.replace('T', ' ') + "'";
        case BINARY, UNSUPPORTED -> throw binary(t, column);
        default -> "'" + v.replace("'", "''") + "'";
      });
    }
    return String.join(" AND ", parts);
  }

  private static InvalidChangeException binary(TableData t, String column) {
    return new InvalidChangeException("cannot generate the change of a row of " + t.table() + ": column " + column
        + " is binary, which Liquibase has no portable literal for; write that changeset by hand", null);
  }

  private void add(SchemaChange change) {
    if (change.objectKind() == SchemaChange.ObjectKind.DATA) {
      row(change);
      return;
    }
    if (change instanceof SchemaChange.TableAdded c) {
      createTable(c.table());
      return;
    }
    if (change instanceof SchemaChange.TableDropped c) {
      main.add("<dropTable tableName=\"" + a(c.table().name()) + "\"/>");
      return;
    }
    if (change instanceof SchemaChange.TableCommentChanged c) {
      main.add("<setTableRemarks tableName=\"" + a(c.tableName()) + "\" remarks=\"" + a(c.to().orElse("")) + "\"/>");
      return;
    }
    if (change instanceof SchemaChange.ColumnAdded c) {
      main.add("<addColumn tableName=\"" + a(c.tableName()) + "\">\n  "
          + column(c.column(), false).replace("\n", "\n  ") + "\n</addColumn>");
      return;
    }
    if (change instanceof SchemaChange.ColumnDropped c) {
      main.add("<dropColumn tableName=\"" + a(c.tableName()) + "\" columnName=\"" + a(c.column().name()) + "\"/>");
      return;
    }
    if (change instanceof SchemaChange.ColumnModified c) {
      modifyColumn(c);
      return;
    }
    if (change instanceof SchemaChange.PrimaryKeyChanged c) {
        if (c.from().isPresent()) {
          early.add("<dropPrimaryKey tableName=\"" + a(c.tableName()) + "\"/>");
        }
        c.to().ifPresent(pk -> late.add("<addPrimaryKey tableName=\"" + a(c.tableName()) + "\" columnNames=\""
            + a(String.join(", ", pk.columns())) + "\" constraintName=\"" + a(ident("pk_" + c.tableName())) + "\"/>"));
      return;
    }
    if (change instanceof SchemaChange.ForeignKeyAdded c) {
      late.add(addForeignKey(c.tableName(), c.foreignKey()));
      return;
    }
    if (change instanceof SchemaChange.ForeignKeyDropped c) {
      early.add(dropForeignKey(c.tableName(), c.foreignKey()));
      return;
    }
    if (change instanceof SchemaChange.ForeignKeyModified c) {
        early.add(dropForeignKey(c.tableName(), c.from()));
        late.add(addForeignKey(c.tableName(), c.to()));
      return;
    }
    if (change instanceof SchemaChange.UniqueConstraintAdded c) {
      late.add(addUnique(c.tableName(), c.constraint()));
      return;
    }
    if (change instanceof SchemaChange.UniqueConstraintDropped c) {
      throw new InvalidChangeException("cannot generate the removal of "
          + "the unique constraint on " + c.tableName() + " (" + String.join(",", c.constraint().columns()) + ")"
          + ": its name differs per database; write a dropUniqueConstraint changeset by hand", null);
    }
    if (change instanceof SchemaChange.IndexAdded c) {
      late.add(createIndex(c.tableName(), c.index()));
      return;
    }
    if (change instanceof SchemaChange.IndexDropped c) {
      early.add(dropIndex(c.tableName(), c.index()));
      return;
    }
    if (change instanceof SchemaChange.IndexModified c) {
        early.add(dropIndex(c.tableName(), c.from()));
        late.add(createIndex(c.tableName(), c.to()));
      return;
    }
    if (change instanceof SchemaChange.CheckAdded c) {
      late.add(addCheck(c.tableName(), c.check()));
      return;
    }
    if (change instanceof SchemaChange.CheckDropped c) {
      early.add("<sql>ALTER TABLE " + c.tableName() + " DROP CONSTRAINT "
          + c.check().name().orElseThrow(() -> new InvalidChangeException("cannot generate the removal of an unnamed "
              + "check constraint on " + c.tableName() + "; write it by hand", null)) + "</sql>");
      return;
    }
    if (change instanceof SchemaChange.ViewAdded c) {
      late.add(createView(c.view()));
      return;
    }
    if (change instanceof SchemaChange.ViewDropped c) {
      early.add("<dropView viewName=\"" + a(c.view().name()) + "\"/>");
      return;
    }
    if (change instanceof SchemaChange.ViewModified c) {
        early.add("<dropView viewName=\"" + a(c.from().name()) + "\"/>");
        late.add(createView(c.to()));
      return;
    }
    if (change instanceof SchemaChange.SequenceAdded c) {
      main.add(createSequence(c.sequence()));
      return;
    }
    if (change instanceof SchemaChange.SequenceDropped c) {
      main.add("<dropSequence sequenceName=\"" + a(c.sequence().name()) + "\"/>");
      return;
    }
    if (change instanceof SchemaChange.SequenceModified c) {
      main.add("<alterSequence sequenceName=\"" + a(c.to().name())
          + "\" incrementBy=\"" + c.to().increment() + "\" cycle=\"" + c.to().cycle() + "\"/>");
      return;
    }
    throw new IllegalArgumentException("unknown change " + change);
  }

  private void createTable(Table t) {
    StringBuilder sb = new StringBuilder("<createTable tableName=\"" + a(t.name()) + "\""
        + t.comment().map(r -> " remarks=\"" + a(r) + "\"").orElse("") + ">");
    boolean singlePk = t.primaryKey().map(pk -> pk.columns().size() == 1).orElse(false);
    for (Column c : t.columns()) {
      boolean pk = singlePk && t.primaryKey().get().columns().get(0).equals(c.name());
      sb.append("\n  ").append(column(c, pk).replace("\n", "\n  "));
    }
    sb.append("\n</createTable>");
    main.add(sb.toString());
    t.primaryKey().filter(pk -> pk.columns().size() > 1).ifPresent(pk -> main.add("<addPrimaryKey tableName=\""
        + a(t.name()) + "\" columnNames=\"" + a(String.join(", ", pk.columns())) + "\" constraintName=\""
        + a(ident("pk_" + t.name())) + "\"/>"));
    t.foreignKeys().forEach(fk -> late.add(addForeignKey(t.name(), fk)));
    t.uniqueConstraints().forEach(u -> late.add(addUnique(t.name(), u)));
    t.indexes().forEach(i -> late.add(createIndex(t.name(), i)));
    t.checks().forEach(c -> late.add(addCheck(t.name(), c)));
  }

  private static String column(Column c, boolean primaryKey) {
    StringBuilder sb = new StringBuilder("<column name=\"" + a(c.name()) + "\" type=\"" + a(c.type().toString().toUpperCase(java.util.Locale.ROOT)) + "\"");
    if (c.identity()) {
      sb.append(" autoIncrement=\"true\"");
    }
    c.defaultValue().ifPresent(d -> sb.append(' ').append(defaultAttribute(d)));
    c.comment().ifPresent(r -> sb.append(" remarks=\"").append(a(r)).append('"'));
    if (primaryKey || !c.nullable()) {
      sb.append(">\n  <constraints").append(primaryKey ? " primaryKey=\"true\"" : "").append(" nullable=\"false\"/>\n</column>");
    } else {
      sb.append("/>");
    }
    return sb.toString();
  }

  /** The Liquibase default attribute for a canonical default expression. */
  static String defaultAttribute(String d) {
    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
      return "defaultValue=\"" + a(d.substring(1, d.length() - 1).replace("''", "'")) + "\"";
    }
    if (d.equals("true") || d.equals("false")) {
      return "defaultValueBoolean=\"" + d + "\"";
    }
    if (d.matches("-?\\d+(\\.\\d+)?")) {
      return "defaultValueNumeric=\"" + d + "\"";
    }
    return "defaultValueComputed=\"" + a(d.toUpperCase(java.util.Locale.ROOT).equals("CURRENT_TIMESTAMP") ? "CURRENT_TIMESTAMP" : d) + "\"";
  }

  private void modifyColumn(SchemaChange.ColumnModified c) {
    String t = a(c.tableName());
    String col = a(c.to().name());
    String type = a(c.to().type().toString().toUpperCase(java.util.Locale.ROOT));
    // in the enum's order, the type first: a modifyDataType redefines the column on some engines — H2 drops its
    // default, MariaDB/MySQL (MODIFY) its default and NOT NULL —, so the NOT NULL and default the column keeps are
    // stated again after it (harmless where the engine kept them)
    for (SchemaChange.ColumnChangeKind kind : SchemaChange.ColumnChangeKind.values()) {
      if (!c.kinds().contains(kind)) {
        continue;
      }
      switch (kind) {
        case TYPE -> {
          main.add("<modifyDataType tableName=\"" + t + "\" columnName=\"" + col + "\" newDataType=\"" + type + "\"/>");
          if (!c.kinds().contains(SchemaChange.ColumnChangeKind.NULLABILITY) && !c.to().nullable()) {
            main.add("<addNotNullConstraint tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type
                + "\"/>");
          }
          if (!c.kinds().contains(SchemaChange.ColumnChangeKind.DEFAULT)) {
            c.to().defaultValue().ifPresent(d -> main.add("<addDefaultValue tableName=\"" + t + "\" columnName=\"" + col
                + "\" columnDataType=\"" + type + "\" " + defaultAttribute(d) + "/>"));
          }
        }
        case NULLABILITY -> main.add(c.to().nullable()
            ? "<dropNotNullConstraint tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type + "\"/>"
            : "<addNotNullConstraint tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type + "\"/>");
        case DEFAULT -> main.add(c.to().defaultValue()
            .map(d -> "<addDefaultValue tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type + "\" "
                + defaultAttribute(d) + "/>")
            .orElse("<dropDefaultValue tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type + "\"/>"));
        case IDENTITY -> {
          if (!c.to().identity()) {
            throw new InvalidChangeException("cannot generate removing identity from " + c.tableName() + "." + c.to().name()
                + ": Liquibase has no portable change for it; write the changeset by hand", null);
          }
          main.add("<addAutoIncrement tableName=\"" + t + "\" columnName=\"" + col + "\" columnDataType=\"" + type + "\"/>");
        }
        case COMMENT -> main.add("<setColumnRemarks tableName=\"" + t + "\" columnName=\"" + col + "\" remarks=\""
            + a(c.to().comment().orElse("")) + "\"/>");
      }
    }
  }

  private static String addForeignKey(String table, ForeignKey fk) {
    return "<addForeignKeyConstraint baseTableName=\"" + a(table) + "\" baseColumnNames=\"" + a(String.join(", ", fk.columns()))
        + "\" referencedTableName=\"" + a(fk.referencedTable()) + "\" referencedColumnNames=\""
        + a(String.join(", ", fk.referencedColumns())) + "\" constraintName=\""
        + a(fk.name().orElse(ident("fk_" + table + "_" + String.join("_", fk.columns())))) + "\""
        + rule("onDelete", fk.onDelete()) + rule("onUpdate", fk.onUpdate()) + "/>";
  }

  private static String rule(String attribute, String rule) {
    if ("no action".equals(rule)) {
      return "";
    }
    return " " + attribute + "=\"" + rule.toUpperCase(java.util.Locale.ROOT) + "\"";
  }

  private static String dropForeignKey(String table, ForeignKey fk) {
    String name = fk.name().orElseThrow(() -> new InvalidChangeException("cannot generate the removal of the unnamed "
        + "foreign key " + fk.key() + " on " + table + ": its name differs per database; write it by hand", null));
    return "<dropForeignKeyConstraint baseTableName=\"" + a(table) + "\" constraintName=\"" + a(name) + "\"/>";
  }

  private static String addUnique(String table, UniqueConstraint u) {
    return "<addUniqueConstraint tableName=\"" + a(table) + "\" columnNames=\"" + a(String.join(", ", u.columns()))
        + "\" constraintName=\"" + a(ident("uq_" + table + "_" + String.join("_", u.columns()))) + "\"/>";
  }

  private static String createIndex(String table, Index i) {
    if (i.predicate().isPresent()) {
      throw new InvalidChangeException("cannot generate the partial index " + i.name() + ": write it by hand", null);
    }
    StringBuilder sb = new StringBuilder("<createIndex tableName=\"" + a(table) + "\" indexName=\"" + a(i.name()) + "\""
        + (i.unique() ? " unique=\"true\"" : "") + ">");
    i.columns().forEach(c -> sb.append("\n  <column name=\"").append(a(c)).append("\"/>"));
    return sb.append("\n</createIndex>").toString();
  }

  private static String dropIndex(String table, Index i) {
    return "<dropIndex tableName=\"" + a(table) + "\" indexName=\"" + a(i.name()) + "\"/>";
  }

  private static String addCheck(String table, CheckConstraint c) {
    String name = c.name().orElse(ident("ck_" + table + "_" + Integer.toHexString(c.expression().hashCode())));
    return "<sql>ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + text(c.expression()) + ")</sql>";
  }

  private static String createView(io.dbdevops.model.View v) {
    return "<createView viewName=\"" + a(v.name()) + "\">" + text(v.definition()) + "</createView>";
  }

  private static String createSequence(Sequence s) {
    return "<createSequence sequenceName=\"" + a(s.name()) + "\" startValue=\"" + s.start() + "\" incrementBy=\""
        + s.increment() + "\"" + (s.cycle() ? " cycle=\"true\"" : "") + "/>";
  }

  /** Identifiers generated here stay within the shortest common limit (PostgreSQL: 63). */
  private static String ident(String s) {
    return s.length() <= 63 ? s : s.substring(0, 63);
  }

  private static String a(String s) {
    return text(s).replace("\"", "&quot;");
  }

  private static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
