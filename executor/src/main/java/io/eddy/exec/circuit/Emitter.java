package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;

/** Where an operator sends its output deltas. */
@FunctionalInterface
public interface Emitter {
  void emit(ZBatch batch);
}
