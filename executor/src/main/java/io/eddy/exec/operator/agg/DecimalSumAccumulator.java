package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.math.BigDecimal;

/** SUM / SUM0 of a DECIMAL argument, exact; the sum keeps the arguments' scale. */
final class DecimalSumAccumulator implements Accumulator {
  private final boolean zeroWhenEmpty;
  private BigDecimal sum = BigDecimal.ZERO;
  private long nonNull;

  DecimalSumAccumulator(boolean zeroWhenEmpty) {
    this.zeroWhenEmpty = zeroWhenEmpty;
  }

  @Override
  public void addValue(Object v, long w) {
    BigDecimal d = (BigDecimal) v;
    sum = sum.add(w == 1 ? d : w == -1 ? d.negate() : d.multiply(BigDecimal.valueOf(w)));
    nonNull += w;
  }

  @Override
  public void merge(Accumulator other) {
    DecimalSumAccumulator o = (DecimalSumAccumulator) other;
    sum = sum.add(o.sum);
    nonNull += o.nonNull;
  }

  @Override
  public Object result() {
    return nonNull == 0 && !zeroWhenEmpty ? null : sum;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeValue(sum).writeLong(nonNull);
  }

  @Override
  public void restore(StateInput in) {
    sum = (BigDecimal) in.readValue();
    nonNull = in.readLong();
  }
}
