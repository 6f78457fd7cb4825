package io.eddy.engine.internal;

import io.eddy.engine.RowAppender;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.TableDef;

/**
 * {@link RowAppender} over a {@link PartitionedBatch}: a row is written into its batch as its
 * columns are set while they come in order with values of their own kinds ({@link InOrderRow}),
 * and is staged in {@link RowValues} (whose rules every value follows) from the first set that
 * does not. Moving a half-written row to the staged path (a spill) reads back what was written;
 * a caller whose rows spill {@value #SPILLS_BEFORE_STAGING} times in a row sets its columns
 * another way (out of order, converted), so the next {@value #STAGED_RUN} rows are staged from
 * their first value, and then the in-order path is tried again. Not thread-safe.
 */
final class Appender implements RowAppender {
  static final int SPILLS_BEFORE_STAGING = 32;
  static final int STAGED_RUN = 1024;

  private final EngineRuntime rt;
  private final CatalogObject target;
  private final TopicLog topic;
  private final PartitionedBatch batch;
  /** The row being set, while its columns come in order; see {@link InOrderRow}. */
  private final InOrderRow inOrder;
  /** The row being set, once it could not be written in order. */
  private final RowValues row;
  private final int batchRows;
  /** Whether the row being set is in {@link #row} (else in {@link #inOrder}, or not begun). */
  private boolean staged;
  /** Whether the row being set moved from {@link #inOrder} to {@link #row} halfway (a spill). */
  private boolean spilled;
  /** Rows that spilled one after the other (rows staged from their start do not count). */
  private int spillsInARow;
  /** Rows still to be staged from their first value. */
  private int stagedRowsLeft;

  Appender(EngineRuntime rt, CatalogObject target, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batch size must be positive, not " + batchRows);
    }
    this.rt = rt;
    this.target = target;
    this.topic = rt.topic(target);
    this.batch = new PartitionedBatch(target, topic.partitions(), Math.min(batchRows, 1 << 16));
    this.inOrder = new InOrderRow(batch, target.rowType());
    this.row = batch.newRow();
    this.batchRows = batchRows;
  }

  @Override
  public RowAppender setLong(int column, long value) {
    if (staged || !inOrder.putLong(column, value)) {
      staged().setLong(column, value);
    }
    return this;
  }

  @Override
  public RowAppender setDouble(int column, double value) {
    if (staged || !inOrder.putDouble(column, value)) {
      staged().setDouble(column, value);
    }
    return this;
  }

  @Override
  public RowAppender setBoolean(int column, boolean value) {
    if (staged || !inOrder.putBoolean(column, value)) {
      staged().setBoolean(column, value);
    }
    return this;
  }

  @Override
  public RowAppender setString(int column, String value) {
    if (staged || !(value == null ? inOrder.putNull(column) : inOrder.putString(column, value))) {
      staged().setString(column, value);
    }
    return this;
  }

  @Override
  public RowAppender setUtf8(int column, byte[] utf8, int offset, int length) {
    if (staged || !inOrder.putUtf8(column, utf8, offset, length)) {
      staged().setUtf8(column, utf8, offset, length);
    }
    return this;
  }

  @Override
  public RowAppender setValue(int column, Object value) {
    staged().setValue(column, value);
    return this;
  }

  @Override
  public RowAppender setNull(int column) {
    if (staged || !inOrder.putNull(column)) {
      staged().setNull(column);
    }
    return this;
  }

  @Override
  public void discardRow() {
    inOrder.abort();
    startRow();
  }

  @Override
  public void endRow() {
    try {
      if (inOrder.isOpen()) {
        inOrder.end();
      } else {
        batch.add(RowCodec.INSERT, row);
      }
    } finally {
      nextRow();
    }
    if (batch.size() >= batchRows) {
      flush();
    }
  }

  /** Counts the row that ended (see the class javadoc) and starts the next: staged in a staged run, else in order. */
  private void nextRow() {
    if (spilled) {
      if (++spillsInARow == SPILLS_BEFORE_STAGING) {
        spillsInARow = 0;
        stagedRowsLeft = STAGED_RUN;
      }
    } else if (!staged) {
      spillsInARow = 0;
    }
    startRow();
  }

  /** Empties the staged row and starts the next one: staged while a staged run lasts, else in order. */
  private void startRow() {
    if (staged) { // only a staged row holds values
      row.clear();
    }
    spilled = false;
    staged = stagedRowsLeft > 0;
    if (staged) {
      stagedRowsLeft--;
    }
  }

  /** The staged row, into which the row written so far in order moves first (a spill). */
  private RowValues staged() {
    if (!staged) {
      spilled = inOrder.isOpen();
      inOrder.spill(row);
      staged = true;
    }
    return row;
  }

  @Override
  public int pending() {
    return batch.size();
  }

  @Override
  public long flush() {
    if (inOrder.isOpen()) { // a row being set in order sits half-written in its batch: it waits staged instead
      inOrder.spill(row);
      staged = true;
    }
    int n;
    if (target instanceof TableDef t && t.versioned()) { // keep the table's clock ahead of its changes
      synchronized (rt.tableClocks.lock(t)) {
        rt.tableClocks.advance(t, topic, batch.maxEventTime());
        n = batch.appendTo(topic);
      }
    } else {
      n = batch.appendTo(topic);
    }
    if (n > 0) {
      rt.signal.signal();
    }
    return n;
  }

  @Override
  public void close() {
    flush();
  }
}
