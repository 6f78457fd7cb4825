package io.eddy.exec.operator;

import io.eddy.exec.batch.ZBatch;

/**
 * A compiled filter-and-project over a whole batch: keeps the rows whose condition is TRUE and
 * computes the output columns for them, carrying each row's weight. Implementations are generated
 * and compiled once per operator by the planner. Not thread-safe (may reuse buffers).
 */
public interface BatchCalc {
  ZBatch apply(ZBatch input);

  /**
   * Runtime errors (division by zero, bad cast) raised by rows of the last {@link #apply} call;
   * those rows were dropped from the output.
   */
  default long errors() {
    return 0;
  }

  /** The exception of the last row counted by {@link #errors()} in the last call, or null. */
  default RuntimeException lastError() {
    return null;
  }
}
