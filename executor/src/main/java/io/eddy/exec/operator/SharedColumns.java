package io.eddy.exec.operator;

import io.eddy.exec.batch.ZBatch;
import java.lang.reflect.Array;

/**
 * Completes the output of a compiled calc without a condition that computed only some of its
 * columns: the others are input columns passed through, which the output shares with the input
 * batch (as {@link ColumnProjection} does) instead of copying them row by row. Safe because batches
 * are immutable once built. When some rows failed (and were dropped from the computed columns),
 * the passed-through columns are copied without those rows instead. Stateless and thread-safe.
 */
public final class SharedColumns {
  private SharedColumns() {}

  /**
   * The batch whose column {@code i} is input column {@code sources[i]} of {@code in} when that is
   * at least 0, else column {@code i} of {@code computed}; rows as in {@code computed} (the rows of
   * {@code in} without those set in {@code failed}, a bit set, or all of them when it is null),
   * with its weights.
   */
  public static ZBatch merge(ZBatch computed, ZBatch in, int[] sources, long[] failed) {
    int n = sources.length;
    Object[] cols = new Object[n];
    long[][] nulls = new long[n][];
    for (int i = 0; i < n; i++) {
      int s = sources[i];
      if (s < 0) {
        cols[i] = computed.column(i);
        nulls[i] = computed.nulls(i);
      } else if (failed == null) {
        cols[i] = in.column(s);
        nulls[i] = in.nulls(s);
      } else {
        cols[i] = withoutRows(in.column(s), in.size(), computed.size(), failed);
        nulls[i] = in.nulls(s) == null ? null : bitsWithoutRows(in.nulls(s), in.size(), computed.size(), failed);
      }
    }
    return new ZBatch(computed.type(), computed.size(), cols, nulls, computed.weights());
  }

  private static boolean isSet(long[] bits, int r) {
    return (bits[r >>> 6] & (1L << r)) != 0;
  }

  /** A copy of the first {@code size} entries of the array {@code column} without the rows in {@code failed}. */
  private static Object withoutRows(Object column, int size, int kept, long[] failed) {
    Object out = Array.newInstance(column.getClass().getComponentType(), kept + 1);
    int to = 0;
    for (int r = 0; r < size; r++) {
      if (!isSet(failed, r)) {
        System.arraycopy(column, r, out, to++, 1);
      }
    }
    return out;
  }

  private static long[] bitsWithoutRows(long[] bits, int size, int kept, long[] failed) {
    long[] out = new long[(kept + 64) >>> 6];
    int to = 0;
    for (int r = 0; r < size; r++) {
      if (!isSet(failed, r)) {
        if (isSet(bits, r)) {
          out[to >>> 6] |= 1L << to;
        }
        to++;
      }
    }
    return out;
  }
}
