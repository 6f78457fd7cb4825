package io.eddy.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top-level ORDER BY / OFFSET / FETCH of a query: applied to a snapshot's rows at the end. A
 * view's contents are a multiset; ordering only matters when reading them.
 *
 * @param keys sort keys, outermost first
 * @param offset rows to skip
 * @param fetch rows to keep, or -1 for all
 */
public record SnapshotOrder(List<Key> keys, long offset, long fetch) {
  public static final SnapshotOrder NONE = new SnapshotOrder(List.of(), 0, -1);

  /** One sort key: column, direction, and whether nulls sort first. */
  public record Key(int column, boolean descending, boolean nullsFirst) {}

  public SnapshotOrder {
    keys = List.copyOf(keys);
  }

  public boolean isOrdered() {
    return !keys.isEmpty();
  }

  /** Sorts (stably) and cuts {@code rows}; returns a new list. */
  public List<Object[]> apply(List<Object[]> rows) {
    List<Object[]> out = new ArrayList<>(rows);
    if (!keys.isEmpty()) {
      out.sort(comparator());
    }
    int from = (int) Math.min(out.size(), offset);
    int to = fetch < 0 ? out.size() : (int) Math.min(out.size(), from + fetch);
    return new ArrayList<>(out.subList(from, to));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Comparator<Object[]> comparator() {
    return (a, b) -> {
      for (Key k : keys) {
        Object x = a[k.column()];
        Object y = b[k.column()];
        int c;
        if (x == null || y == null) {
          c = x == y ? 0 : (x == null) == k.nullsFirst() ? -1 : 1;
        } else {
          c = ((Comparable) x).compareTo(y);
          c = k.descending() ? -c : c;
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }
}
