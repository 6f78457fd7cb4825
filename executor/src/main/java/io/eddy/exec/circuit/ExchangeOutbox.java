package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;

/**
 * Where the exchange operators of one worker's circuit put what they send to other workers
 * ({@link Exchanges}): the parallel runtime delivers it between rounds. Used by one worker thread.
 */
public interface ExchangeOutbox {
  /** Rows of exchange {@code exchange} for worker {@code target}. */
  void batch(int exchange, int target, ZBatch batch);

  /** The exchange's input advanced to {@code watermark} (after the rows sent before it). */
  void watermark(int exchange, long watermark);
}
