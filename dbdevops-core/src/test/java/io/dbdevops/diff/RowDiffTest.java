package io.dbdevops.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.Row;
import io.dbdevops.model.TableData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rows diffed by primary key and rendered as the contract shows: {@code ~ row (code=NEW): label 'New' -> 'Neu'}. */
class RowDiffTest {

  private static Column col(String name, String type) {
    return new Column(name, ColumnType.parse(type), true, Optional.empty(), false, Optional.empty());
  }

  private static final List<Column> STATUS = List.of(col("code", "varchar(20)"), col("label", "varchar(50)"),
      col("sort_order", "integer"), col("active", "boolean"));

  private static TableData status(Row... rows) {
    return new TableData("order_status", STATUS, List.of("code"), List.of(rows));
  }

  @Test
  void addedRemovedAndChangedRowsInKeyOrder() {
    TableData before = status(Row.of("NEW", "New", "1", "true"), Row.of("OLD", "Old", "9", "false"),
        Row.of("PAID", "Paid", "2", "true"));
    TableData after = status(Row.of("NEW", "Neu", "1", "true"), Row.of("PAID", "Paid", "2", "true"),
        Row.of("CANCELLED", "It's off", null, "false"));
    assertThat(DiffRendering.lines(RowDiff.between(before, after))).containsExactly(
        "data order_status",
        "  + row (code=CANCELLED): label 'It''s off', sort_order NULL, active false",
        "  ~ row (code=NEW): label 'New' -> 'Neu'",
        "  - row (code=OLD): label 'Old', sort_order 9, active false");
  }

  @Test
  void severalChangedColumnsOnOneLineAndEmptyStringIsNotNull() {
    TableData before = status(Row.of("NEW", "New", "1", null));
    TableData after = status(Row.of("NEW", "", "2", null));
    assertThat(DiffRendering.lines(RowDiff.between(before, after)))
        .containsExactly("data order_status", "  ~ row (code=NEW): label 'New' -> '', sort_order 1 -> 2");
  }

  @Test
  void compositeKeysNameEveryKeyColumnAndNumericKeysOrderNumerically() {
    List<Column> columns = List.of(col("region", "varchar(2)"), col("tier", "integer"), col("rate", "decimal(5,2)"));
    TableData before = new TableData("rates", columns, List.of("region", "tier"), List.of(Row.of("EU", "10", "1.00")));
    TableData after = new TableData("rates", columns, List.of("region", "tier"),
        List.of(Row.of("EU", "10", "1.50"), Row.of("EU", "9", "2.00")));
    assertThat(DiffRendering.lines(RowDiff.between(before, after))).containsExactly("data rates",
        "  + row (region=EU, tier=9): rate 2.00",
        "  ~ row (region=EU, tier=10): rate 1.00 -> 1.50");
  }

  @Test
  void equalRowsAreNoDifference() {
    TableData rows = status(Row.of("NEW", "New", "1", "true"));
    assertThat(RowDiff.between(rows, status(Row.of("NEW", "New", "1", "true")))).isEmpty();
  }

  @Test
  void aTableWithoutCommittedRowsHasEveryRowAdded() {
    TableData shadow = status(Row.of("NEW", "New", "1", "true"));
    assertThat(RowDiff.between(List.of(), List.of(shadow))).extracting(SchemaChange::sign)
        .containsExactly(SchemaChange.Sign.ADDED);
  }
}
