package io.eddy.engine;

/**
 * Appends rows to one stream or table field by field, without boxing: set the columns of a row
 * (by position, in any order; a column not set is NULL), then {@link #endRow()}. Rows collect in
 * one pending log batch per partition and are appended by {@link #flush()}, by {@link #close()},
 * or whenever the batch size given to {@link Engine#appender(String, int)} is reached; like
 * INSERT, every read after a flush returns sees them. Text can be given as UTF-8 bytes
 * ({@link #setUtf8}), which are copied into the log as they are, the fastest way in. Columns set in
 * ascending order, each with a value of its own type, are encoded as they are set; a row set
 * another way is collected and encoded at {@link #endRow()}, a little slower.
 *
 * <p>The rules are INSERT's: NOT NULL and WATERMARK columns need values, a stream's PROCTIME()
 * column is set by Eddy (one wall-clock value per batch), tables are partitioned by primary key.
 * A value that does not fit its column is refused with a {@code DATA}
 * {@link io.eddy.common.error.EddyException} naming the column (the column keeps its earlier
 * value); a row that breaks a rule is refused the same way by {@link #endRow()}, which drops it
 * and keeps the pending rows. Not thread-safe: one appender per thread.
 */
public interface RowAppender extends AutoCloseable {

  /** BIGINT, TIMESTAMP (epoch milliseconds), INT and DATE (days) when in range, DOUBLE, DECIMAL. */
  RowAppender setLong(int column, long value);

  RowAppender setDouble(int column, double value);

  RowAppender setBoolean(int column, boolean value);

  /** A VARCHAR; null sets NULL. */
  RowAppender setString(int column, String value);

  /**
   * A VARCHAR as {@code length} bytes of UTF-8 starting at {@code offset}. The bytes are read by
   * {@link #endRow()}, so they must not change before it; they are not validated.
   */
  RowAppender setUtf8(int column, byte[] utf8, int offset, int length);

  /** Any column, the value in the Java representation of {@link io.eddy.common.type.TypeKind}; null sets NULL. */
  RowAppender setValue(int column, Object value);

  RowAppender setNull(int column);

  /** Forgets the values set since the last {@link #endRow()}: the next row starts empty. */
  void discardRow();

  /** Adds the row to the pending batch (flushing it when full) and starts the next row. */
  void endRow();

  /** Rows added and not yet flushed. */
  int pending();

  /** Appends the pending rows, one log batch per partition; returns how many. Durable when it returns. */
  long flush();

  /** Flushes. */
  @Override
  void close();
}
