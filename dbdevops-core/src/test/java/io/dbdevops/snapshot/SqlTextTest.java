package io.dbdevops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The canonical text of what H2 2.3, PostgreSQL 15 and MariaDB 10.11 give back for the same view or check: the
 * inputs below are copied from each engine's information schema ({@code schemacrawler} reads the same).
 */
class SqlTextTest {

  private static final Set<String> OWN = Set.of("public", "viewx");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # join with an aggregate: H2 moves the join condition into where (it goes back to the join), PostgreSQL casts and wraps, MariaDB qualifies
      h2 | SELECT "O"."ID" AS "ORDER_ID", "O"."CUSTOMER_ID", SUM("L"."QUANTITY" * "L"."UNIT_PRICE") AS "TOTAL" FROM "PUBLIC"."ORDERS" "O" INNER JOIN "PUBLIC"."ORDER_LINES" "L" ON 1=1 WHERE "L"."ORDER_ID" = "O"."ID" GROUP BY "O"."ID", "O"."CUSTOMER_ID"
      pg | SELECT o.id AS order_id, o.customer_id, sum(((l.quantity)::numeric * l.unit_price)) AS total FROM (orders o JOIN order_lines l ON ((l.order_id = o.id))) GROUP BY o.id, o.customer_id;
      mariadb | select `o`.`id` AS `order_id`,`o`.`customer_id` AS `customer_id`,sum(`l`.`quantity` * `l`.`unit_price`) AS `total` from (`viewx`.`orders` `o` join `viewx`.`order_lines` `l` on(`l`.`order_id` = `o`.`id`)) group by `o`.`id`,`o`.`customer_id`
      """)
  void joinViewReadsTheSameOnEveryEngine(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo("select o.id as order_id, o.customer_id, sum(l.quantity * l.unit_price) "
        + "as total from orders o inner join order_lines l on l.order_id = o.id group by o.id, o.customer_id");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT "O"."ID", "C"."EMAIL", "L"."QUANTITY" FROM "PUBLIC"."ORDERS" "O" INNER JOIN "PUBLIC"."CUSTOMERS" "C" ON 1=1 INNER JOIN "PUBLIC"."ORDER_LINES" "L" ON 1=1 WHERE ("C"."ID" = "O"."CUSTOMER_ID") AND ("L"."ORDER_ID" = "O"."ID") AND ("O"."STATUS" = 'NEW') AND ("L"."QUANTITY" > 1)
      pg | SELECT o.id, c.email, l.quantity FROM ((orders o JOIN customers c ON ((c.id = o.customer_id))) JOIN order_lines l ON ((l.order_id = o.id))) WHERE (((o.status)::text = 'NEW'::text) AND (l.quantity > 1));
      mariadb | select `o`.`id` AS `id`,`c`.`email` AS `email`,`l`.`quantity` AS `quantity` from ((`viewx`.`orders` `o` join `viewx`.`customers` `c` on(`c`.`id` = `o`.`customer_id`)) join `viewx`.`order_lines` `l` on(`l`.`order_id` = `o`.`id`)) where `o`.`status` = 'NEW' and `l`.`quantity` > 1
      """)
  void innerJoinConditionsGoToTheJoinOfTheirLastTable(String engine, String text) {
    // H2 keeps no trace of which condition was in an on and which in the where: each goes to the inner join that
    // brings in the last table it refers to, conditions on the first table stay in the where clause
    assertThat(SqlText.query(text, OWN)).isEqualTo("select o.id, c.email, l.quantity from orders o inner join customers c "
        + "on c.id = o.customer_id inner join order_lines l on l.order_id = o.id and l.quantity > 1 where o.status = 'NEW'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT "C"."EMAIL", "O"."STATUS" FROM "PUBLIC"."CUSTOMERS" "C" LEFT OUTER JOIN "PUBLIC"."ORDERS" "O" ON ("O"."STATUS" <> 'PAID') AND ("O"."CUSTOMER_ID" = "C"."ID") WHERE "C"."FULL_NAME" IS NOT NULL
      pg | SELECT c.email, o.status FROM (customers c LEFT JOIN orders o ON (((o.customer_id = c.id) AND ((o.status)::text <> 'PAID'::text)))) WHERE (c.full_name IS NOT NULL);
      mariadb | select `c`.`email` AS `email`,`o`.`status` AS `status` from (`viewx`.`customers` `c` left join `viewx`.`orders` `o` on(`o`.`customer_id` = `c`.`id` and `o`.`status` <> 'PAID')) where `c`.`full_name` is not null
      """)
  void outerJoinKeepsItsConditionSorted(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo("select c.email, o.status from customers c left join orders o "
        + "on (o.customer_id = c.id) and (o.status <> 'PAID') where c.full_name is not null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT "ID", CASE WHEN "STATUS" = 'NEW' THEN 'open' ELSE 'closed' END AS "STATE", COALESCE("NOTE", '') AS "NOTE" FROM "PUBLIC"."ORDERS"
      pg | SELECT orders.id, CASE WHEN ((orders.status)::text = 'NEW'::text) THEN 'open'::text ELSE 'closed'::text END AS state, COALESCE(orders.note, ''::character varying) AS note FROM orders;
      mariadb | select `viewx`.`orders`.`id` AS `id`,case when `viewx`.`orders`.`status` = 'NEW' then 'open' else 'closed' end AS `state`,coalesce(`viewx`.`orders`.`note`,'') AS `note` from `viewx`.`orders`
      """)
  void singleTableQueryLosesTableQualifiersAndCasts(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo(
        "select id, case when status = 'NEW' then 'open' else 'closed' end as state, coalesce(note, '') as note from orders");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT "CUSTOMER_ID", COUNT(*) AS "N" FROM "PUBLIC"."ORDERS" GROUP BY "CUSTOMER_ID" HAVING COUNT(*) > 1 ORDER BY 1
      pg | SELECT orders.customer_id, count(*) AS n FROM orders GROUP BY orders.customer_id HAVING (count(*) > 1) ORDER BY orders.customer_id;
      mariadb | select `viewx`.`orders`.`customer_id` AS `customer_id`,count(0) AS `n` from `viewx`.`orders` group by `viewx`.`orders`.`customer_id` having count(0) > 1 order by `viewx`.`orders`.`customer_id`
      """)
  void orderByPositionAndCountZeroAreSpelledOut(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo(
        "select customer_id, count(*) as n from orders group by customer_id having count(*) > 1 order by customer_id");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT "ID" FROM "PUBLIC"."CUSTOMERS" WHERE "ID" IN( SELECT DISTINCT "CUSTOMER_ID" FROM "PUBLIC"."ORDERS" WHERE "STATUS" = 'NEW')
      pg | SELECT customers.id FROM customers WHERE (customers.id IN ( SELECT orders.customer_id FROM orders WHERE ((orders.status)::text = 'NEW'::text)));
      mariadb | select `viewx`.`customers`.`id` AS `id` from `viewx`.`customers` where `viewx`.`customers`.`id` in (select `viewx`.`orders`.`customer_id` from `viewx`.`orders` where `viewx`.`orders`.`status` = 'NEW')
      """)
  void subqueriesAreCanonicalToo(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo(
        "select id from customers where id in (select customer_id from orders where status = 'NEW')");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | SELECT DISTINCT "STATUS" FROM "PUBLIC"."ORDERS" WHERE ("STATUS" IN('A', 'B')) AND ("ID" > CAST(10 AS BIGINT))
      pg | SELECT DISTINCT orders.status FROM orders WHERE ((((orders.status)::text = 'A'::text) OR ((orders.status)::text = 'B'::text)) AND (orders.id > 10));
      mariadb | select distinct `viewx`.`orders`.`status` AS `status` from `viewx`.`orders` where (`viewx`.`orders`.`status` = 'A' or `viewx`.`orders`.`status` = 'B') and `viewx`.`orders`.`id` > 10
      """)
  void equalityAlternativesBecomeAnInList(String engine, String text) {
    assertThat(SqlText.query(text, OWN)).isEqualTo("select distinct status from orders where (id > 10) and (status in ('A', 'B'))");
  }

  @Test
  void mariaDbOneAndZeroAreTrueAndFalseForBooleanColumns() {
    String h2 = SqlText.query("SELECT \"ID\", \"EMAIL\" FROM \"PUBLIC\".\"CUSTOMERS\" WHERE \"ACTIVE\" = TRUE", OWN);
    String pg = SqlText.query("SELECT customers.id, customers.email FROM customers WHERE (customers.active = true);", OWN);
    String mariadb = "select `viewx`.`customers`.`id` AS `id`,`viewx`.`customers`.`email` AS `email` from "
        + "`viewx`.`customers` where `viewx`.`customers`.`active` = 1 and `viewx`.`customers`.`id` <> 0";
    assertThat(pg).isEqualTo(h2).isEqualTo("select id, email from customers where active = true");
    assertThat(SqlText.query(mariadb, OWN, Set.of("active"))).isEqualTo("select id, email from customers where (active = true) and (id <> 0)");
    assertThat(SqlText.query(mariadb, OWN)).as("without knowing the column is boolean")
        .isEqualTo("select id, email from customers where (active = 1) and (id <> 0)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      h2 | ("STATUS" IN('NEW', 'PAID')) AND ("AMOUNT" >= CAST(0 AS NUMERIC(1)))
      pg | (((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[])) AND (amount >= (0)::numeric))
      mariadb | `status` in ('NEW','PAID') and `amount` >= 0
      """)
  void checkConstraintsReadTheSameOnEveryEngine(String engine, String text) {
    assertThat(SqlText.expression(text, Set.of())).isEqualTo("(status in ('NEW', 'PAID')) and (amount >= 0)");
  }

  @Test
  void parenthesesThatMatterStay() {
    assertThat(SqlText.expression("(a + b) * c > 0", Set.of())).isEqualTo("(a + b) * c > 0");
    assertThat(SqlText.expression("(a > 0 OR b > 0) AND c > 0", Set.of())).isEqualTo("((a > 0) or (b > 0)) and (c > 0)");
    assertThat(SqlText.expression("NOT (a > 0 AND b > 0)", Set.of())).isEqualTo("not ((a > 0) and (b > 0))");
    assertThat(SqlText.expression("x BETWEEN 1 AND 5 AND y > -1", Set.of())).isEqualTo("(x between 1 and 5) and (y > -1)");
    assertThat(SqlText.expression("a - 1 > 0", Set.of())).isEqualTo("a - 1 > 0");
    assertThat(SqlText.expression("name = 'It''s (a) AND b'", Set.of())).isEqualTo("name = 'It''s (a) AND b'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      select * from a natural join b | select * from a natural join b
      select x from generate_series(1, 3) g(x) | select x from generate_series(1, 3) g(x)
      select 1 | select 1
      select a from t where | select a from t where
      select (select max(id) from t) as m from (select 1) s | select (select max(id) from t) as m from (select 1) s
      select a from t1 union all select b from t2 order by 1 | select a from t1 union all select b from t2 order by 1
      select a from t join u using (id) | select a from t inner join u using (id)
      ) ( select | (select)
      """)
  void unusualQueriesComeOutWhole(String text, String canonical) {
    assertThat(SqlText.query(text, OWN)).isEqualTo(canonical);
  }

  @Test
  void expressionIndexKeysAndPredicatesLoseTheirCasts() {
    assertThat(SqlText.expression("lower((email)::text)", Set.of())).isEqualTo("lower(email)");
    assertThat(SqlText.expression("(status)::text = 'NEW'::text", Set.of())).isEqualTo("status = 'NEW'");
  }
}
