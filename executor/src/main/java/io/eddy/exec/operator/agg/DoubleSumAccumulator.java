package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;

/**
 * SUM / SUM0 of a DOUBLE argument. Retractions subtract, so the result carries the rounding of
 * the whole history (as any incremental engine's); it is reset to an exact 0 when a result is read
 * with no non-null argument left.
 */
final class DoubleSumAccumulator implements Accumulator {
  private final boolean zeroWhenEmpty;
  private double sum;
  private long nonNull;

  DoubleSumAccumulator(boolean zeroWhenEmpty) {
    this.zeroWhenEmpty = zeroWhenEmpty;
  }

  @Override
  public void add(ZBatch b, int arg, int row, long w) {
    if (!b.isNull(arg, row)) {
      addDouble(b.getDouble(arg, row), w);
    }
  }

  @Override
  public void addValue(Object v, long w) {
    addDouble((Double) v, w);
  }

  private void addDouble(double v, long w) {
    sum += v * w;
    nonNull += w;
  }

  @Override
  public void merge(Accumulator other) {
    DoubleSumAccumulator o = (DoubleSumAccumulator) other;
    sum += o.sum;
    nonNull += o.nonNull;
  }

  @Override
  public Object result() {
    if (nonNull == 0) {
      sum = 0; // all retracted: drop the rounding residue (not earlier: a batch may dip to 0)
    }
    return nonNull == 0 && !zeroWhenEmpty ? null : (Object) sum;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(Double.doubleToRawLongBits(sum)).writeLong(nonNull);
  }

  @Override
  public void restore(StateInput in) {
    sum = Double.longBitsToDouble(in.readLong());
    nonNull = in.readLong();
  }
}
