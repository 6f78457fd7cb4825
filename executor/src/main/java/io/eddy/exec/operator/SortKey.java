package io.eddy.exec.operator;

import java.util.Comparator;
import java.util.List;

/** One ORDER BY key: a column, its direction and where NULLs go. Immutable. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {

  /**
   * The order of {@code keys} (NULLs first or last whatever the direction), then every column ascending with NULLs first as a tie-break, so that
   * only identical rows compare equal. Values are those of {@link io.eddy.exec.batch.Row}.
   */
  public static Comparator<io.eddy.exec.batch.Row> totalOrder(List<SortKey> keys) {
    Comparator<io.eddy.exec.batch.Row> byKeys = keyOrder(keys);
    return (a, b) -> {
      int k = byKeys.compare(a, b);
      if (k != 0) {
        return k;
      }
      for (int i = 0; i < a.arity(); i++) {
        int c = compare(a.get(i), b.get(i), true);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** The order of {@code keys} alone: rows equal on every key compare equal (peers, for RANK). */
  public static Comparator<io.eddy.exec.batch.Row> keyOrder(List<SortKey> keys) {
    List<SortKey> order = List.copyOf(keys);
    return (a, b) -> {
      for (SortKey k : order) {
        Object x = a.get(k.column);
        Object y = b.get(k.column);
        int c = x == null || y == null ? compare(x, y, k.nullsFirst) : k.descending ? compare(y, x, true)
            : compare(x, y, true);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b, boolean nullsFirst) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
    }
    return ((Comparable) a).compareTo(b);
  }
}
