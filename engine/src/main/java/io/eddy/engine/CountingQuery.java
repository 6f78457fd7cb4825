package io.eddy.engine;

/**
 * A standing query whose output is counted and discarded (Flink's "blackhole" sink), started by
 * {@link Engine#startCounting}. For benchmarks and load tests: the sink costs two additions per
 * output batch, so what is measured is the query, not the materialization of its result.
 *
 * <p>Thread-safety: every method may be called from any thread while the query runs on its own.
 * The counters are published after each input batch has gone through the circuit, so after
 * {@link #awaitCaughtUp()} they include every change caused by rows appended before the call.
 */
public interface CountingQuery extends AutoCloseable {

  /**
   * Blocks until the query has processed every source partition up to its end offset as of the
   * call (the same wait a read-your-writes SELECT does). Throws the query's failure, if any.
   */
  void awaitCaughtUp();

  /**
   * Where the query's own sources end now (not the sources of queries upstream of them): a
   * point to wait for with {@link #awaitProcessed}. Cheap; lets one thread append while another
   * times when each append became visible.
   */
  Mark mark();

  /** Blocks until the query has processed its sources up to {@code mark}. Throws the query's failure, if any. */
  void awaitProcessed(Mark mark);

  /** A point in a query's input, from {@link #mark}. */
  interface Mark {}

  /** Input rows (source deltas) processed so far. */
  long rowsIn();

  /** Output deltas emitted so far (each row of each output batch, whatever its weight). */
  long changesOut();

  /** Sum of the weights emitted so far: the number of rows the result would hold now. */
  long netRowsOut();

  /** Rows held in the operators' state now (read while the query runs: an estimate). */
  long stateRows();

  /** Estimated bytes of the operators' state now. */
  long stateBytes();

  /** Stops the query; idempotent. */
  @Override
  void close();
}
