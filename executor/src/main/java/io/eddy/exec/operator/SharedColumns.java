package io.eddy.exec.operator;

import io.eddy.exec.batch.ZBatch;

/**
 * Completes the output of a compiled calc without a condition that computed only some of its
 * columns: the others are input columns passed through, which the output shares with the input
 * batch (as {@link ColumnProjection} does) instead of copying them row by row. Safe because batches
 * are immutable once built. When some rows failed (and were dropped from the computed columns),
 * the passed-through columns come from a copy of the input without those rows instead
 * ({@link ZBatch#scatter}). Stateless and thread-safe.
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
    ZBatch kept = failed == null || computed.size() == 0 ? in : withoutFailed(in, failed);
    int n = sources.length;
    Object[] cols = new Object[n];
    long[][] nulls = new long[n][];
    for (int i = 0; i < n; i++) {
      int s = sources[i];
      cols[i] = s < 0 ? computed.column(i) : kept.column(s);
      nulls[i] = s < 0 ? computed.nulls(i) : kept.nulls(s);
    }
    return new ZBatch(computed.type(), computed.size(), cols, nulls, computed.weights());
  }

  /** The rows of {@code in} not set in {@code failed} (at least one is not), in order. */
  private static ZBatch withoutFailed(ZBatch in, long[] failed) {
    int[] part = new int[in.size()];
    for (int r = 0; r < part.length; r++) {
      part[r] = (int) (failed[r >>> 6] >>> r) & 1;
    }
    return in.scatter(part, 2)[0];
  }
}
