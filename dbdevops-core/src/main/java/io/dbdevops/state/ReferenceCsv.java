package io.dbdevops.state;

import io.dbdevops.model.Column;
import io.dbdevops.model.Row;
import io.dbdevops.model.Table;
import io.dbdevops.model.TableData;
import io.dbdevops.model.ValueKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * A reference table's rows as {@code data/<table>.csv}: RFC 4180 (Commons CSV), UTF-8, lines ending in LF, the header
 * the table's columns in table order, one line per row sorted by primary key, values canonical (see
 * {@link ValueKind}). NULL is an empty unquoted field, the empty string is {@code ""}: a row holding an empty string
 * is written with every non-NULL value quoted (so the two stay apart), other rows quote only what RFC 4180 requires.
 *
 * <p>Reading is strict: the header must be the table's columns, every value must be one of its column's kind, a NOT
 * NULL column must not be empty, no key twice; each problem is a {@link StateFileException} naming the file and line.
 */
public final class ReferenceCsv {

  private static final java.util.regex.Pattern UNCLOSED =
      java.util.regex.Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");

  /** How values are written: quotes where needed. */
  private static final CSVFormat MINIMAL = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setNullString("")
      .setQuoteMode(QuoteMode.MINIMAL).get();
  /** A row with an empty string: every non-NULL value quoted, NULL as nothing. */
  private static final CSVFormat QUOTED = MINIMAL.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();
  /** How files are read: a quoted empty field is the empty string, an unquoted one NULL. */
  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setNullString("").setQuoteMode(QuoteMode.ALL_NON_NULL)
      .setIgnoreEmptyLines(true).get();

  public String render(TableData data) {
    StringBuilder out = new StringBuilder();
    try {
      print(out, MINIMAL, data.columnNames());
      for (Row row : data.rows()) {
        print(out, row.values().contains("") ? QUOTED : MINIMAL, row.values());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }

  private static void print(StringBuilder out, CSVFormat format, List<String> values) throws IOException {
    // a printer per line: the quoting is the line's (closing it only flushes into the StringBuilder)
    CSVPrinter printer = new CSVPrinter(out, format);
    printer.printRecord(values);
    printer.flush();
  }

  /** Reads {@code file} as the rows of {@code table} (its columns, types and primary key from the state). */
  public TableData read(Path file, Table table) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new StateFileException(file, null, "not UTF-8 text: reference data is written by mvn dbdevops:snapshot", e);
    } catch (IOException e) {
      throw new StateFileException(file, null, "cannot read: " + e.getMessage(), e);
    }
    return parse(file, text, table);
  }

  /** {@link #read} of text already read; {@code file} names it in messages. */
  public TableData parse(Path file, String text, Table table) {
    if (table.primaryKey().isEmpty()) {
      throw new StateFileException(file, null, "reference table " + table.name() + " has no primary key: give it one in "
          + "the changelog, or take it out of <referenceData>", null);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Column> columns = table.columns();
    List<String> names = columns.stream().map(Column::name).toList();
    List<Row> rows = new ArrayList<>();
    Map<List<String>, Long> keyLines = new HashMap<>();
    List<String> key = table.primaryKey().get().columns();
    boolean header = true;
    try (Reader reader = new StringReader(text); CSVParser parser = READ.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      long line = parser.getCurrentLineNumber() + 1;
      LineCounter lines = new LineCounter(text);
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          String problem = csvProblem(e);
          long at = Math.max(line, parser.getCurrentLineNumber());
          java.util.regex.Matcher open = UNCLOSED.matcher(problem);
          if (open.find()) {
            at = Long.parseLong(open.group(1));
            problem = "a quoted value starts on this line and is never closed";
          } else if (problem.startsWith("Invalid character between encapsulated token and delimiter")) {
            problem = "text after a closing quote (quote the whole value; a quote inside it is written \"\")";
          }
          throw new StateFileException(file, null, "line " + at + ": not valid CSV (RFC 4180): " + problem, e);
        }
        List<String> values = record.toList();
        line = lines.at(record.getCharacterPosition());
        if (header) {
          header = false;
          if (!values.equals(names)) {
            throw new StateFileException(file, null, "line " + line + ": the header must be the columns of "
                + table.name() + " in table order: " + String.join(",", names) + " (found: "
                + String.join(",", values.stream().map(v -> v == null ? "" : v).toList()) + ")", null);
          }
        } else {
          rows.add(row(file, line, table, values, key, keyLines));
        }
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException e) {
      throw new StateFileException(file, null, "not valid CSV (RFC 4180): " + e.getMessage(), e);
    }
    if (header) {
      throw new StateFileException(file, null, "line 1: empty; the first line must be the header "
          + String.join(",", names), null);
    }
    return new TableData(table.name(), columns, key, rows);
  }

  private static Row row(Path file, long line, Table table, List<String> values, List<String> key,
      Map<List<String>, Long> keyLines) {
    List<Column> columns = table.columns();
    if (values.size() != columns.size()) {
      throw new StateFileException(file, null, "line " + line + ": " + values.size() + " values for the "
          + columns.size() + " columns " + String.join(",", columns.stream().map(Column::name).toList()), null);
    }
    List<String> canonical = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Column c = columns.get(i);
      String v = values.get(i);
      if (v == null) {
        if (!c.nullable() || key.contains(c.name())) {
          throw new StateFileException(file, null, "line " + line + ", column " + c.name() + ": empty (NULL), but "
              + c.name() + " is NOT NULL; write \"\" for an empty string", null);
        }
        canonical.add(null);
        continue;
      }
      try {
        canonical.add(ValueKind.of(c.type()).canonical(v, c.type()));
      } catch (IllegalArgumentException e) {
        throw new StateFileException(file, null, "line " + line + ", column " + c.name() + " (" + c.type() + "): "
            + e.getMessage(), null);
      }
    }
    Row row = new Row(canonical);
    List<String> k = new ArrayList<>();
    key.forEach(col -> k.add(canonical.get(table.columns().stream().map(Column::name).toList().indexOf(col))));
    Long first = keyLines.putIfAbsent(k, line);
    if (first != null) {
      StringBuilder desc = new StringBuilder();
      for (int i = 0; i < key.size(); i++) {
        desc.append(i == 0 ? "" : ", ").append(key.get(i)).append('=').append(k.get(i));
      }
      throw new StateFileException(file, null, "line " + line + ": a second row with the primary key " + desc
          + " (the first is on line " + first + ")", null);
    }
    return row;
  }

  /** The 1-based line a record starts on (empty lines are skipped, so the parser's count is not it); positions ascend. */
  private static final class LineCounter {
    private final String text;
    private int position;
    private long line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    long at(long target) {
      while (position < text.length() && (position < target || text.charAt(position) == '\n'
          || text.charAt(position) == '\r')) {
        if (text.charAt(position++) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static String csvProblem(RuntimeException e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String m = String.valueOf(t.getMessage());
    return m.replaceFirst("^IOException reading next record: ", "").replaceFirst("^java\\.io\\.IOException: ", "");
  }
}
