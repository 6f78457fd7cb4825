package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;

/**
 * A node of a circuit: maps input deltas to output deltas. Operators are driven by one thread (the
 * query's) and are not thread-safe. Output goes to the {@link Emitter} given at {@link #open}.
 */
public interface Operator {

  /** Called once before any batch; an operator may emit its initial contents here. */
  void open(Emitter out);

  /**
   * Called once when the operator is added to a circuit, before {@link #open}, with the operator
   * feeding each input port ({@code null} for a source). An operator that reads shared state of
   * its producer (a join reading an {@code ArrangeOperator}) binds to it here; the default ignores
   * its producers.
   */
  default void bindInputs(java.util.List<Operator> producers) {}

  /** Processes one delta arriving on input {@code port} (0 for single-input operators). */
  void onBatch(int port, ZBatch batch);

  /**
   * Event time advanced: every input's watermark is now at least {@code watermark} (millis), and
   * no later input row will belong to a window ending at or before it. Called with increasing
   * values only, after every batch that arrived before the advance. An operator may emit here
   * (closed windows); the circuit passes the watermark on to its consumers afterwards. The
   * default does nothing (stateless operators pass time through unchanged).
   */
  default void onWatermark(long watermark) {}

  /**
   * Frees up to {@code budget} entries of the state the watermark already released but the
   * operator has not freed yet (it frees them a slice at a time, see {@link
   * io.eddy.exec.state.DueQueue}); returns whether some are still waiting. {@code budget} 0 only
   * asks. The query calls this while its input is idle, so a query that goes quiet still gives
   * its closed windows back. Emits nothing. The default holds none.
   */
  default boolean freeReleased(int budget) {
    return false;
  }

  /**
   * Where this operator sends the rows it drops as late (see {@link LateRowSink}); called once,
   * before {@link #open}. The default ignores it (operators that never drop rows).
   */
  default void routeLateRows(LateRowSink sink) {}

  /**
   * The watermark of this operator's output when its inputs' is {@code watermark} (called right
   * after {@link #onWatermark}): every row it emits later has its event-time columns at or above
   * it. The default passes time through; an operator whose later output can carry older times
   * (an interval join) holds it back. Must not decrease as {@code watermark} grows.
   */
  default long outputWatermark(long watermark) {
    return watermark;
  }

  /** Input rows this operator dropped because their windows had closed (late rows). */
  default long lateRows() {
    return 0;
  }

  /**
   * The runtime errors of this operator's compiled expressions (division by zero, bad CAST,
   * overflow; those rows were skipped), or null if it evaluates none. Readable from any thread.
   */
  default RowErrors rowErrors() {
    return null;
  }

  /**
   * How this operator's state is bounded, for EXPLAIN STATE: e.g. {@code "bounded by the
   * watermark (window_end)"} or {@code "unbounded: grows with keys [0]"}; null if stateless.
   */
  default String stateBound() {
    return null;
  }

  /** Rows and approximate bytes of state this operator holds (0 for stateless ones). */
  default StateSize stateSize() {
    return StateSize.NONE;
  }

  /**
   * How the rows of input {@code port} must be spread when the query runs on parallel workers
   * ({@link Exchanges}). The default, {@link Partitioning#SINGLE}, is always correct (all rows
   * meet on one worker); operators that handle rows one by one answer {@link Partitioning#ANY},
   * keyed ones their key columns of that input.
   */
  default Partitioning partitioning(int port) {
    return Partitioning.SINGLE;
  }

  /**
   * For an operator with one input whose output column {@code column} is that input's column of
   * the returned index, unchanged, row for row (so rows equal there stay equal): that index; -1
   * when the column is computed (the default). Lets an exchange move in front of the operator.
   */
  default int passThrough(int column) {
    return -1;
  }

  /** One line for EXPLAIN, e.g. {@code Aggregate(keys=[0], COUNT(*), SUM($1))}. */
  String describe();

  /**
   * Tells the operator, before {@link #open}, that its consumers read only {@code columns} of its
   * output: it need not fill the others (their values are then unspecified). The default ignores
   * the hint.
   */
  default void readOnly(java.util.BitSet columns) {}
}
