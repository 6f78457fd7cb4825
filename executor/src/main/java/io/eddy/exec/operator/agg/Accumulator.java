package io.eddy.exec.operator.agg;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.batch.ZBatch;

/**
 * The state of one aggregate call for one group. Weighted additions commute, so rows may arrive in
 * any order, and a retraction is an addition with a negative weight; {@link #result()} is read
 * once the batch is applied, when no argument value may have a negative total. The FILTER has
 * been applied by the caller. Not thread-safe.
 */
public interface Accumulator {

  /**
   * Adds row {@code row} of {@code b}, whose argument is column {@code arg}, {@code w} times. By
   * default boxes a non-null argument into {@link #addValue}; hot accumulators read the column.
   */
  default void add(ZBatch b, int arg, int row, long w) {
    if (!b.isNull(arg, row)) {
      addValue(b.get(arg, row), w);
    }
  }

  /** Adds the non-null boxed argument {@code v} {@code w} times (the DISTINCT path). */
  void addValue(Object v, long w);

  /** The current result in the argument's representation (Long for integer sums); null if none. */
  Object result();

  /**
   * Folds the state of {@code other} (an accumulator of the same function) into this one, as if
   * every row added to it had been added here; {@code other} must not be used afterwards. Used
   * when two session windows merge.
   */
  void merge(Accumulator other);

  /** Distinct values held (for state size); 0 for fixed-size state. */
  default int entries() {
    return 0;
  }

  /**
   * Writes this accumulator's state for a checkpoint. An accumulator without checkpoint support
   * throws {@link UnsupportedOperationException}, which makes its query fall back to
   * recomputing from the log after a restart.
   */
  default void snapshot(StateOutput out) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
  }

  /** Replaces the state of this fresh accumulator with what {@link #snapshot} wrote. */
  default void restore(StateInput in) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
  }
}
