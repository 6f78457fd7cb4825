package io.eddy.exec.reference;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** INTERSECT / EXCEPT [ALL] of multisets by their textbook definitions, applied left to right. */
public final class ReferenceSetOp {
  private ReferenceSetOp() {}

  public static <R> Map<R, Long> apply(List<Map<R, Long>> inputs, boolean intersect, boolean all) {
    Map<R, Long> acc = new HashMap<>(inputs.get(0));
    if (!all) {
      acc.replaceAll((k, v) -> 1L);
    }
    for (Map<R, Long> next : inputs.subList(1, inputs.size())) {
      Set<R> rows = new HashSet<>(acc.keySet());
      Map<R, Long> result = new HashMap<>();
      for (R row : rows) {
        long a = acc.get(row);
        long b = next.getOrDefault(row, 0L);
        long n = intersect ? Math.min(a, b) : a - b;
        if (!all) {
          n = intersect ? (b > 0 ? 1 : 0) : (b > 0 ? 0 : 1);
        }
        if (n > 0) {
          result.put(row, n);
        }
      }
      acc = result;
    }
    return acc;
  }
}
