package io.eddy.exec.circuit;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.List;

/**
 * What a standing query drives: one {@link Circuit}, or several copies of it run by parallel
 * workers. Fed by one thread (the query's); the statistics ({@link #watermark()}, {@link
 * #lateRows()}, {@link #errors()}, {@link #lastError()}, {@link #stateSize()}, {@link #explain()})
 * may be read from any thread. See {@link Circuit} for the meaning of each method.
 */
public interface Dataflow {
  List<Circuit.Source> sources();

  RowType outputType();

  default void open(Emitter sink) {
    open(sink, LateRowSink.NONE);
  }

  void open(Emitter sink, LateRowSink late);

  /** Opens in the state {@link #snapshot} wrote; {@link IllegalStateException} when it does not fit. */
  default void open(Emitter sink, StateInput state) {
    open(sink, LateRowSink.NONE, state);
  }

  /** As {@link #open(Emitter, StateInput)}, the rows dropped as late going to {@code late}. */
  void open(Emitter sink, LateRowSink late, StateInput state);

  boolean checkpointable();

  List<String> unsupported();

  /** Writes the whole state; only between {@link #flush()}es, when nothing is in flight. */
  void snapshot(StateOutput out);

  void push(int sourceIndex, ZBatch batch);

  void advanceWatermark(int sourceIndex, long watermark);

  /**
   * Completes the work of what was pushed and advanced since the last flush: afterwards its
   * effect has reached the sink. A single circuit works synchronously in {@link #push} and does
   * nothing here; parallel workers run here.
   */
  default void flush() {}

  /**
   * Frees state the watermark released and the operators have not freed yet, up to {@code budget}
   * entries per operator ({@link Operator#freeReleased}); returns whether some still waits.
   * Between {@link #flush()}es only, when nothing is in flight.
   */
  default boolean freeReleased(int budget) {
    return false;
  }

  long watermark();

  long lateRows();

  long errors();

  RowErrors.Last lastError();

  StateSize stateSize();

  List<String> explain();

  List<String> explainState();

  /** Releases threads; the dataflow is not used afterwards. */
  default void close() {}
}
