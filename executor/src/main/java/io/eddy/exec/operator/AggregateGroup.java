package io.eddy.exec.operator;

import io.eddy.exec.batch.Row;
import io.eddy.exec.operator.agg.Accumulator;

/**
 * One group of an {@link AggregateOperator}: its key, the sum of its rows' weights, one
 * accumulator per call, and the output row last emitted (null if none). Not thread-safe.
 */
final class AggregateGroup {
  final Row key;
  final Accumulator[] accs;
  long count;
  Object[] emitted;
  /** Whether the group is in the operator's touched list of the current batch. */
  boolean touched;
  /** Whether the group was removed from its operator (emptied, or its window closed). */
  boolean removed;
  /** The state bytes last accounted for this group. */
  long bytes;

  AggregateGroup(Row key, Accumulator[] accs) {
    this.key = key;
    this.accs = accs;
  }
}
