package io.eddy.engine.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Bag (multiset) equality of result rows from different engines. Exact numbers compare by value
 * whatever their Java class (Integer, Long, BigInteger, BigDecimal with any scale); a DOUBLE on
 * either side compares with a relative tolerance of 1e-9 (absolute below 1); -0.0 equals 0.0.
 */
final class Bags {
  static final double TOLERANCE = 1e-9;

  private Bags() {}

  /** Empty when the bags are equal, else a description of the rows missing and unexpected. */
  static Optional<String> difference(List<Object[]> expected, List<Object[]> actual) {
    List<Object[]> missing = new ArrayList<>(expected);
    List<Object[]> unexpected = new ArrayList<>();
    for (Object[] row : actual) {
      if (!removeMatch(missing, row)) {
        unexpected.add(row);
      }
    }
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("expected ").append(expected.size()).append(" rows, got ").append(actual.size()).append('\n');
    missing.stream().limit(20).forEach(r -> sb.append("  missing:    ").append(Arrays.toString(r)).append('\n'));
    unexpected.stream().limit(20).forEach(r -> sb.append("  unexpected: ").append(Arrays.toString(r)).append('\n'));
    return Optional.of(sb.toString());
  }

  private static boolean removeMatch(List<Object[]> rows, Object[] row) {
    for (Iterator<Object[]> it = rows.iterator(); it.hasNext(); ) {
      if (rowsEqual(it.next(), row)) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  static boolean rowsEqual(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!valuesEqual(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  static boolean valuesEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
        double p = x.doubleValue();
        double q = y.doubleValue();
        return p == q || Math.abs(p - q) <= TOLERANCE * Math.max(1, Math.max(Math.abs(p), Math.abs(q)));
      }
      return exact(x).compareTo(exact(y)) == 0;
    }
    return a.equals(b);
  }

  private static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
