package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
/**
 * MIN / MAX / ANY_VALUE over an input the planner proved insert-only: only the current extreme is
 * kept (O(1) state per group instead of a sorted multiset). A retraction would mean the proof was
 * wrong, so it fails loudly instead of returning a wrong answer.
 */
final class ExtremeAccumulator implements Accumulator {
  private final boolean max;
  private Comparable<Object> best;

  ExtremeAccumulator(boolean max) {
    this.max = max;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void addValue(Object v, long w) {
    if (w < 0) {
      throw new IllegalStateException("retraction reached an aggregate planned as insert-only");
    }
    if (w == 0) {
      return;
    }
    Comparable<Object> c = (Comparable<Object>) v;
    if (best == null || (max ? c.compareTo(best) > 0 : c.compareTo(best) < 0)) {
      best = c;
    }
  }

  @Override
  public void merge(Accumulator other) {
    Comparable<Object> o = ((ExtremeAccumulator) other).best;
    if (o != null) {
      addValue(o, 1);
    }
  }

  @Override
  public Object result() {
    return best;
  }

  @Override
  public int entries() {
    return best == null ? 0 : 1;
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeValue(best);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void restore(StateInput in) {
    best = (Comparable<Object>) in.readValue();
  }
}
