package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.RowErrors;

/**
 * Filter and project with a compiled {@link BatchCalc}. Linear: no state. Rows whose expressions
 * raise a runtime error are skipped and counted ({@link #rowErrors()}).
 */
public final class CalcOperator implements Operator, Checkpointable.Stateless {
  private final BatchCalc calc;
  private final String description;
  private final RowErrors errors;
  private Emitter out;

  /** As the three-argument constructor, with the description as the expression text of errors. */
  public CalcOperator(BatchCalc calc, String description) {
    this(calc, description, description);
  }

  /** @param expressions the expression text error messages name ({@code "in /($1, $2)"}) */
  public CalcOperator(BatchCalc calc, String description, String expressions) {
    this.calc = calc;
    this.description = description;
    this.errors = new RowErrors(expressions);
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    ZBatch result = calc.apply(batch);
    errors.record(calc.errors(), calc.lastError());
    out.emit(result);
  }

  @Override
  public RowErrors rowErrors() {
    return errors;
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.ANY;
  }

  @Override
  public String describe() {
    return "Calc(" + description + ")";
  }
}
