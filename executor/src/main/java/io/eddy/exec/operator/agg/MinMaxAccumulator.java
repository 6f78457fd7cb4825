package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.TreeMap;

/**
 * MIN, MAX (and ANY_VALUE as MIN): a sorted multiset of the non-null arguments, value -> weight,
 * so deleting the current extreme uncovers the next one. Values are compared by their natural
 * order (String, Long, Integer, Double, BigDecimal, Boolean).
 */
final class MinMaxAccumulator implements Accumulator {
  private final boolean max;
  private final TreeMap<Object, Long> values = new TreeMap<>();

  MinMaxAccumulator(boolean max) {
    this.max = max;
  }

  @Override
  public void addValue(Object v, long w) {
    values.merge(v, w, (x, y) -> x + y == 0 ? null : x + y);
  }

  /** O(values of {@code other}); callers merge the smaller multiset into the larger. */
  @Override
  public void merge(Accumulator other) {
    ((MinMaxAccumulator) other).values.forEach(this::addValue);
  }

  @Override
  public Object result() {
    if (values.isEmpty()) {
      return null;
    }
    return max ? values.lastKey() : values.firstKey();
  }

  @Override
  public int entries() {
    return values.size();
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(values.size());
    values.forEach((v, w) -> out.writeValue(v).writeLong(w));
  }

  @Override
  public void restore(StateInput in) {
    values.clear();
    for (int i = in.readCount(); i > 0; i--) {
      values.put(in.readValue(), in.readLong());
    }
  }
}
