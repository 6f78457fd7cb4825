package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;

/** {@code COUNT(*)} ({@code star}) or {@code COUNT(x)}: a weighted count. */
final class CountAccumulator implements Accumulator {
  private final boolean star;
  private long count;

  CountAccumulator(boolean star) {
    this.star = star;
  }

  @Override
  public void add(ZBatch b, int arg, int row, long w) {
    if (star || !b.isNull(arg, row)) {
      count += w;
    }
  }

  @Override
  public void addValue(Object v, long w) {
    count += w;
  }

  @Override
  public void merge(Accumulator other) {
    count += ((CountAccumulator) other).count;
  }

  @Override
  public Object result() {
    return count;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(count);
  }

  @Override
  public void restore(StateInput in) {
    count = in.readLong();
  }
}
