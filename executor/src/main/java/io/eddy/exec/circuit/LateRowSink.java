package io.eddy.exec.circuit;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;

/**
 * The side output of a circuit for late rows: every input row an operator drops because a window
 * it belongs to had closed when it arrived. Called on the query's thread, once per (row, missed
 * window), in arrival order, before the operator passes on the rest of the batch; the sink must
 * not keep {@code batch} beyond the call. Not required to be thread-safe.
 */
@FunctionalInterface
public interface LateRowSink {
  /** Discards late rows (they are still counted in {@link Operator#lateRows()}). */
  LateRowSink NONE = (type, batch, row, eventTime, windowStart, windowEnd) -> {};

  /**
   * Row {@code row} of {@code batch} (of {@code type}, the dropping operator's input) with event
   * time {@code eventTime} missed the window {@code [windowStart, windowEnd)} (millis).
   */
  void late(RowType type, ZBatch batch, int row, long eventTime, long windowStart, long windowEnd);
}
