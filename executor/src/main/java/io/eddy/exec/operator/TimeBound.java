package io.eddy.exec.operator;

import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;

/**
 * A time bound on the pairs a {@link JoinOperator} can match, which lets it free state by the
 * watermark (interval and window joins). The join condition implies
 * {@code lo <= right[rightColumn] - left[leftColumn] <= hi} (millis; columns are TIMESTAMP or
 * BIGINT), and each input promises that every row it still delivers at watermark {@code W} has its
 * time column {@code >= W - lag} ({@code leftLag}, {@code rightLag}; 0 for a stream's event-time
 * column, the window length for a {@code window_start}).
 *
 * <p>From this: a row of one side whose time is below its side's {@link #horizon} is <em>late</em>
 * (the other side's rows it could match may be gone) and is dropped and counted; a stored row no
 * future row of the other side can match is {@link #expiresBefore expired} and freed; and the
 * output's time columns stay at or above {@link #outputWatermark}, which the join reports as its
 * own watermark so that windows downstream close correctly.
 *
 * <p>A bound may be <em>half-open</em>: {@code lo == Long.MIN_VALUE} (no lower bound) or
 * {@code hi == Long.MAX_VALUE} (no upper bound), as from a lone {@code r.ts >= l.ts}. Then only one
 * side's rows can ever be freed ({@link #frees}): with {@code r - l >= lo} alone a right row
 * {@code u} can match no future left row once {@code u - lo} is below the left horizon, while a left
 * row may still match any future right row. Late rows are dropped on both sides as with a closed
 * bound, and only the time column of a freeable side is bounded in the output. Immutable.
 */
public record TimeBound(int leftColumn, int rightColumn, long lo, long hi, long leftLag, long rightLag) {
  public TimeBound {
    if (lo > hi || leftLag < 0 || rightLag < 0 || lo == Long.MIN_VALUE && hi == Long.MAX_VALUE) {
      throw new IllegalArgumentException("bad time bound " + lo + ".." + hi + " lags " + leftLag + ", " + rightLag);
    }
  }

  /** The time column of side {@code port} (0 left, 1 right). */
  public int column(int port) {
    return port == 0 ? leftColumn : rightColumn;
  }

  /**
   * Whether stored rows of side {@code port} are ever freed: the left side's need an upper bound
   * {@code hi}, the right side's a lower bound {@code lo}. At least one side is.
   */
  public boolean frees(int port) {
    return port == 0 ? hi != Long.MAX_VALUE : lo != Long.MIN_VALUE;
  }

  /** The time of {@code row} of side {@code port}, or null when it is NULL (such a row matches nothing). */
  Long timeOf(Row row, int port) {
    Object v = row.get(column(port));
    return v == null ? null : ((Number) v).longValue();
  }

  /** The time of row {@code r} of {@code b} from side {@code port}, which is not NULL. */
  long timeOf(ZBatch b, int r, int port) {
    int c = column(port);
    return b.column(c) instanceof long[] a ? a[r] : ((Number) b.get(c, r)).longValue();
  }

  /** The least time a row side {@code port} delivers at {@code watermark} may have. */
  public long horizon(int port, long watermark) {
    return minus(watermark, port == 0 ? leftLag : rightLag);
  }

  /**
   * Stored rows of side {@code port} with a time below this can no longer match anything
   * ({@link Long#MIN_VALUE} for a side that is never freed).
   */
  public long expiresBefore(int port, long watermark) {
    if (!frees(port)) {
      return Long.MIN_VALUE;
    }
    // left t matches future right u >= horizon(1) only if t + hi >= u; right u matches future left t only if u - lo >= t
    return port == 0 ? minus(horizon(1, watermark), hi) : plus(horizon(0, watermark), lo);
  }

  /**
   * Every later output row has the time column of each freeable side ({@link #frees}; both for a
   * closed bound) at or above this, when not NULL. A side that is never freed can pair with rows of
   * any age, so its column is not bounded.
   */
  public long outputWatermark(long watermark) {
    long left = frees(0) ? Math.min(horizon(0, watermark), minus(horizon(1, watermark), hi)) : Long.MAX_VALUE;
    long right = frees(1) ? Math.min(horizon(1, watermark), plus(horizon(0, watermark), lo)) : Long.MAX_VALUE;
    return Math.min(left, right);
  }

  static long minus(long a, long b) {
    return plus(a, -b);
  }

  static long plus(long a, long b) {
    if (a == Long.MIN_VALUE || a == Long.MAX_VALUE) {
      return a;
    }
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return r;
  }

  @Override
  public String toString() {
    return "right $" + rightColumn + " - left $" + leftColumn + " in " + (lo == Long.MIN_VALUE ? "(-inf" : "[" + lo)
        + ", " + (hi == Long.MAX_VALUE ? "+inf)" : hi + "]") + " ms";
  }
}
