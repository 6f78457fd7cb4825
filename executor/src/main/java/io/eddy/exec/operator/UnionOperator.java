package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;

/**
 * UNION ALL: the sum of its inputs' deltas. Inputs must have the same column kinds; the output
 * batch is re-labelled with the output type. Linear: no state.
 */
public final class UnionOperator implements Operator, Checkpointable.Stateless {
  private final io.eddy.common.type.RowType outputType;
  private final int inputs;
  private Emitter out;

  public UnionOperator(io.eddy.common.type.RowType outputType, int inputs) {
    this.outputType = outputType;
    this.inputs = inputs;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch b) {
    out.emit(Relabel.as(outputType, b));
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.ANY;
  }

  @Override
  public String describe() {
    return "UnionAll(" + inputs + " inputs)";
  }
}
