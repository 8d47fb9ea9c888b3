package io.dbdevops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a realistic Liquibase XML changelog of {@code tables} tables, four changesets per table, to
 * {@code root/db/changelog.xml} (the master, which includes one file per group of {@value #TABLES_PER_FILE} tables
 * under {@code root/db/changes/}). Per table {@code t0042}:
 * <ol>
 *   <li>createTable: {@code id bigint autoIncrement} primary key and nine columns of varied types (varchar,
 *       integer with default, decimal(12,2), boolean with default, timestamp, date, text, bigint);</li>
 *   <li>addColumn (even tables) or addUniqueConstraint (odd tables);</li>
 *   <li>addForeignKeyConstraint to an earlier table (the first table references itself), varying ON DELETE;</li>
 *   <li>createIndex, on one or two columns.</li>
 * </ol>
 */
final class ChangelogGenerator {

  static final int CHANGESETS_PER_TABLE = 4;
  static final int TABLES_PER_FILE = 50;
  static final String MASTER = "db/changelog.xml";

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog
          xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
      """;
  private static final String FOOTER = "</databaseChangeLog>\n";

  private ChangelogGenerator() {
  }

  /** Writes the changelog; returns the number of changesets written. */
  static int write(Path root, int tables) {
    try {
      Path changes = Files.createDirectories(root.resolve("db/changes"));
      StringBuilder master = new StringBuilder(HEADER);
      int changesets = 0;
      for (int first = 1, file = 1; first <= tables; first += TABLES_PER_FILE, file++) {
        int last = Math.min(tables, first + TABLES_PER_FILE - 1);
        String name = String.format("%03d-tables-%04d-%04d.xml", file, first, last);
        StringBuilder xml = new StringBuilder(HEADER);
        for (int i = first; i <= last; i++) {
          changesets += table(xml, i);
        }
        xml.append(FOOTER);
        Files.writeString(changes.resolve(name), xml, StandardCharsets.UTF_8);
        master.append("    <include file=\"changes/").append(name).append("\" relativeToChangelogFile=\"true\"/>\n");
      }
      master.append(FOOTER);
      Files.writeString(root.resolve(MASTER), master, StandardCharsets.UTF_8);
      return changesets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends {@code changesets} pending changesets to the changelog {@link #write} made under {@code root}: new tables
   * from number {@code firstTable} on, each a createTable (primary key, three columns) then a createIndex, in
   * {@code db/changes/900-pending.xml}, included last from the master. Returns the number of new tables.
   */
  static int appendPending(Path root, int firstTable, int changesets) {
    try {
      StringBuilder xml = new StringBuilder(HEADER);
      int tables = 0;
      for (int k = 0; k < changesets; k++) {
        String t = tableName(firstTable + k / 2);
        if (k % 2 == 0) {
          tables++;
          xml.append(changeSet(t + "-1-create")).append("""
                      <createTable tableName="%1$s" remarks="pending table %1$s">
                          <column name="id" type="bigint" autoIncrement="true">
                              <constraints primaryKey="true" primaryKeyName="pk_%1$s" nullable="false"/>
                          </column>
                          <column name="name" type="varchar(100)">
                              <constraints nullable="false"/>
                          </column>
                          <column name="amount" type="decimal(12,2)"/>
                          <column name="created_at" type="timestamp"/>
                      </createTable>
                  </changeSet>
              """.formatted(t));
        } else {
          xml.append(changeSet(t + "-2-index")).append("""
                      <createIndex tableName="%1$s" indexName="ix_%1$s_name">
                          <column name="name"/>
                      </createIndex>
                  </changeSet>
              """.formatted(t));
        }
      }
      xml.append(FOOTER);
      Files.writeString(root.resolve("db/changes/900-pending.xml"), xml, StandardCharsets.UTF_8);
      Path master = root.resolve(MASTER);
      String text = Files.readString(master, StandardCharsets.UTF_8);
      int end = text.lastIndexOf(FOOTER);
      Files.writeString(master, text.substring(0, end)
          + "    <include file=\"changes/900-pending.xml\" relativeToChangelogFile=\"true\"/>\n" + FOOTER,
          StandardCharsets.UTF_8);
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tableName(int i) {
    return String.format("t%04d", i);
  }

  private static int table(StringBuilder xml, int i) {
    String t = tableName(i);
    // 1: the table
    xml.append(changeSet(t + "-1-create")).append("""
                <createTable tableName="%1$s" remarks="generated table %1$s">
                    <column name="id" type="bigint" autoIncrement="true">
                        <constraints primaryKey="true" primaryKeyName="pk_%1$s" nullable="false"/>
                    </column>
                    <column name="name" type="varchar(%2$d)">
                        <constraints nullable="false"/>
                    </column>
                    <column name="code" type="varchar(20)"/>
                    <column name="quantity" type="int" defaultValueNumeric="0"/>
                    <column name="price" type="decimal(12,2)"/>
                    <column name="active" type="boolean" defaultValueBoolean="true">
                        <constraints nullable="false"/>
                    </column>
                    <column name="created_at" type="timestamp"/>
                    <column name="valid_from" type="date"/>
                    <column name="notes" type="text"/>
                    <column name="ref_id" type="bigint"/>
                </createTable>
            </changeSet>
        """.formatted(t, 50 + (i % 5) * 50));
    // 2: a later column or a unique constraint
    xml.append(changeSet(t + "-2-" + (i % 2 == 0 ? "column" : "unique")));
    if (i % 2 == 0) {
      xml.append("""
                  <addColumn tableName="%s">
                      <column name="status" type="varchar(30)" defaultValue="new">
                          <constraints nullable="false"/>
                      </column>
                  </addColumn>
              </changeSet>
          """.formatted(t));
    } else {
      xml.append("""
                  <addUniqueConstraint tableName="%1$s" columnNames="code" constraintName="uq_%1$s_code"/>
              </changeSet>
          """.formatted(t));
    }
    // 3: a foreign key to an earlier table (the first table references itself)
    String target = i == 1 ? t : tableName(i == 2 ? 1 : 1 + (int) ((i * 7919L) % (i - 1)));
    String onDelete = switch (i % 3) {
      case 0 -> "CASCADE";
      case 1 -> "SET NULL";
      default -> "RESTRICT";
    };
    xml.append(changeSet(t + "-3-fk")).append("""
                <addForeignKeyConstraint constraintName="fk_%1$s_ref" baseTableName="%1$s" baseColumnNames="ref_id"
                    referencedTableName="%2$s" referencedColumnNames="id" onDelete="%3$s"/>
            </changeSet>
        """.formatted(t, target, onDelete));
    // 4: an index
    String columns = i % 2 == 0
        ? "<column name=\"name\"/>"
        : "<column name=\"created_at\"/>\n            <column name=\"quantity\"/>";
    xml.append(changeSet(t + "-4-index")).append("""
                <createIndex tableName="%1$s" indexName="ix_%1$s_%2$s">
                    %3$s
                </createIndex>
            </changeSet>
        """.formatted(t, i % 2 == 0 ? "name" : "created_qty", columns));
    return CHANGESETS_PER_TABLE;
  }

  private static String changeSet(String id) {
    return "    <changeSet id=\"" + id + "\" author=\"bench\">\n";
  }
}
