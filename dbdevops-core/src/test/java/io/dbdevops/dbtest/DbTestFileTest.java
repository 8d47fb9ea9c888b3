package io.dbdevops.dbtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.InvalidChangeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbTestFileTest {

  @Test
  void testsStatementsAndTheirLines() {
    String text = """
        -- prose before the first test
        /* a block comment; with a semicolon */

        -- test: first one
        INSERT INTO t (a, b) VALUES (1, 'x;y');   -- a comment; after it
        INSERT INTO t (a, b)
          VALUES (2, 'it''s');
        -- expect error: ck_t_a
        INSERT INTO t (a) VALUES (-1);
        SELECT a FROM t WHERE a < 0
        -- test: second
        CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
        SELECT "semi;colon" FROM t;
        """;
    DbTestFile file = DbTestFile.parse(text, "src/test/db/t.sql");
    assertThat(file.tests()).extracting(DbTestFile.Test::name).containsExactly("first one", "second");
    DbTestFile.Test first = file.tests().get(0);
    assertThat(first.line()).isEqualTo(4);
    assertThat(first.statements()).extracting(DbTestFile.Statement::line).containsExactly(5, 6, 9, 10);
    assertThat(first.statements().get(0).sql()).isEqualTo("INSERT INTO t (a, b) VALUES (1, 'x;y')");
    assertThat(first.statements().get(1).sql()).isEqualTo("INSERT INTO t (a, b)\n  VALUES (2, 'it''s')");
    assertThat(first.statements().get(2).expectedError()).contains("ck_t_a");
    assertThat(first.statements().get(1).expectedError()).isEmpty();
    assertThat(first.statements().get(3).sql()).isEqualTo("SELECT a FROM t WHERE a < 0");
    DbTestFile.Test second = file.tests().get(1);
    assertThat(second.statements()).hasSize(2);
    assertThat(second.statements().get(0).sql()).endsWith("$$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql");
    assertThat(second.statements().get(1).line()).isEqualTo(13);
    assertThat(DbTestFile.parse("-- test: any\n-- expect error\nDELETE FROM t", "f").tests().get(0).statements()
        .get(0).expectedError()).isEqualTo(Optional.of(""));
  }

  @Test
  void malformedFilesNameTheFileAndLine() {
    assertThatThrownBy(() -> DbTestFile.parse("SELECT 1;\n-- test: a\nSELECT 1", "src/test/db/x.sql"))
        .isInstanceOf(InvalidChangeException.class)
        .hasMessage("src/test/db/x.sql:1: a statement before the first '-- test: name' line: every statement belongs to a test");
    assertThatThrownBy(() -> DbTestFile.parse("-- test: a\nSELECT 1;\n-- test: a\nSELECT 2", "x.sql"))
        .hasMessage("x.sql:3: a second test named 'a'");
    assertThatThrownBy(() -> DbTestFile.parse("-- test: empty\n-- only a comment\n", "x.sql"))
        .hasMessage("x.sql:1: test 'empty' has no statement");
    assertThatThrownBy(() -> DbTestFile.parse("-- test:\nSELECT 1", "x.sql")).hasMessage("x.sql:1: '-- test:' without a name");
    assertThatThrownBy(() -> DbTestFile.parse("-- test: a\nSELECT 1;\n-- expect error\n", "x.sql"))
        .hasMessageContaining("'-- expect error' in test 'a' is not followed by a statement");
  }
}
