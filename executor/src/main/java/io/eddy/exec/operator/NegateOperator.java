package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;

/**
 * Negates every weight: the subtrahend of EXCEPT ALL ({@code a - b} is a union of {@code a} and
 * the negation of {@code b}, then a clamp). Linear: no state. Driven by one thread.
 */
public final class NegateOperator implements Operator, Checkpointable.Stateless {
  private Emitter out;

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    out.emit(ZSets.negate(batch));
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.ANY;
  }

  @Override
  public String describe() {
    return "Negate";
  }
}
