package io.dbdevops.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.Row;
import io.dbdevops.model.Table;
import io.dbdevops.model.TableData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** data/<table>.csv: RFC 4180 through Commons CSV, NULL vs empty string, canonical values, strict reading. */
class ReferenceCsvTest {

  private static final Path FILE = Path.of("src/main/db/schema/data/order_status.csv");
  private final ReferenceCsv csv = new ReferenceCsv();

  private static Column col(String name, String type, boolean nullable) {
    return new Column(name, ColumnType.parse(type), nullable, Optional.empty(), false, Optional.empty());
  }

  private static final Table STATUS = new Table("order_status", List.of(col("id", "integer", false),
      col("code", "varchar(20)", false), col("label", "varchar(100)", true), col("fee", "decimal(10,2)", true),
      col("active", "boolean", true), col("since", "date", true)),
      Optional.of(new PrimaryKey(List.of("id"))), List.of(), List.of(), List.of(), List.of(), Optional.empty());

  private static TableData data(Row... rows) {
    return new TableData("order_status", STATUS.columns(), List.of("id"), List.of(rows));
  }

  @Test
  void nullIsAnEmptyUnquotedFieldAndTheEmptyStringIsTwoQuotes() {
    String text = csv.render(data(Row.of("1", "NEW", null, "1.50", "true", "2026-01-31"),
        Row.of("2", "PAID", "", null, null, null)));
    assertThat(text).isEqualTo("""
        id,code,label,fee,active,since
        1,NEW,,1.50,true,2026-01-31
        "2","PAID","",,,
        """);
    TableData back = csv.parse(FILE, text, STATUS);
    assertThat(back.rows().get(0).value(2)).isNull();
    assertThat(back.rows().get(1).value(2)).isEmpty();
    assertThat(back.rows().get(1).value(3)).isNull();
    assertThat(csv.render(back)).isEqualTo(text);
  }

  @Test
  void rowsAreSortedByKeyNumericallyAndQuotedOnlyWhereRfc4180NeedsIt() {
    String text = csv.render(data(Row.of("10", "TEN", "a, \"quoted\" label", null, null, null),
        Row.of("2", "TWO", "line\nbreak", null, null, null)));
    assertThat(text).isEqualTo("id,code,label,fee,active,since\n2,TWO,\"line\nbreak\",,,\n"
        + "10,TEN,\"a, \"\"quoted\"\" label\",,,\n");
    assertThat(csv.parse(FILE, text, STATUS).rows()).extracting(r -> r.value(2))
        .containsExactly("line\nbreak", "a, \"quoted\" label");
  }

  @Test
  void valuesReadFromTheFileAreMadeCanonical() {
    TableData d = csv.parse(FILE, "id,code,label,fee,active,since\n007,NEW,x,1.5,false,2026-01-31\n", STATUS);
    assertThat(d.rows().get(0).values()).containsExactly("7", "NEW", "x", "1.50", "false", "2026-01-31");
  }

  @Test
  void aHeaderThatIsNotTheTablesColumnsNamesTheFileLineAndColumns() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,description,fee,active,since\n", STATUS))
        .isInstanceOf(StateFileException.class)
        .hasMessage(FILE + ": line 1: the header must be the columns of order_status in table order: "
            + "id,code,label,fee,active,since (found: id,code,description,fee,active,since)");
  }

  @Test
  void malformedCsvNamesTheLine() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW,x,,,\n2,\"PAID\"x,y,,,\n", STATUS))
        .isInstanceOf(StateFileException.class)
        .hasMessage(FILE + ": line 3: not valid CSV (RFC 4180): text after a closing quote (quote the whole value; a "
            + "quote inside it is written \"\")");
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW,\"x,,,\n2,PAID,y,,,\n", STATUS))
        .hasMessage(FILE + ": line 2: not valid CSV (RFC 4180): a quoted value starts on this line and is never closed");
  }

  @Test
  void aValueOfTheWrongKindNamesLineAndColumn() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW,x,,yes,\n", STATUS))
        .hasMessage(FILE + ": line 2, column active (boolean): must be true or false");
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n\n1,NEW,x,1.234,,\n", STATUS))
        .hasMessage(FILE + ": line 3, column fee (decimal(10,2)): '1.234' has more decimals than decimal(10,2) holds");
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW,x,,,31.01.2026\n", STATUS))
        .hasMessage(FILE + ": line 2, column since (date): '31.01.2026' is not an ISO-8601 date (e.g. 2026-01-31)");
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\nx1,NEW,x,,,\n", STATUS))
        .hasMessage(FILE + ": line 2, column id (integer): 'x1' is not a whole number (write it plainly, e.g. 42)");
  }

  @Test
  void nullInANotNullColumnSaysHowToWriteAnEmptyString() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,,x,,,\n", STATUS))
        .hasMessage(FILE + ": line 2, column code: empty (NULL), but code is NOT NULL; write \"\" for an empty string");
  }

  @Test
  void aKeyTwiceNamesBothLines() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW,,,,\n01,OLD,,,,\n", STATUS))
        .hasMessage(FILE + ": line 3: a second row with the primary key id=1 (the first is on line 2)");
  }

  @Test
  void aWrongNumberOfValuesNamesTheLine() {
    assertThatThrownBy(() -> csv.parse(FILE, "id,code,label,fee,active,since\n1,NEW\n", STATUS))
        .hasMessage(FILE + ": line 2: 2 values for the 6 columns id,code,label,fee,active,since");
  }

  @Test
  void crlfLineEndsAndATrailingEmptyLineReadTheSame() {
    TableData d = csv.parse(FILE, "id,code,label,fee,active,since\r\n1,NEW,x,,,\r\n\r\n", STATUS);
    assertThat(csv.render(d)).isEqualTo("id,code,label,fee,active,since\n1,NEW,x,,,\n");
  }

  @Test
  void aTableWithoutPrimaryKeyIsRefused() {
    Table noKey = new Table("notes", List.of(col("text", "varchar(10)", true)), Optional.empty(), List.of(), List.of(),
        List.of(), List.of(), Optional.empty());
    assertThatThrownBy(() -> csv.parse(FILE, "text\n", noKey))
        .hasMessage(FILE + ": reference table notes has no primary key: give it one in the changelog, or take it out "
            + "of <referenceData>");
  }

  @Test
  void compositeKeysSortByEachKeyColumnInTurn() {
    Table t = new Table("rates", List.of(col("region", "varchar(2)", false), col("tier", "integer", false),
        col("rate", "decimal(5,3)", true)), Optional.of(new PrimaryKey(List.of("region", "tier"))), List.of(), List.of(),
        List.of(), List.of(), Optional.empty());
    TableData d = csv.parse(FILE, "region,tier,rate\nUS,1,0.1\nEU,10,1\nEU,9,2.5\n", t);
    assertThat(csv.render(d)).isEqualTo("region,tier,rate\nEU,9,2.500\nEU,10,1.000\nUS,1,0.100\n");
  }
}
