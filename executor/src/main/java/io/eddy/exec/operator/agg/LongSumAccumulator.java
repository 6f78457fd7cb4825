package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;

/**
 * SUM / SUM0 of an INT or BIGINT argument, read from the primitive column without boxing. The sum
 * wraps on overflow (two's complement), so an overflow that later retractions undo leaves the
 * result exact.
 */
final class LongSumAccumulator implements Accumulator {
  private final boolean zeroWhenEmpty;
  private long sum;
  private long nonNull;

  LongSumAccumulator(boolean zeroWhenEmpty) {
    this.zeroWhenEmpty = zeroWhenEmpty;
  }

  @Override
  public void add(ZBatch b, int arg, int row, long w) {
    if (b.isNull(arg, row)) {
      return;
    }
    Object col = b.column(arg);
    long v = col instanceof long[] a ? a[row] : ((int[]) col)[row];
    sum += v * w;
    nonNull += w;
  }

  @Override
  public void addValue(Object v, long w) {
    sum += ((Number) v).longValue() * w;
    nonNull += w;
  }

  @Override
  public void merge(Accumulator other) {
    LongSumAccumulator o = (LongSumAccumulator) other;
    sum += o.sum;
    nonNull += o.nonNull;
  }

  @Override
  public Object result() {
    return nonNull == 0 && !zeroWhenEmpty ? null : (Object) sum;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(sum);
    out.writeLong(nonNull);
  }

  @Override
  public void restore(StateInput in) {
    sum = in.readLong();
    nonNull = in.readLong();
  }
}
