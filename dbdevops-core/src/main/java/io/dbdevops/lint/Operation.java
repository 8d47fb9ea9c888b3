package io.dbdevops.lint;

import io.dbdevops.liquibase.ChangeSetInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one pending change does, as plain facts, whichever way it was written: a Liquibase change object
 * ({@code <dropColumn>}) and raw SQL ({@code ALTER TABLE orders DROP COLUMN note}, parsed with JSqlParser) both give
 * {@link DropColumn}. Rules judge these and the typed state diff; they never parse anything themselves.
 *
 * <p>Names are as written, lower case, without schema and quotes. {@link #source()} is the Liquibase change type
 * ({@code dropColumn}) or {@code sql} for raw SQL.
 */
public sealed interface Operation {

  ChangeSetInfo changeSet();

  String source();

  /** The table acted on, or empty (a DROP SCHEMA, a GRANT on a role, a SET). */
  String table();

  /** A column as a change defines it. */
  record ColumnDef(String name, Optional<String> type, Optional<Boolean> nullable, Optional<String> defaultValue,
      boolean identity) {
    public ColumnDef {
      Objects.requireNonNull(name, "name");
      type = Objects.requireNonNullElse(type, Optional.empty());
      nullable = Objects.requireNonNullElse(nullable, Optional.empty());
      defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty());
    }

    /** NOT NULL explicitly. */
    public boolean notNull() {
      return nullable.isPresent() && !nullable.get();
    }
  }

  record CreateTable(ChangeSetInfo changeSet, String source, String table, List<ColumnDef> columns) implements Operation {
    public CreateTable {
      columns = List.copyOf(columns);
    }
  }

  record DropTable(ChangeSetInfo changeSet, String source, String table) implements Operation {
  }

  record RenameTable(ChangeSetInfo changeSet, String source, String table, String newName) implements Operation {
  }

  /** DROP SCHEMA / DROP DATABASE; {@code kind} is {@code schema} or {@code database}. */
  record DropSchema(ChangeSetInfo changeSet, String source, String kind, String name) implements Operation {
    public String table() {
      return "";
    }
  }

  record AddColumn(ChangeSetInfo changeSet, String source, String table, ColumnDef column) implements Operation {
  }

  record DropColumn(ChangeSetInfo changeSet, String source, String table, String column) implements Operation {
  }

  record RenameColumn(ChangeSetInfo changeSet, String source, String table, String column, String newName)
      implements Operation {
  }

  /**
   * A column's type set anew. {@code nullable} is known when the statement restates the whole column (MySQL
   * {@code MODIFY}); {@code algorithm} is MySQL/MariaDB's {@code ALGORITHM=} clause of the same ALTER.
   */
  record ChangeType(ChangeSetInfo changeSet, String source, String table, String column, String newType,
      Optional<Boolean> nullable, Optional<String> algorithm) implements Operation {
    public ChangeType {
      nullable = Objects.requireNonNullElse(nullable, Optional.empty());
      algorithm = Objects.requireNonNullElse(algorithm, Optional.empty());
    }
  }

  record SetNotNull(ChangeSetInfo changeSet, String source, String table, String column) implements Operation {
  }

  record DropNotNull(ChangeSetInfo changeSet, String source, String table, String column) implements Operation {
  }

  record AddForeignKey(ChangeSetInfo changeSet, String source, String table, Optional<String> name, List<String> columns,
      String referencedTable, boolean notValid) implements Operation {
    public AddForeignKey {
      name = Objects.requireNonNullElse(name, Optional.empty());
      columns = List.copyOf(columns);
    }
  }

  /** A foreign key dropped by name; {@code *} for Liquibase's dropAllForeignKeyConstraints. */
  record DropForeignKey(ChangeSetInfo changeSet, String source, String table, String name) implements Operation {
  }

  /** {@code ALTER TABLE … DROP CONSTRAINT name}: a constraint of a kind only the released state can tell. */
  record DropConstraint(ChangeSetInfo changeSet, String source, String table, String name) implements Operation {
  }

  record AddCheck(ChangeSetInfo changeSet, String source, String table, Optional<String> name, boolean notValid)
      implements Operation {
    public AddCheck {
      name = Objects.requireNonNullElse(name, Optional.empty());
    }
  }

  record AddUnique(ChangeSetInfo changeSet, String source, String table, Optional<String> name, List<String> columns)
      implements Operation {
    public AddUnique {
      name = Objects.requireNonNullElse(name, Optional.empty());
      columns = List.copyOf(columns);
    }
  }

  record CreateIndex(ChangeSetInfo changeSet, String source, String table, String name, List<String> columns,
      boolean unique, boolean concurrently) implements Operation {
    public CreateIndex {
      columns = List.copyOf(columns);
    }
  }

  /** {@code table} is empty when the statement does not name it (PostgreSQL {@code DROP INDEX name}). */
  record DropIndex(ChangeSetInfo changeSet, String source, String table, String name, boolean concurrently)
      implements Operation {
  }

  /** ADD or DROP PRIMARY KEY. */
  record PrimaryKeyChange(ChangeSetInfo changeSet, String source, String table, boolean added, Optional<String> algorithm)
      implements Operation {
    public PrimaryKeyChange {
      algorithm = Objects.requireNonNullElse(algorithm, Optional.empty());
    }
  }

  record Truncate(ChangeSetInfo changeSet, String source, String table, boolean cascade) implements Operation {
  }

  /** UPDATE or DELETE ({@code verb}), with or without a WHERE clause. */
  record ModifyRows(ChangeSetInfo changeSet, String source, String table, String verb, boolean hasWhere)
      implements Operation {
  }

  /** GRANT: privileges or a role, to grantees, maybe WITH GRANT / ADMIN OPTION. */
  record Grant(ChangeSetInfo changeSet, String source, String what, List<String> grantees, boolean withGrantOption,
      boolean withAdminOption) implements Operation {
    public Grant {
      grantees = List.copyOf(grantees);
    }

    public String table() {
      return "";
    }

    public boolean toPublic() {
      return grantees.stream().anyMatch(g -> g.equalsIgnoreCase("public"));
    }
  }

  /** REVOKE: privileges or a role ({@code what}, as written) taken from grantees. */
  record Revoke(ChangeSetInfo changeSet, String source, String what, List<String> grantees) implements Operation {
    public Revoke {
      grantees = List.copyOf(grantees);
    }

    public String table() {
      return "";
    }
  }

  /** CREATE / ALTER ROLE or USER giving rights over the whole server ({@code SUPERUSER}, {@code CREATEROLE}, …). */
  record RolePrivileges(ChangeSetInfo changeSet, String source, String role, List<String> rights) implements Operation {
    public RolePrivileges {
      rights = List.copyOf(rights);
    }

    public String table() {
      return "";
    }
  }

  /** {@code SET [LOCAL] lock_timeout}. */
  record SetLockTimeout(ChangeSetInfo changeSet, String source, boolean local) implements Operation {
    public String table() {
      return "";
    }
  }

  /** Another statement that must run outside a transaction: REINDEX / REFRESH MATERIALIZED VIEW CONCURRENTLY. */
  record Concurrent(ChangeSetInfo changeSet, String source, String table, String statement) implements Operation {
  }
}
