package io.eddy.engine.internal.parallel;

import io.eddy.exec.batch.ZBatch;
import java.util.Comparator;

/**
 * One thing a worker's circuit is fed in a round: rows pushed into a source ({@code batch}
 * non-null) or the source's watermark advanced to {@code watermark}. {@code seq} numbers the
 * push or advance of the query's own sources that caused it (in the order the query read them),
 * so that items arriving from several workers are replayed in that order ({@link #ORDER}): what
 * an operator sees between two watermark advances is the same as with one thread, only rows
 * within one step of time may come in another order, which a Z-set does not see. Immutable.
 */
record Item(long seq, int source, ZBatch batch, long watermark) {
  /** By cause; of one cause, rows before the watermark they were emitted ahead of. */
  static final Comparator<Item> ORDER = Comparator.comparingLong(Item::seq)
      .thenComparingInt(i -> i.batch() == null ? 1 : 0);

  static Item rows(long seq, int source, ZBatch batch) {
    return new Item(seq, source, batch, Long.MIN_VALUE);
  }

  static Item watermark(long seq, int source, long watermark) {
    return new Item(seq, source, null, watermark);
  }
}
