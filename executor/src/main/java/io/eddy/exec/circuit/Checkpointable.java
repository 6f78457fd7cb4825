package io.eddy.exec.circuit;

import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;

/**
 * An {@link Operator} whose state can be saved in a checkpoint and restored into a fresh
 * instance of the same operator (same constructor arguments), so that the restored operator
 * behaves exactly as the original would from that point: the same outputs for the same later
 * inputs and watermarks, and the same {@link Operator#stateSize()}, {@link Operator#lateRows()}.
 *
 * <p>A circuit can be checkpointed only when every operator implements this
 * ({@link Circuit#checkpointable()}); an operator that does not (a new one) makes its query fall
 * back to recomputing from the log after a restart, never to a wrong state. Both methods are
 * called on the query's thread between batches; {@link #restore} after {@link Operator#open} (whose
 * output the circuit discards when restoring) and before any batch.
 */
public interface Checkpointable {

  /** Writes the operator's state. */
  void snapshot(StateOutput out);

  /** Replaces the (freshly opened, empty) operator's state with what {@link #snapshot} wrote. */
  void restore(StateInput in);

  /**
   * Whether this instance's state is wholly covered by {@link #snapshot} (an operator may support
   * checkpoints in some configurations only); when false its query recomputes after a restart.
   */
  default boolean canCheckpoint() {
    return true;
  }

  /** For operators without state (filter/project, union, ...): nothing to save. */
  interface Stateless extends Checkpointable {
    @Override
    default void snapshot(StateOutput out) {}

    @Override
    default void restore(StateInput in) {}
  }
}
