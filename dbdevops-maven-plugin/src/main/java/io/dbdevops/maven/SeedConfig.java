package io.dbdevops.maven;

import java.util.List;
import java.util.Map;

/**
 * {@code <seed>}: per-table settings of {@code dbdevops:seed}, as Maven fills them in:
 * <pre>
 * &lt;seed&gt;&lt;tables&gt;
 *   &lt;table&gt;&lt;name&gt;orders&lt;/name&gt;&lt;rows&gt;1000&lt;/rows&gt;
 *     &lt;columns&gt;&lt;note&gt;#{Lorem.sentence}&lt;/note&gt;&lt;/columns&gt;&lt;/table&gt;
 * &lt;/tables&gt;&lt;/seed&gt;
 * </pre>
 */
public class SeedConfig {

  private List<Table> tables;

  List<Table> tables() {
    return tables == null ? List.of() : tables;
  }

  /** One {@code <table>}: its rows (0 leaves it out) and columns set to a Datafaker expression, a literal or null. */
  public static class Table {
    private String name;
    private Integer rows;
    private Map<String, String> columns;

    String name() {
      return name;
    }

    Integer rows() {
      return rows;
    }

    Map<String, String> columns() {
      return columns == null ? Map.of() : columns;
    }
  }
}
