package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.config.Dialect;
import io.dbdevops.model.ColumnType;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void typesAreMappedToThePortableVocabulary() {
    assertThat(Canonical.type(Types.VARCHAR, "CHARACTER VARYING", 100, 0)).hasToString("varchar(100)");
    assertThat(Canonical.type(Types.NUMERIC, "NUMERIC", 10, 2)).hasToString("decimal(10,2)");
    assertThat(Canonical.type(Types.BIGINT, "int8", 19, 0)).hasToString("bigint");
    assertThat(Canonical.type(Types.BIT, "tinyint", 1, 0)).hasToString("boolean");
    assertThat(Canonical.type(Types.CLOB, "CHARACTER LARGE OBJECT", Integer.MAX_VALUE, 0)).hasToString("text");
    assertThat(Canonical.type(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", 0, 0)).hasToString("timestamp with time zone");
    assertThat(Canonical.type(Types.OTHER, "uuid", 0, 0)).hasToString("uuid");
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
