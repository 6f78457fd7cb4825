package io.eddy.exec.operator;

import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;

/** Filter and project with a compiled {@link BatchCalc}. Linear: no state. */
public final class CalcOperator implements Operator, Checkpointable.Stateless {
  private final BatchCalc calc;
  private final String description;
  private Emitter out;

  public CalcOperator(BatchCalc calc, String description) {
    this.calc = calc;
    this.description = description;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    out.emit(calc.apply(batch));
  }

  @Override
  public String describe() {
    return "Calc(" + description + ")";
  }
}
