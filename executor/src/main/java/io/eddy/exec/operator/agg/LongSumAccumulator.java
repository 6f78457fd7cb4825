package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;
import java.math.BigInteger;

/**
 * SUM / SUM0 of an INT or BIGINT argument, read from the primitive column without boxing. The sum
 * is kept exactly, as a 128-bit two's complement integer ({@code high}, {@code low}), so it never
 * depends on the order rows and retractions arrive in. When the exact sum does not fit in a BIGINT
 * {@link #result()} throws {@link ArithmeticException} (integer overflow): the aggregate treats that
 * as a runtime error of the group's row, and the sum becomes readable again as soon as retractions
 * bring it back into range.
 */
final class LongSumAccumulator implements Accumulator {
  private final boolean zeroWhenEmpty;
  private long low;
  private long high;
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
    plus(Math.multiplyHigh(v, w), v * w);
    nonNull += w;
  }

  @Override
  public void addValue(Object v, long w) {
    long x = ((Number) v).longValue();
    plus(Math.multiplyHigh(x, w), x * w);
    nonNull += w;
  }

  /** Adds the 128-bit value {@code (h, l)}. */
  private void plus(long h, long l) {
    long sum = low + l;
    high += h + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    low = sum;
  }

  @Override
  public void merge(Accumulator other) {
    LongSumAccumulator o = (LongSumAccumulator) other;
    plus(o.high, o.low);
    nonNull += o.nonNull;
  }

  @Override
  public Object result() {
    if (nonNull == 0 && !zeroWhenEmpty) {
      return null;
    }
    if (high != low >> 63) {
      BigInteger exact = BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
      throw new ArithmeticException("integer overflow: the sum " + exact + " does not fit in BIGINT");
    }
    return low;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(low);
    out.writeLong(high);
    out.writeLong(nonNull);
  }

  @Override
  public void restore(StateInput in) {
    low = in.readLong();
    high = in.readLong();
    nonNull = in.readLong();
  }
}
