package io.dbdevops.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A random valid Liquibase XML changelog: 1–4 tables of the portable types (with defaults), primary keys (or none),
 * unique constraints, named indexes, named foreign keys to earlier tables, and views over the tables.
 */
record FuzzSchema(String changelog) {

  /** A column type as Liquibase is given it, whether it may be indexed, and the defaults it may get (XML attributes). */
  private record Type(String liquibase, boolean indexable, List<String> defaults) {
  }

  private static final List<Type> TYPES = List.of(
      new Type("BIGINT", true, List.of("defaultValueNumeric=\"0\"", "defaultValueNumeric=\"42\"")),
      new Type("INT", true, List.of("defaultValueNumeric=\"7\"")),
      new Type("SMALLINT", true, List.of("defaultValueNumeric=\"1\"")),
      new Type("VARCHAR(40)", true, List.of("defaultValue=\"new\"", "defaultValue=\"\"")),
      new Type("VARCHAR(255)", true, List.of("defaultValue=\"it's\"")),
      new Type("DECIMAL(12,2)", true, List.of("defaultValueNumeric=\"0\"", "defaultValueNumeric=\"1.50\"")),
      new Type("DECIMAL(5,0)", true, List.of("defaultValueNumeric=\"3\"")),
      new Type("BOOLEAN", true, List.of("defaultValueBoolean=\"false\"", "defaultValueBoolean=\"true\"")),
      new Type("DATE", true, List.of()),
      new Type("TIMESTAMP", true, List.of("defaultValueComputed=\"CURRENT_TIMESTAMP\"")),
      new Type("CLOB", false, List.of()));

  private static final List<String> ON_DELETE = List.of("NO ACTION", "CASCADE", "SET NULL");

  private record Col(String name, Type type, boolean nullable, String defaultAttribute) {
  }

  private record Tbl(String name, List<Col> columns, boolean primaryKey) {
  }

  static FuzzSchema generate(Choices c) {
    List<Tbl> tables = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    List<String> later = new ArrayList<>();
    int count = 1 + c.pick(4);
    for (int t = 0; t < count; t++) {
      String name = "t" + t;
      boolean pk = !c.oneIn(6);
      List<Col> columns = new ArrayList<>();
      columns.add(new Col("id", TYPES.get(0), false, null));
      int extra = c.pick(5);
      for (int i = 0; i < extra; i++) {
        Type type = c.of(TYPES);
        boolean nullable = c.pick(2) == 1;
        String dflt = type.defaults().isEmpty() || !c.oneIn(3) ? null : c.of(type.defaults());
        columns.add(new Col("c" + i, type, nullable, dflt));
      }
      // a foreign key to an earlier table that has a primary key
      List<Tbl> targets = tables.stream().filter(Tbl::primaryKey).toList();
      String fk = null;
      if (!targets.isEmpty() && c.pick(3) != 0) {
        Tbl target = c.of(targets);
        boolean nullable = c.pick(2) == 1;
        String rule = c.of(ON_DELETE);
        if (rule.equals("SET NULL") && !nullable) {
          rule = "NO ACTION";
        }
        String column = target.name() + "_id";
        columns.add(new Col(column, TYPES.get(0), nullable, null));
        fk = "    <addForeignKeyConstraint constraintName=\"fk_" + name + "_" + target.name() + "\" baseTableName=\"" + name
            + "\" baseColumnNames=\"" + column + "\" referencedTableName=\"" + target.name()
            + "\" referencedColumnNames=\"id\" onDelete=\"" + rule + "\"/>\n";
      }
      Tbl table = new Tbl(name, columns, pk);
      tables.add(table);
      StringBuilder b = new StringBuilder("    <createTable tableName=\"" + name + "\">\n");
      for (Col col : columns) {
        b.append("      <column name=\"").append(col.name()).append("\" type=\"").append(col.type().liquibase()).append('"');
        if (col.defaultAttribute() != null) {
          b.append(' ').append(col.defaultAttribute().replace("'", "&apos;"));
        }
        boolean key = pk && col.name().equals("id");
        if (key || !col.nullable()) {
          b.append("><constraints nullable=\"false\"").append(key ? " primaryKey=\"true\"" : "").append("/></column>\n");
        } else {
          b.append("/>\n");
        }
      }
      b.append("    </createTable>\n");
      List<Col> indexable = columns.stream().filter(col -> col.type().indexable() && !col.name().equals("id")).toList();
      List<String> unique = List.of();
      if (!indexable.isEmpty() && c.oneIn(3)) {
        unique = subset(indexable, c);
        b.append("    <addUniqueConstraint tableName=\"").append(name).append("\" columnNames=\"")
            .append(String.join(",", unique)).append("\"/>\n");
      }
      int indexes = indexable.isEmpty() ? 0 : c.pick(3);
      for (int i = 0; i < indexes; i++) {
        List<String> cols = subset(indexable, c);
        // a unique index may sit on exactly a unique constraint's columns (H2 once lost one of the two; CatalogReader)
        boolean uniqueIndex = c.oneIn(4);
        b.append("    <createIndex tableName=\"").append(name).append("\" indexName=\"ix_").append(name).append('_')
            .append(i).append('"').append(uniqueIndex ? " unique=\"true\"" : "").append(">\n");
        for (String col : cols) {
          b.append("      <column name=\"").append(col).append("\"/>\n");
        }
        b.append("    </createIndex>\n");
      }
      sets.add(changeSet("00" + t + "-" + name, b.toString()));
      if (fk != null) {
        later.add(fk);
      }
    }
    if (!later.isEmpty()) {
      sets.add(changeSet("100-foreign-keys", String.join("", later)));
    }
    int views = c.pick(3);
    for (int v = 0; v < views; v++) {
      Tbl table = c.of(tables);
      List<String> cols = subset(table.columns(), c);
      sets.add(changeSet("200-v" + v, "    <createView viewName=\"v" + v + "\">SELECT " + String.join(", ", cols) + " FROM "
          + table.name() + "</createView>\n"));
    }
    return new FuzzSchema(document(String.join("", sets)));
  }

  /** One or two of the columns, in table order. */
  private static List<String> subset(List<Col> columns, Choices c) {
    int first = c.pick(columns.size());
    List<String> names = new ArrayList<>(List.of(columns.get(first).name()));
    if (first + 1 < columns.size() && c.oneIn(3)) {
      names.add(columns.get(first + 1 + c.pick(columns.size() - first - 1)).name());
    }
    return names;
  }

  private static String changeSet(String id, String body) {
    return "  <changeSet id=\"" + id + "\" author=\"fuzz\">\n" + body + "  </changeSet>\n";
  }

  static String document(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
        """ + body + "</databaseChangeLog>\n";
  }
}
