package io.eddy.engine.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One step of a workload: rows inserted into a source, or a DELETE on a table. */
sealed interface Op {

  SourceDef source();

  /**
   * The statements that perform this step for one engine, inserting at most {@code batchSize} rows
   * per statement. A table's batch is also cut before a key repeats, so that every statement has
   * one meaning (DuckDB refuses a key twice in one INSERT OR REPLACE).
   */
  List<String> statements(int batchSize, boolean duck);

  /** Rows appended to a stream, or upserted into a table. */
  record Insert(SourceDef source, List<Object[]> rows) implements Op {
    @Override
    public List<String> statements(int batchSize, boolean duck) {
      List<String> out = new ArrayList<>();
      List<Object[]> chunk = new ArrayList<>();
      Set<Object> keys = new HashSet<>();
      for (Object[] row : rows) {
        if (chunk.size() == batchSize || source.table() && !keys.add(row[0])) {
          out.add(source.insert(chunk, duck));
          chunk = new ArrayList<>();
          keys.clear();
          keys.add(row[0]);
        }
        chunk.add(row);
      }
      if (!chunk.isEmpty()) {
        out.add(source.insert(chunk, duck));
      }
      return out;
    }
  }

  /** {@code DELETE FROM table WHERE predicate}. */
  record Delete(SourceDef source, String predicate) implements Op {
    @Override
    public List<String> statements(int batchSize, boolean duck) {
      return List.of("DELETE FROM " + source.name() + " WHERE " + predicate);
    }
  }
}
