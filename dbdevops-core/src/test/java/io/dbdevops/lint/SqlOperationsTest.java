package io.dbdevops.lint;

import static io.dbdevops.lint.rules.RuleFixtures.changeSet;
import static io.dbdevops.lint.rules.RuleFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlOperationsTest {

  private static List<Operation> ops(String script) {
    return ChangeOperations.of(List.of(changeSet("1", sql(script))));
  }

  @Test
  void splitsScriptsOutsideLiteralsCommentsAndDollarQuotes() {
    List<Operation> ops = ops("""
        -- drop; the note
        UPDATE orders SET note = 'a;b' WHERE id = 1;
        CREATE FUNCTION f() RETURNS int AS $$ BEGIN DELETE FROM orders; RETURN 1; END $$ LANGUAGE plpgsql;
        /* ; */ ALTER TABLE "Orders" DROP COLUMN "Note";
        """);

    assertThat(ops).hasSize(2);
    assertThat(ops.get(0)).isInstanceOf(Operation.ModifyRows.class);
    assertThat(ops.get(1)).isEqualTo(new Operation.DropColumn(ops.get(1).changeSet(), "sql", "orders", "note"));
  }

  @Test
  void readsPostgresFormsJSqlParserDoesNotKnowFromTheirWords() {
    List<Operation> ops = ops("""
        SET LOCAL lock_timeout TO '2s';
        ALTER TABLE orders ADD CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
        DROP INDEX CONCURRENTLY IF EXISTS ix_a;
        ALTER TABLE orders DROP FOREIGN KEY fk_c;
        """);

    assertThat(ops.get(0)).isInstanceOf(Operation.SetLockTimeout.class);
    assertThat(((Operation.SetLockTimeout) ops.get(0)).local()).isTrue();
    Operation.AddForeignKey fk = (Operation.AddForeignKey) ops.get(1);
    assertThat(fk.notValid()).isTrue();
    assertThat(fk.name()).contains("fk_c");
    assertThat(fk.referencedTable()).isEqualTo("customers");
    Operation.DropIndex drop = (Operation.DropIndex) ops.get(2);
    assertThat(drop.name()).isEqualTo("ix_a");
    assertThat(drop.concurrently()).isTrue();
    assertThat(ops.get(3)).isInstanceOf(Operation.DropForeignKey.class);
  }

  @Test
  void readsAStatementJSqlParserCannotParseByItsLeadingKeywords() {
    List<Operation> ops = ops("ALTER TABLE IF EXISTS ONLY orders DROP COLUMN IF EXISTS note CASCADE, "
        + "ALTER COLUMN status SET STATISTICS 100 WEIRD SYNTAX");

    assertThat(ops).anyMatch(o -> o instanceof Operation.DropColumn d && d.column().equals("note"));
  }
}
