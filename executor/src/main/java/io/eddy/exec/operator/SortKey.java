package io.eddy.exec.operator;

import java.util.Comparator;
import java.util.List;

/** One ORDER BY key: a column, its direction and where NULLs go. Immutable. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {

  /**
   * The order of {@code keys}, then every column ascending with NULLs first as a tie-break, so that
   * only identical rows compare equal. Values are those of {@link io.eddy.exec.batch.Row}.
   */
  public static Comparator<io.eddy.exec.batch.Row> totalOrder(List<SortKey> keys) {
    List<SortKey> order = List.copyOf(keys);
    return (a, b) -> {
      for (SortKey k : order) {
        int c = compare(a.get(k.column), b.get(k.column), k.nullsFirst);
        if (c != 0) {
          return k.descending ? -c : c;
        }
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b, boolean nullsFirst) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
    }
    return ((Comparable) a).compareTo(b);
  }
}
