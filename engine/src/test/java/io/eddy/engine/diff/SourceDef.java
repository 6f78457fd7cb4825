package io.eddy.engine.diff;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated stream or table. A table's first column is its primary key (NOT NULL).
 *
 * @param table true for a PK table (upsert/delete), false for an append-only stream
 */
record SourceDef(String name, boolean table, List<ColumnDef> columns) {

  /** A generated column. */
  record ColumnDef(String name, DiffType type) {}

  SourceDef {
    columns = List.copyOf(columns);
  }

  String eddyDdl() {
    return ddl(table ? "CREATE TABLE " : "CREATE STREAM ", true);
  }

  String duckDdl() {
    return ddl("CREATE TABLE ", false);
  }

  private String ddl(String create, boolean eddy) {
    String cols = columns.stream()
        .map(c -> c.name() + " " + (eddy ? c.type().eddy : c.type().duck) + (table && c == columns.get(0) ? " NOT NULL" : ""))
        .collect(Collectors.joining(", "));
    return create + name + " (" + cols + (table ? ", PRIMARY KEY (" + columns.get(0).name() + ")" : "") + ")";
  }

  /** {@code INSERT INTO name VALUES ...} of these rows ({@code INSERT OR REPLACE} for DuckDB tables). */
  String insert(List<Object[]> rows, boolean duck) {
    StringBuilder sb = new StringBuilder(duck && table ? "INSERT OR REPLACE INTO " : "INSERT INTO ");
    sb.append(name).append(" VALUES ");
    for (int r = 0; r < rows.size(); r++) {
      sb.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns.size(); c++) {
        sb.append(c == 0 ? "" : ", ").append(columns.get(c).type().literal(rows.get(r)[c]));
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
