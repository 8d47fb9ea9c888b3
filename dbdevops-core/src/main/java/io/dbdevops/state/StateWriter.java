package io.dbdevops.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dbdevops.model.CheckConstraint;
import io.dbdevops.model.Column;
import io.dbdevops.model.ForeignKey;
import io.dbdevops.model.Index;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.model.Sequence;
import io.dbdevops.model.Table;
import io.dbdevops.model.UniqueConstraint;
import io.dbdevops.model.View;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a model as canonical state files: one YAML file per object, keys in a fixed order, lists sorted by the
 * model, no timestamps. Writing the same model twice gives byte-identical files; files of objects that no longer
 * exist are removed, unchanged files are not touched.
 */
public final class StateWriter {

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES));

  /** What a write did, for the console. */
  public record WriteSummary(int written, int unchanged, int removed) {
  }

  public WriteSummary write(SchemaModel model, Path root) {
    return write(render(model, root), root);
  }

  /**
   * {@link #write(SchemaModel, Path)} plus the reference tables' rows as {@code data/<table>.csv}. A CSV file of a table
   * not among them is left alone (not read by verify either): delete it when the table leaves {@code <referenceData>}.
   */
  public WriteSummary write(SchemaModel model, List<io.dbdevops.model.TableData> data, Path root) {
    Map<Path, String> files = render(model, root);
    ReferenceCsv csv = new ReferenceCsv();
    for (io.dbdevops.model.TableData t : data) {
      files.put(StateLayout.dataFile(root, t.table()), csv.render(t));
    }
    return write(files, root);
  }

  private WriteSummary write(Map<Path, String> files, Path root) {
    int written = 0;
    int unchanged = 0;
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        Path file = e.getKey();
        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
          unchanged++;
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        written++;
      }
      int removed = removeStale(root, files.keySet());
      return new WriteSummary(written, unchanged, removed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write state under " + root + ": " + e.getMessage(), e);
    }
  }

  /** The file contents the model becomes, by path; used by {@link #write} and by tests. */
  public Map<Path, String> render(SchemaModel model, Path root) {
    Map<Path, String> files = new LinkedHashMap<>();
    for (Table t : model.tables()) {
      files.put(StateLayout.file(root, StateLayout.TABLES, t.name()), toYaml(table(t)));
    }
    for (View v : model.views()) {
      files.put(StateLayout.file(root, StateLayout.VIEWS, v.name()), toYaml(view(v)));
    }
    for (Sequence s : model.sequences()) {
      files.put(StateLayout.file(root, StateLayout.SEQUENCES, s.name()), toYaml(sequence(s)));
    }
    return files;
  }

  private static int removeStale(Path root, Set<Path> keep) throws IOException {
    Set<Path> normalisedKeep = new HashSet<>();
    keep.forEach(p -> normalisedKeep.add(p.toAbsolutePath().normalize()));
    int removed = 0;
    for (String folder : StateLayout.FOLDERS) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> stale;
      try (Stream<Path> list = Files.list(dir)) {
        stale = list.filter(p -> p.getFileName().toString().endsWith(StateLayout.EXTENSION))
            .filter(p -> !normalisedKeep.contains(p.toAbsolutePath().normalize()))
            .toList();
      }
      for (Path p : stale) {
        Files.delete(p);
        removed++;
      }
    }
    return removed;
  }

  private String toYaml(Map<String, Object> tree) {
    try {
      return yaml.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render state", e);
    }
  }

  static Map<String, Object> table(Table t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(StateKeys.TABLE, t.name());
    t.comment().ifPresent(c -> m.put(StateKeys.COMMENT, c));
    List<Object> columns = new ArrayList<>();
    for (Column c : t.columns()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put(StateKeys.NAME, c.name());
      cm.put(StateKeys.TYPE, c.type().toString());
      cm.put(StateKeys.NULLABLE, c.nullable());
      c.defaultValue().ifPresent(d -> cm.put(StateKeys.DEFAULT, d));
      if (c.identity()) {
        cm.put(StateKeys.IDENTITY, true);
      }
      c.comment().ifPresent(d -> cm.put(StateKeys.COMMENT, d));
      columns.add(cm);
    }
    m.put(StateKeys.COLUMNS, columns);
    t.primaryKey().ifPresent(pk -> m.put(StateKeys.PRIMARY_KEY, pk.columns()));
    if (!t.foreignKeys().isEmpty()) {
      List<Object> fks = new ArrayList<>();
      for (ForeignKey fk : t.foreignKeys()) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fk.name().ifPresent(n -> fm.put(StateKeys.NAME, n));
        fm.put(StateKeys.COLUMNS, fk.columns());
        fm.put(StateKeys.REFERENCES, fk.referencedTable());
        fm.put(StateKeys.REFERENCED_COLUMNS, fk.referencedColumns());
        if (!"no action".equals(fk.onDelete())) {
          fm.put(StateKeys.ON_DELETE, fk.onDelete());
        }
        if (!"no action".equals(fk.onUpdate())) {
          fm.put(StateKeys.ON_UPDATE, fk.onUpdate());
        }
        fks.add(fm);
      }
      m.put(StateKeys.FOREIGN_KEYS, fks);
    }
    if (!t.uniqueConstraints().isEmpty()) {
      List<Object> uqs = new ArrayList<>();
      for (UniqueConstraint u : t.uniqueConstraints()) {
        Map<String, Object> um = new LinkedHashMap<>();
        u.name().ifPresent(n -> um.put(StateKeys.NAME, n));
        um.put(StateKeys.COLUMNS, u.columns());
        uqs.add(um);
      }
      m.put(StateKeys.UNIQUE_CONSTRAINTS, uqs);
    }
    if (!t.indexes().isEmpty()) {
      List<Object> idx = new ArrayList<>();
      for (Index i : t.indexes()) {
        Map<String, Object> im = new LinkedHashMap<>();
        im.put(StateKeys.NAME, i.name());
        im.put(StateKeys.COLUMNS, i.columns());
        if (i.unique()) {
          im.put(StateKeys.UNIQUE, true);
        }
        i.predicate().ifPresent(p -> im.put(StateKeys.WHERE, p));
        if (i.dialectSpecific()) {
          // a partial-index predicate or an expression key: only some databases (PostgreSQL) have it
          im.put(StateKeys.DIALECT_SPECIFIC, true);
        }
        idx.add(im);
      }
      m.put(StateKeys.INDEXES, idx);
    }
    if (!t.checks().isEmpty()) {
      List<Object> checks = new ArrayList<>();
      for (CheckConstraint c : t.checks()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        c.name().ifPresent(n -> cm.put(StateKeys.NAME, n));
        cm.put(StateKeys.EXPRESSION, c.expression());
        checks.add(cm);
      }
      m.put(StateKeys.CHECKS, checks);
    }
    return m;
  }

  static Map<String, Object> view(View v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(StateKeys.VIEW, v.name());
    v.comment().ifPresent(c -> m.put(StateKeys.COMMENT, c));
    m.put(StateKeys.COLUMNS, v.columns());
    m.put(StateKeys.DEFINITION, v.definition());
    return m;
  }

  static Map<String, Object> sequence(Sequence s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(StateKeys.SEQUENCE, s.name());
    m.put(StateKeys.START, s.start());
    m.put(StateKeys.INCREMENT, s.increment());
    if (s.cycle()) {
      m.put(StateKeys.CYCLE, true);
    }
    return m;
  }
}
