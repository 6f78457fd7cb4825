package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;

/**
 * Consolidates each batch: equal rows are merged by summing their weights and rows whose weight
 * sums to 0 vanish, so downstream sees each row at most once per batch. The Z-set a batch denotes
 * is unchanged. No state across batches. Driven by one thread.
 */
public final class ConsolidateOperator implements Operator, Checkpointable.Stateless {
  private final RowType type;
  private Emitter out;

  public ConsolidateOperator(RowType type) {
    this.type = type;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    out.emit(ZSets.toBatch(type, ZSets.consolidate(batch)));
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.ANY;
  }

  @Override
  public String describe() {
    return "Consolidate";
  }
}
