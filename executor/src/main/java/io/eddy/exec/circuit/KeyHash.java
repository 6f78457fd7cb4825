package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;
import java.math.BigDecimal;

/**
 * The worker a row belongs to by the values of its key columns. Values that operators treat as
 * equal hash equally whatever their column type: INT/DATE and BIGINT/TIMESTAMP by their long
 * value, DECIMAL by its value without trailing zeros ({@code 1.0} = {@code 1.00}), NULL alike.
 * Deterministic across runs (no identity hashes), so a checkpointed parallel query finds its keys
 * on the same workers after a restart. Stateless.
 */
final class KeyHash {
  private KeyHash() {}

  /** Worker of row {@code row} of {@code b} among {@code workers}, by {@code keys}. */
  static int worker(ZBatch b, int row, int[] keys, int workers) {
    long h = 0x9E3779B97F4A7C15L;
    for (int c : keys) {
      h = (h ^ valueHash(b, c, row)) * 0xBF58476D1CE4E5B9L;
    }
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return (int) Math.floorMod(h, (long) workers);
  }

  private static long valueHash(ZBatch b, int c, int row) {
    if (b.isNull(c, row)) {
      return 0x51AFD7ED558CCD1L;
    }
    Object col = b.column(c);
    if (col instanceof long[] a) {
      return a[row];
    } else if (col instanceof int[] a) {
      return a[row];
    } else if (col instanceof double[] a) {
      double d = a[row] == 0.0 ? 0.0 : a[row]; // -0.0 equals 0.0
      return Double.doubleToLongBits(d);
    } else if (col instanceof boolean[] a) {
      return a[row] ? 1 : 2;
    }
    Object v = ((Object[]) col)[row];
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }
    return v.hashCode();
  }
}
