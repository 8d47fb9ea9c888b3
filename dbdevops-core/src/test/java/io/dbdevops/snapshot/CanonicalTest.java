package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.ColumnType;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void typesAreMappedToThePortableVocabulary() {
    assertThat(Canonical.type(Dialect.H2, Types.VARCHAR, "CHARACTER VARYING", 100, 0)).hasToString("varchar(100)");
    assertThat(Canonical.type(Dialect.H2, Types.NUMERIC, "NUMERIC", 10, 2)).hasToString("decimal(10,2)");
    assertThat(Canonical.type(Dialect.H2, Types.BIGINT, "int8", 19, 0)).hasToString("bigint");
    assertThat(Canonical.type(Dialect.H2, Types.BIT, "tinyint", 1, 0)).hasToString("boolean");
    assertThat(Canonical.type(Dialect.H2, Types.CLOB, "CHARACTER LARGE OBJECT", Integer.MAX_VALUE, 0)).hasToString("text");
    assertThat(Canonical.type(Dialect.H2, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", 0, 6)).hasToString("timestamp with time zone");
    assertThat(Canonical.type(Dialect.H2, Types.OTHER, "uuid", 0, 0)).hasToString("uuid");
  }

  @Test
  void typesAReviewerMustSeeChangeStayApart() {
    // MariaDB: only tinyint(1) is its boolean (the bulk query reports its size as 1); tinyint(4) is a tinyint
    assertThat(Canonical.type(Dialect.MARIADB, Types.TINYINT, "tinyint", 3, 0)).hasToString("tinyint");
    assertThat(Canonical.type(Dialect.MARIADB, Types.BIT, "tinyint", 1, 0)).hasToString("boolean");
    assertThat(Canonical.type(Dialect.MARIADB, Types.LONGVARCHAR, "longtext", 0, 0)).hasToString("longtext");
    assertThat(Canonical.type(Dialect.MARIADB, Types.LONGVARCHAR, "mediumtext", 0, 0)).hasToString("mediumtext");
    assertThat(Canonical.type(Dialect.MARIADB, Types.LONGVARCHAR, "text", 0, 0)).hasToString("text");
    assertThat(Canonical.type(Dialect.MARIADB, Types.TIMESTAMP, "datetime", 0, 6)).hasToString("timestamp(6)");
    assertThat(Canonical.type(Dialect.MARIADB, Types.TIMESTAMP, "datetime", 0, 0)).hasToString("timestamp");
    // PostgreSQL: oid (Liquibase's BLOB there) is not a bigint, even though the driver reports it as BIGINT
    assertThat(Canonical.type(Dialect.POSTGRESQL, Types.BIGINT, "oid", 10, 0)).hasToString("oid");
    assertThat(Canonical.type(Dialect.POSTGRESQL, Types.TIMESTAMP, "timestamp", 0, 6)).hasToString("timestamp");
    assertThat(Canonical.type(Dialect.POSTGRESQL, Types.TIMESTAMP, "timestamp", 0, 3)).hasToString("timestamp(3)");
    assertThat(Canonical.type(Dialect.H2, Types.TIMESTAMP, "TIMESTAMP", 0, 6)).hasToString("timestamp");
  }

  @Test
  void timestampDefaultsDoNotDependOnTheRenderedFraction() {
    assertThat(Canonical.defaultValue("'1970-01-01 00:00:00.000000'", ColumnType.of("timestamp", 6)))
        .contains("'1970-01-01 00:00:00'");
    assertThat(Canonical.defaultValue("'1970-01-01 00:00:00'", ColumnType.of("timestamp"))).contains("'1970-01-01 00:00:00'");
    assertThat(Canonical.defaultValue("'1970-01-01 00:00:00.250000'", ColumnType.of("timestamp", 6)))
        .contains("'1970-01-01 00:00:00.25'");
    assertThat(Canonical.defaultValue("'10:00:00.000'", ColumnType.of("time"))).contains("'10:00:00'");
    assertThat(Canonical.defaultValue("'2.000'", ColumnType.of("varchar", 10))).as("only times").contains("'2.000'");
  }

  @Test
  void defaultsLoseCastsAndDialectSpellings() {
    ColumnType varchar = ColumnType.of("varchar", 20);
    assertThat(Canonical.defaultValue("'NEW'::character varying", varchar)).contains("'NEW'");
    assertThat(Canonical.defaultValue("now()", ColumnType.of("timestamp"))).contains("current_timestamp");
    assertThat(Canonical.defaultValue("CURRENT_TIMESTAMP", ColumnType.of("timestamp"))).contains("current_timestamp");
    assertThat(Canonical.defaultValue("current_timestamp()", ColumnType.of("timestamp"))).contains("current_timestamp");
    assertThat(Canonical.defaultValue("1", ColumnType.of("boolean"))).contains("true");
    assertThat(Canonical.defaultValue("TRUE", ColumnType.of("boolean"))).contains("true");
    assertThat(Canonical.defaultValue("'0.00'", ColumnType.of("decimal", 10, 2))).contains("0");
    assertThat(Canonical.defaultValue("NULL", varchar)).isEmpty();
    assertThat(Canonical.defaultValue("'Mixed Case'", varchar)).contains("'Mixed Case'");
  }

  @Test
  void checkExpressionsAreCanonical() {
    assertThat(Canonical.expression("(\"PRICE\" >= CAST(0 AS NUMERIC(1)))")).isEqualTo("price >= 0");
    assertThat(Canonical.expression("((quantity > 0))")).isEqualTo("quantity > 0");
    assertThat(Canonical.expression("(a > 0) OR (b > 0)")).isEqualTo("(a > 0) or (b > 0)");
    assertThat(Canonical.expression("status IN ('New', 'Paid')")).isEqualTo("status in ('New', 'Paid')");
  }

  @Test
  void generatedNamesAreRecognisedPerDialect() {
    assertThat(Canonical.isGeneratedName(Dialect.H2, "CONSTRAINT_8")).isTrue();
    assertThat(Canonical.isGeneratedName(Dialect.H2, "PRIMARY_KEY_5")).isTrue();
    assertThat(Canonical.isGeneratedName(Dialect.H2, "FK_ORDERS_CUSTOMER")).isFalse();
    assertThat(Canonical.isGeneratedName(Dialect.POSTGRESQL, "orders_pkey")).isTrue();
    assertThat(Canonical.isGeneratedName(Dialect.POSTGRESQL, "orders_customer_id_fkey")).isTrue();
    assertThat(Canonical.isGeneratedName(Dialect.POSTGRESQL, "fk_orders_customer")).isFalse();
    assertThat(Canonical.isGeneratedName(Dialect.MARIADB, "orders_ibfk_1")).isTrue();
    assertThat(Canonical.isGeneratedName(Dialect.MARIADB, "idx_orders_status")).isFalse();
  }
}
