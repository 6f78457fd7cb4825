package io.eddy.engine.internal;

import io.eddy.exec.sink.ViewStore;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;

/**
 * The part of a checkpoint that belongs to a standing query's sink: a view's contents, or a
 * derived stream's log positions. Called on the query's thread (and before it starts).
 */
interface CheckpointSink {
  void snapshot(StateOutput out);

  void restore(StateInput in);

  /** Per partition of a derived stream's log, its end offset now; empty for a view. */
  long[] positions();

  /** Drops what the sink wrote beyond {@code positions} (a derived stream's log); nothing for a view. */
  void truncateTo(long[] positions);

  /**
   * Output written since the last commit that becomes visible only with the next {@link #commit()}
   * (a derived stream on Kafka, written in a transaction): {@code {partition, offset}} of one of
   * its records, recorded in the checkpoint; empty when there is none (views and file logs: their
   * output up to the checkpoint is part of the checkpoint itself).
   */
  default long[] pending() {
    return new long[0];
  }

  /**
   * Makes the pending output visible, after the checkpoint that records it is durable. When this
   * returns the output is readable; a failure leaves the outcome to the broker (the query fails,
   * and its restart decides by {@link #committed}).
   */
  default void commit() {}

  /**
   * At restore, after the sink resolved whatever an earlier run left unfinished: whether the
   * output {@code pending} names (a checkpoint's {@link #pending()}) committed. A checkpoint whose
   * pending output did not commit is not current.
   */
  default boolean committed(long[] pending) {
    return true;
  }

  /** A view's store. */
  static CheckpointSink of(ViewStore store) {
    return new CheckpointSink() {
      @Override
      public void snapshot(StateOutput out) {
        store.snapshot(out);
      }

      @Override
      public void restore(StateInput in) {
        store.restore(in);
      }

      @Override
      public long[] positions() {
        return new long[0];
      }

      @Override
      public void truncateTo(long[] positions) {}
    };
  }
}
