package io.eddy.exec.reference;

import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TOP-N by sorting: each partition's rows expanded by multiplicity, sorted, sliced, numbered. */
public final class ReferenceTopN {
  private ReferenceTopN() {}

  /** One ORDER BY key as SQL defines it: NULL placement independent of the direction. */
  public record Key(int column, boolean descending, boolean nullsFirst) {}

  /** The keys' order, then all columns (NULLs first) so that only identical rows tie. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Comparator<Row> order(List<Key> keys) {
    return (a, b) -> {
      for (Key k : keys) {
        Object x = a.get(k.column());
        Object y = b.get(k.column());
        if (x == null && y == null) {
          continue;
        }
        if (x == null || y == null) {
          return (x == null) == k.nullsFirst() ? -1 : 1;
        }
        int c = ((Comparable) x).compareTo(y);
        if (c != 0) {
          return k.descending() ? -c : c;
        }
      }
      for (int i = 0; i < a.arity(); i++) {
        Object x = a.get(i);
        Object y = b.get(i);
        int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : ((Comparable) x).compareTo(y);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  public static Map<Row, Long> topN(Map<Row, Long> input, int[] partition, Comparator<Row> order, long offset,
      long limit, boolean rowNumber) {
    Map<List<Object>, List<Row>> parts = new HashMap<>();
    input.forEach((row, w) -> {
      Object[] key = new Object[partition.length];
      for (int i = 0; i < key.length; i++) {
        key[i] = row.get(partition[i]);
      }
      for (long i = 0; i < w; i++) {
        parts.computeIfAbsent(Arrays.asList(key), k -> new ArrayList<>()).add(row);
      }
    });
    Map<Row, Long> out = new HashMap<>();
    parts.values().forEach(rows -> {
      rows.sort(order);
      for (int i = 0; i < rows.size(); i++) {
        if (i >= offset && i - offset < limit) {
          Object[] v = rows.get(i).values();
          if (rowNumber) {
            v = Arrays.copyOf(v, v.length + 1);
            v[v.length - 1] = (long) i + 1;
          }
          ZSets.addInto(out, new Row(v), 1);
        }
      }
    });
    return out;
  }
}
