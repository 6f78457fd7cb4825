package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;

/** BOOL_AND ({@code and}) or BOOL_OR: weighted counts of TRUE and FALSE arguments. */
final class BoolAccumulator implements Accumulator {
  private final boolean and;
  private long trues;
  private long falses;

  BoolAccumulator(boolean and) {
    this.and = and;
  }

  @Override
  public void add(ZBatch b, int arg, int row, long w) {
    if (!b.isNull(arg, row)) {
      addBoolean(b.getBoolean(arg, row), w);
    }
  }

  @Override
  public void addValue(Object v, long w) {
    addBoolean((Boolean) v, w);
  }

  private void addBoolean(boolean v, long w) {
    if (v) {
      trues += w;
    } else {
      falses += w;
    }
  }

  @Override
  public void merge(Accumulator other) {
    BoolAccumulator o = (BoolAccumulator) other;
    trues += o.trues;
    falses += o.falses;
  }

  @Override
  public Object result() {
    if (trues == 0 && falses == 0) {
      return null;
    }
    return and ? falses == 0 : trues > 0;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(trues);
    out.writeLong(falses);
  }

  @Override
  public void restore(StateInput in) {
    trues = in.readLong();
    falses = in.readLong();
  }
}
