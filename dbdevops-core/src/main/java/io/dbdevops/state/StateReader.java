package io.dbdevops.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ColumnType;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.PrimaryKey;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads the committed state directory back into a model. Strict: an unknown key, a missing required key, a value
 * of the wrong kind or a file whose object name does not match its file name is a {@link StateFileException}
 * naming the file and the key.
 */
public final class StateReader {

  /** Strict: a key written twice in one mapping is an error (YAML says keys are unique; Jackson would keep the last). */
  private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  public SchemaModel read(Path root) {
    if (!Files.isDirectory(root)) {
      return SchemaModel.EMPTY;
    }
    List<Path> tableFiles = files(root, StateLayout.TABLES);
    List<Path> viewFiles = files(root, StateLayout.VIEWS);
    List<Path> sequenceFiles = files(root, StateLayout.SEQUENCES);
    List<Path> all = new ArrayList<>(tableFiles);
    all.addAll(viewFiles);
    all.addAll(sequenceFiles);
    List<JsonNode> parsed = parseAll(all);
    List<Table> tables = new ArrayList<>();
    List<View> views = new ArrayList<>();
    List<Sequence> sequences = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      FileReader reader = new FileReader(all.get(i), parsed.get(i));
      if (i < tableFiles.size()) {
        tables.add(reader.table());
      } else if (i < tableFiles.size() + viewFiles.size()) {
        views.add(reader.view());
      } else {
        sequences.add(reader.sequence());
      }
    }
    try {
      return new SchemaModel(tables, views, sequences);
    } catch (IllegalArgumentException e) {
      throw new StateFileException(root, null, e.getMessage(), e);
    }
  }

  /**
   * The committed rows of the reference tables {@code tables}: {@code data/<table>.csv} read with the table's columns,
   * types and primary key from {@code committed} (the state's YAML); a table without a CSV file is left out (the
   * shadow's rows then all count as missing from the state). A CSV file of a table not in {@code tables} is not read
   * (the project's copy of another's state may carry one). A CSV file without its table's YAML, or a reference table
   * without a primary key, is a {@link StateFileException}.
   */
  public List<io.dbdevops.model.TableData> readData(Path root, SchemaModel committed, List<String> tables) {
    List<io.dbdevops.model.TableData> data = new ArrayList<>();
    for (String table : tables) {
      Path file = StateLayout.dataFile(root, table);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Table t = committed.table(table).orElseThrow(() -> new StateFileException(file, null, "the state has no "
          + StateLayout.TABLES + "/" + table + StateLayout.EXTENSION + " for these rows: run mvn dbdevops:snapshot", null));
      data.add(new ReferenceCsv().read(file, t));
    }
    return data;
  }

  private static List<Path> files(Path root, String folder) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(StateLayout.EXTENSION)).sorted().toList();
    } catch (IOException e) {
      throw new StateFileException(dir, null, "cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * Every file's YAML, parsed side by side (parsing is most of reading a state of hundreds of files); a file that
   * does not parse fails the read as it would read one by one: the first such file in order.
   */
  private List<JsonNode> parseAll(List<Path> files) {
    Object[] results = new Object[files.size()];
    IntStream.range(0, files.size()).parallel().forEach(i -> {
      try {
        results[i] = parse(files.get(i));
      } catch (StateFileException e) {
        results[i] = e;
      }
    });
    List<JsonNode> nodes = new ArrayList<>(results.length);
    for (Object r : results) {
      if (r instanceof StateFileException e) {
        throw e;
      }
      nodes.add((JsonNode) r);
    }
    return nodes;
  }

  private JsonNode parse(Path file) {
    try {
      JsonNode node = yaml.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new StateFileException(file, null, "expected a YAML mapping", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
          : " (line " + e.getLocation().getLineNr() + ")";
      java.io.CharConversionException encoding = cause(e, java.io.CharConversionException.class);
      if (encoding != null) {
        throw new StateFileException(file, null, "not UTF-8 text" + where + " (" + encoding.getMessage()
            + "): state files are written by mvn dbdevops:snapshot; restore it from git or run the goal again", e);
      }
      throw new StateFileException(file, null, "not valid YAML" + where + ": " + problem(e), e);
    } catch (IOException e) {
      throw new StateFileException(file, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The YAML parser's problem in one line, without the excerpt and caret lines it adds. */
  private static String problem(JsonProcessingException e) {
    org.yaml.snakeyaml.error.MarkedYAMLException marked = cause(e, org.yaml.snakeyaml.error.MarkedYAMLException.class);
    if (marked != null) {
      return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
    }
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Reads one file; knows the file for its error messages. */
  private static final class FileReader {
    private final Path file;
    private final JsonNode root;

    FileReader(Path file, JsonNode root) {
      this.file = file;
      this.root = root;
    }

    Table table() {
      allowOnly(root, "", Set.of(StateKeys.TABLE, StateKeys.COMMENT, StateKeys.COLUMNS, StateKeys.PRIMARY_KEY,
          StateKeys.FOREIGN_KEYS, StateKeys.UNIQUE_CONSTRAINTS, StateKeys.INDEXES, StateKeys.CHECKS));
      String name = objectName(StateKeys.TABLE);
      List<Column> columns = new ArrayList<>();
      JsonNode cols = array(root, StateKeys.COLUMNS, true);
      for (int i = 0; i < cols.size(); i++) {
        columns.add(column(cols.get(i), StateKeys.COLUMNS + "[" + i + "]"));
      }
      Optional<PrimaryKey> pk = root.has(StateKeys.PRIMARY_KEY)
          ? Optional.of(build(StateKeys.PRIMARY_KEY, () -> new PrimaryKey(strings(root, StateKeys.PRIMARY_KEY, ""))))
          : Optional.empty();
      List<ForeignKey> fks = new ArrayList<>();
      JsonNode fkNodes = array(root, StateKeys.FOREIGN_KEYS, false);
      for (int i = 0; i < fkNodes.size(); i++) {
        fks.add(foreignKey(fkNodes.get(i), StateKeys.FOREIGN_KEYS + "[" + i + "]"));
      }
      List<UniqueConstraint> uqs = new ArrayList<>();
      JsonNode uqNodes = array(root, StateKeys.UNIQUE_CONSTRAINTS, false);
      for (int i = 0; i < uqNodes.size(); i++) {
        JsonNode n = uqNodes.get(i);
        String at = StateKeys.UNIQUE_CONSTRAINTS + "[" + i + "]";
        allowOnly(n, at, Set.of(StateKeys.NAME, StateKeys.COLUMNS));
        uqs.add(build(at, () -> new UniqueConstraint(optText(n, StateKeys.NAME, at), strings(n, StateKeys.COLUMNS, at))));
      }
      List<Index> indexes = new ArrayList<>();
      JsonNode idxNodes = array(root, StateKeys.INDEXES, false);
      for (int i = 0; i < idxNodes.size(); i++) {
        JsonNode n = idxNodes.get(i);
        String at = StateKeys.INDEXES + "[" + i + "]";
        allowOnly(n, at, Set.of(StateKeys.NAME, StateKeys.COLUMNS, StateKeys.UNIQUE, StateKeys.WHERE,
            StateKeys.DIALECT_SPECIFIC));
        bool(n, StateKeys.DIALECT_SPECIFIC, at, false); // derived from the predicate and keys; checked for its type only
        indexes.add(build(at, () -> new Index(text(n, StateKeys.NAME, at), strings(n, StateKeys.COLUMNS, at),
            bool(n, StateKeys.UNIQUE, at, false), optText(n, StateKeys.WHERE, at))));
      }
      List<CheckConstraint> checks = new ArrayList<>();
      JsonNode chkNodes = array(root, StateKeys.CHECKS, false);
      for (int i = 0; i < chkNodes.size(); i++) {
        JsonNode n = chkNodes.get(i);
        String at = StateKeys.CHECKS + "[" + i + "]";
        allowOnly(n, at, Set.of(StateKeys.NAME, StateKeys.EXPRESSION));
        checks.add(build(at, () -> new CheckConstraint(optText(n, StateKeys.NAME, at), text(n, StateKeys.EXPRESSION, at))));
      }
      Optional<String> comment = optText(root, StateKeys.COMMENT, "");
      return build(StateKeys.TABLE, () -> new Table(name, columns, pk, fks, uqs, indexes, checks, comment));
    }

    private Column column(JsonNode n, String at) {
      allowOnly(n, at, Set.of(StateKeys.NAME, StateKeys.TYPE, StateKeys.NULLABLE, StateKeys.DEFAULT, StateKeys.IDENTITY,
          StateKeys.COMMENT));
      String name = text(n, StateKeys.NAME, at);
      ColumnType type = build(at + "." + StateKeys.TYPE, () -> ColumnType.parse(text(n, StateKeys.TYPE, at)));
      boolean nullable = bool(n, StateKeys.NULLABLE, at, true);
      return build(at, () -> new Column(name, type, nullable, optText(n, StateKeys.DEFAULT, at),
          bool(n, StateKeys.IDENTITY, at, false), optText(n, StateKeys.COMMENT, at)));
    }

    private ForeignKey foreignKey(JsonNode n, String at) {
      allowOnly(n, at, Set.of(StateKeys.NAME, StateKeys.COLUMNS, StateKeys.REFERENCES, StateKeys.REFERENCED_COLUMNS,
          StateKeys.ON_DELETE, StateKeys.ON_UPDATE));
      return build(at, () -> new ForeignKey(optText(n, StateKeys.NAME, at), strings(n, StateKeys.COLUMNS, at),
          text(n, StateKeys.REFERENCES, at), strings(n, StateKeys.REFERENCED_COLUMNS, at),
          optText(n, StateKeys.ON_DELETE, at).orElse(null), optText(n, StateKeys.ON_UPDATE, at).orElse(null)));
    }

    View view() {
      allowOnly(root, "", Set.of(StateKeys.VIEW, StateKeys.COMMENT, StateKeys.COLUMNS, StateKeys.DEFINITION));
      String name = objectName(StateKeys.VIEW);
      List<String> columns = strings(root, StateKeys.COLUMNS, "");
      return build(StateKeys.VIEW, () -> new View(name, columns, text(root, StateKeys.DEFINITION, ""),
          optText(root, StateKeys.COMMENT, "")));
    }

    Sequence sequence() {
      allowOnly(root, "", Set.of(StateKeys.SEQUENCE, StateKeys.START, StateKeys.INCREMENT, StateKeys.CYCLE));
      String name = objectName(StateKeys.SEQUENCE);
      JsonNode start = root.get(StateKeys.START);
      JsonNode inc = root.get(StateKeys.INCREMENT);
      if (start == null || !start.isIntegralNumber()) {
        throw fail(StateKeys.START, "must be a whole number" + (start == null ? "" : ", not '" + start.asText() + "'"));
      }
      if (inc == null || !inc.isIntegralNumber()) {
        throw fail(StateKeys.INCREMENT, "must be a whole number" + (inc == null ? "" : ", not '" + inc.asText() + "'"));
      }
      BigInteger s = start.bigIntegerValue();
      return build(StateKeys.SEQUENCE, () -> new Sequence(name, s, inc.longValue(), bool(root, StateKeys.CYCLE, "", false)));
    }

    private String objectName(String key) {
      String name = text(root, key, "");
      String expected = file.getFileName().toString();
      expected = expected.substring(0, expected.length() - StateLayout.EXTENSION.length());
      if (!name.equals(expected)) {
        throw fail(key, "names '" + name + "' but the file is named for '" + expected + "'");
      }
      return name;
    }

    private void allowOnly(JsonNode n, String at, Set<String> allowed) {
      if (!n.isObject()) {
        throw fail(at, "expected a mapping");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw fail(join(at, key), "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
      }
    }

    private JsonNode array(JsonNode n, String key, boolean required) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        if (required) {
          throw fail(key, "is required");
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      }
      if (!v.isArray()) {
        throw fail(key, "must be a list");
      }
      return v;
    }

    private String text(JsonNode n, String key, String at) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        throw fail(join(at, key), "is required");
      }
      if (!v.isValueNode() || v.asText().isBlank()) {
        throw fail(join(at, key), "must be a non-empty value");
      }
      return v.asText();
    }

    private Optional<String> optText(JsonNode n, String key, String at) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isValueNode()) {
        throw fail(join(at, key), "must be a single value");
      }
      return Optional.of(v.asText());
    }

    private boolean bool(JsonNode n, String key, String at, boolean fallback) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return fallback;
      }
      if (!v.isBoolean()) {
        throw fail(join(at, key), "must be true or false, not '" + v.asText() + "'");
      }
      return v.booleanValue();
    }

    private List<String> strings(JsonNode n, String key, String at) {
      JsonNode v = n.get(key);
      if (v == null || !v.isArray() || v.isEmpty()) {
        throw fail(join(at, key), "must be a non-empty list of column names");
      }
      List<String> out = new ArrayList<>();
      v.forEach(e -> out.add(e.asText()));
      return out;
    }

    private <T> T build(String at, java.util.function.Supplier<T> supplier) {
      try {
        return supplier.get();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw fail(at, e.getMessage());
      }
    }

    private StateFileException fail(String key, String message) {
      return new StateFileException(file, key.isEmpty() ? null : key, message, null);
    }

    private static String join(String at, String key) {
      return at.isEmpty() ? key : at + "." + key;
    }
  }
}
