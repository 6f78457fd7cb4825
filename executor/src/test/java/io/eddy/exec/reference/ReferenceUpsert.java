package io.eddy.exec.reference;

import io.eddy.exec.batch.Row;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A table's contents after a whole changelog, replayed record by record into a plain map. */
public final class ReferenceUpsert {
  private ReferenceUpsert() {}

  /** A changelog record: the row and its weight (positive upserts, negative deletes its key). */
  public record Change(Row row, long weight) {}

  /** The table (each row weight 1) after applying {@code changelog} in order. */
  public static Map<Row, Long> table(List<Change> changelog, int[] keyColumns) {
    Map<List<Object>, Row> byKey = new HashMap<>();
    for (Change c : changelog) {
      Object[] key = new Object[keyColumns.length];
      for (int i = 0; i < key.length; i++) {
        key[i] = c.row().get(keyColumns[i]);
      }
      if (c.weight() > 0) {
        byKey.put(Arrays.asList(key), c.row());
      } else if (c.weight() < 0) {
        byKey.remove(Arrays.asList(key));
      }
    }
    Map<Row, Long> out = new HashMap<>();
    byKey.values().forEach(r -> out.put(r, 1L));
    return out;
  }
}
