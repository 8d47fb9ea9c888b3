package io.dbdevops.liquibase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * What a YAML (or JSON) changelog file is checked for before Liquibase parses it, on SnakeYAML's composed node graph
 * (no object is constructed: aliases are shared nodes there, so the walk is linear):
 * <ul>
 *   <li>it is UTF-8 (unless a byte order mark says otherwise): the line of the first byte that is not;</li>
 *   <li>its aliases do not expand to more than {@link #MAX_ALIAS_EXPANSION} nodes beyond the file's own. Liquibase
 *       turns SnakeYAML's limit on the number of aliases off (real changelogs use more than its 50, liquibase#1382) and
 *       then copies every alias out, so a few lines of nested anchors (an anchors bomb) would run for hours; the
 *       number of aliases is no bound on that, their expansion is;</li>
 *   <li>keys Liquibase ignores without a word (a misspelt {@code stripComents} on a change, {@code runOnChnage} on a
 *       changeset): a warning naming the file and line, since the change then runs other than its author meant.</li>
 * </ul>
 */
final class YamlChecks {

  /** More nodes than this, made by aliases beyond those written in the file, is refused. */
  static final long MAX_ALIAS_EXPANSION = 1_000_000;
  /** Aliases nested deeper than this are refused (the walk over them is recursive). */
  private static final int MAX_ALIAS_DEPTH = 1_000;

  /** A changeset's keys, as Liquibase's {@code ChangeSet.load} and {@code handleChildNode} read them. */
  private static final Set<String> CHANGESET_KEYS = Set.of("id", "author", "context", "contextFilter", "labels", "dbms",
      "runOnChange", "runAlways", "alwaysRun", "failOnError", "onValidationFail", "runInTransaction", "logicalFilePath",
      "comment", "comments", "created", "ignore", "objectQuotingStrategy", "runOrder", "runWith", "runWithSpoolFile",
      "changes", "rollback", "preConditions", "preconditions", "validCheckSum", "validCheckSums", "modifySql");

  private YamlChecks() {
  }

  /** Checks {@code file} (relative to the changelog directory); a missing file is left to Liquibase to report. */
  static void check(String file, ChangelogFiles files) {
    byte[] bytes;
    try {
      bytes = files.read(file);
    } catch (IOException | RuntimeException e) {
      return;
    }
    ChangelogFiles.requireUtf8(file, bytes);
    LoaderOptions options = new LoaderOptions();
    // as Liquibase's own parser: no limit on the number of aliases (their expansion is bounded below) nor on the size
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowRecursiveKeys(false);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(options)).compose(new UnicodeReader(new ByteArrayInputStream(bytes)));
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw ChangelogFileException.failed(file, e);
    }
    if (root == null) {
      return; // empty: Liquibase says so
    }
    new Expansion(file).bound(root);
    unknownKeys(file, root, files);
  }

  /** The nodes aliases add, counted once per node (memoised), up to the bound. */
  private static final class Expansion {
    private final String file;
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long added;

    Expansion(String file) {
      this.file = file;
    }

    void bound(Node root) {
      size(root, 0);
    }

    private long size(Node node, int depth) {
      Long known = sizes.get(node);
      if (known != null) {
        // an alias: the whole subtree again
        added += known;
        if (added > MAX_ALIAS_EXPANSION) {
          throw ChangelogFileException.problem(file, line(node), "its aliases expand to more than "
              + String.format("%,d", MAX_ALIAS_EXPANSION) + " nodes (the anchor at this line is copied out again "
              + "and again: an anchors bomb?); write the values out instead of nesting aliases");
        }
        return known;
      }
      if (!open.add(node)) {
        throw ChangelogFileException.problem(file, line(node), "has an alias that contains itself (a recursive "
            + "anchor); Liquibase cannot read it");
      }
      if (depth > MAX_ALIAS_DEPTH) {
        throw ChangelogFileException.problem(file, line(node), "nests aliases more than " + MAX_ALIAS_DEPTH
            + " deep");
      }
      long size = 1;
      if (node instanceof SequenceNode sequence) {
        for (Node child : sequence.getValue()) {
          size = saturated(size, size(child, depth + 1));
        }
      } else if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          size = saturated(size, size(tuple.getKeyNode(), depth + 1));
          size = saturated(size, size(tuple.getValueNode(), depth + 1));
        }
      }
      open.remove(node);
      sizes.put(node, size);
      return size;
    }

    private static long saturated(long a, long b) {
      long sum = a + b;
      return sum < 0 ? Long.MAX_VALUE : sum;
    }
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** Warns of changeset and change keys Liquibase ignores: {@code databaseChangeLog: - changeSet: {…, changes: […]}}. */
  private static void unknownKeys(String file, Node root, ChangelogFiles files) {
    Node log = value(root, "databaseChangeLog");
    if (!(log instanceof SequenceNode entries)) {
      return;
    }
    for (Node entry : entries.getValue()) {
      Node changeSet = value(entry, "changeSet");
      if (!(changeSet instanceof MappingNode mapping)) {
        continue;
      }
      Set<String> unknown = new TreeSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = scalar(tuple.getKeyNode());
        if (key != null && !CHANGESET_KEYS.contains(key)) {
          unknown.add(key);
        }
      }
      for (NodeTuple tuple : mapping.getValue()) {
        String key = scalar(tuple.getKeyNode());
        if (unknown.contains(key)) {
          files.warn(file + ":" + line(tuple.getKeyNode()) + ": changeset " + describe(mapping) + " has the key '" + key
              + "', which Liquibase ignores (check its spelling)");
        }
      }
      if (value(changeSet, "changes") instanceof SequenceNode changes) {
        for (Node item : changes.getValue()) {
          if (item instanceof MappingNode change && change.getValue().size() == 1) {
            NodeTuple only = change.getValue().get(0);
            String type = scalar(only.getKeyNode());
            if (type != null && Scope.getCurrentScope().getSingleton(ChangeFactory.class).create(type) == null) {
              throw ChangelogFileException.problem(file, line(only.getKeyNode()), "changeset " + describe(mapping)
                  + " has the change type '" + type + "', which Liquibase does not know (a misspelt change type, or "
                  + "one of an extension that is not on the plugin's classpath)");
            }
            changeKeys(file, describe(mapping), type, only.getValueNode(), files);
          }
        }
      }
    }
  }

  private static void changeKeys(String file, String changeSet, String type, Node attributes, ChangelogFiles files) {
    if (type == null || !(attributes instanceof MappingNode mapping)) {
      return;
    }
    Change change = Scope.getCurrentScope().getSingleton(ChangeFactory.class).create(type);
    if (change == null || change instanceof liquibase.change.custom.CustomChangeWrapper) {
      return; // unknown: refused above; a customChange takes the parameters of its class
    }
    Set<String> known = new HashSet<>(change.getSerializableFields());
    known.addAll(Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change).getParameters()
        .keySet());
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode());
      if (key != null && !known.contains(key)) {
        files.warn(file + ":" + line(tuple.getKeyNode()) + ": " + type + " in changeset " + changeSet + " has the "
            + "attribute '" + key + "', which Liquibase ignores (check its spelling; " + type + " takes "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  private static String describe(MappingNode changeSet) {
    String id = scalar(value(changeSet, "id"));
    String author = scalar(value(changeSet, "author"));
    return (id == null ? "?" : id) + " (author " + (author == null ? "?" : author) + ")";
  }

  private static Node value(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (key.equals(scalar(tuple.getKeyNode()))) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }
}
