package io.eddy.planner.translate;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.batch.ZBatch;
import java.util.List;

/** A constant relation ({@code VALUES ...}): emits its rows once, when opened. */
final class ValuesOperator implements Operator, Checkpointable.Stateless {
  private final RowType type;
  private final List<Object[]> rows;

  ValuesOperator(RowType type, List<Object[]> rows) {
    this.type = type;
    this.rows = rows;
  }

  @Override
  public void open(Emitter out) {
    BatchBuilder b = new BatchBuilder(type, rows.size());
    for (Object[] r : rows) {
      b.addRow(r, 1);
    }
    out.emit(b.build());
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    throw new IllegalStateException("VALUES has no inputs");
  }

  @Override
  public String describe() {
    return "Values(" + rows.size() + " rows)";
  }
}
