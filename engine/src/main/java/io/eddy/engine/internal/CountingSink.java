package io.eddy.engine.internal;

import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;

/**
 * A sink that only counts the deltas it receives. Written by the query thread alone, read by any
 * thread (single writer, volatile fields).
 */
final class CountingSink implements Emitter {
  private volatile long changes;
  private volatile long net;

  @Override
  public void emit(ZBatch batch) {
    long sum = 0;
    long[] w = batch.weights();
    for (int i = 0; i < batch.size(); i++) {
      sum += w[i];
    }
    changes += batch.size();
    net += sum;
  }

  long changes() {
    return changes;
  }

  long net() {
    return net;
  }
}
