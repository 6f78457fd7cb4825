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
