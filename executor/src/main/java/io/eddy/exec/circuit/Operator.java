package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;

/**
 * A node of a circuit: maps input deltas to output deltas. Operators are driven by one thread (the
 * query's) and are not thread-safe. Output goes to the {@link Emitter} given at {@link #open}.
 */
public interface Operator {

  /** Called once before any batch; an operator may emit its initial contents here. */
  void open(Emitter out);

  /** Processes one delta arriving on input {@code port} (0 for single-input operators). */
  void onBatch(int port, ZBatch batch);

  /** Rows and approximate bytes of state this operator holds (0 for stateless ones). */
  default StateSize stateSize() {
    return StateSize.NONE;
  }

  /** One line for EXPLAIN, e.g. {@code Aggregate(keys=[0], COUNT(*), SUM($1))}. */
  String describe();
}
