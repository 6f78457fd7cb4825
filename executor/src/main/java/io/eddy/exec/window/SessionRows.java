package io.eddy.exec.window;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.LateRowSink;

/**
 * How the session operators read a row of their insert-only input: which rows belong to no
 * session, and which are late (own window {@code [ts, ts + gap)} closed by the watermark: routed
 * to the circuit's {@link LateRowSink} once per weight). Stateless.
 */
final class SessionRows {
  /** {@link #time}: the row belongs to no session (weight 0 or NULL time). */
  static final long NONE = Long.MIN_VALUE;
  /** {@link #time}: the row is late; it has been sent to the late sink. */
  static final long LATE = Long.MIN_VALUE + 1;

  private SessionRows() {}

  /** Row {@code r}'s event time, or {@link #NONE} or {@link #LATE}; throws on a retraction. */
  static long time(ZBatch in, int r, int timeColumn, long gap, long watermark, RowType type, LateRowSink late) {
    long w = in.weight(r);
    if (w == 0 || in.isNull(timeColumn, r)) {
      return NONE;
    }
    if (w < 0) {
      throw new IllegalStateException("SESSION windows need an insert-only input, got a retraction");
    }
    long ts = in.getLong(timeColumn, r);
    if (ts + gap <= watermark) {
      for (long i = 0; i < w; i++) {
        late.late(type, in, r, ts, ts, ts + gap);
      }
      return LATE;
    }
    return ts;
  }
}
