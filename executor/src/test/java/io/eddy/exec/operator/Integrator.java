package io.eddy.exec.operator;

import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Operator;
import java.util.HashMap;
import java.util.Map;

/** Drives one operator and integrates its output deltas into a Z-set, as a view store would. */
final class Integrator {
  private final Operator op;
  private final Map<Row, Long> output = new HashMap<>();
  private int batchesOut;

  Integrator(Operator op) {
    this.op = op;
    op.open(b -> {
      batchesOut++;
      ZSets.addInto(output, b);
    });
  }

  Integrator push(ZBatch b) {
    return push(0, b);
  }

  Integrator push(int port, ZBatch b) {
    op.onBatch(port, b);
    return this;
  }

  /** The integrated output so far (live view, do not modify). */
  Map<Row, Long> output() {
    return output;
  }

  int batchesOut() {
    return batchesOut;
  }
}
