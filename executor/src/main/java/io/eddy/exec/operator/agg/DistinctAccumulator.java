package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The DISTINCT variant of any accumulator: a multiset value -> weight of the non-null arguments;
 * a value contributes once to the inner accumulator while its weight is positive. Because the
 * contribution follows the sign of the running weight, rows may arrive in any order.
 */
final class DistinctAccumulator implements Accumulator {
  private final Accumulator inner;
  private final Map<Object, Long> counts = new HashMap<>();

  DistinctAccumulator(Accumulator inner) {
    this.inner = inner;
  }

  @Override
  public void addValue(Object v, long w) {
    long before = counts.getOrDefault(v, 0L);
    long after = before + w;
    if (after == 0) {
      counts.remove(v);
    } else {
      counts.put(v, after);
    }
    if (before <= 0 && after > 0) {
      inner.addValue(v, 1);
    } else if (before > 0 && after <= 0) {
      inner.addValue(v, -1);
    }
  }

  /** O(distinct values of {@code other}). */
  @Override
  public void merge(Accumulator other) {
    ((DistinctAccumulator) other).counts.forEach(this::addValue);
  }

  @Override
  public Object result() {
    return inner.result();
  }

  @Override
  public int entries() {
    return counts.size() + inner.entries();
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(counts.size());
    counts.forEach((v, w) -> out.writeValue(v).writeLong(w));
    inner.snapshot(out);
  }

  @Override
  public void restore(StateInput in) {
    counts.clear();
    for (int i = in.readCount(); i > 0; i--) {
      counts.put(in.readValue(), in.readLong());
    }
    inner.restore(in);
  }
}
